// A real SMTP receiver on 127.0.0.1 for tests: records every message it accepts (its Message-ID, recipients,
// subject, text). It can be told to stall on a message without answering, as a slow relay would.
import { SMTPServer } from 'smtp-server'

export type Received = { messageId: string; to: string[]; subject: string; raw: string }

export async function startSmtpReceiver(options: { stallOn?: (count: number) => boolean; onStall?: () => void } = {}) {
  const received: Received[] = []
  let seen = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        seen++
        if (options.stallOn?.(seen)) {
          options.onStall?.()
          return // never answer: the sender is left waiting mid-delivery
        }
        const raw = Buffer.concat(chunks).toString('utf8')
        const header = (name: string) => raw.match(new RegExp(`^${name}:\\s*(.+)$`, 'mi'))?.[1].trim() ?? ''
        received.push({
          messageId: header('Message-ID'),
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: header('Subject'),
          raw,
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as { port: number }).port
  return {
    received,
    port,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
