// The missing protocol's e-mail addresses, told by Haven itself through the outbox when a child is reported missing
// and when they come back (the emergency duty team, the host authority's missing coordinator, a parent where the
// plan says so). Someone without an account has no inbox and cannot sign in, so their e-mail has no link: under the
// fixed subject it gives the child's initials at most, the home to ring (on its phone number, once the home has one)
// and the episode's reference. Each contact told gets a "told" record, by Haven, at the time the e-mail was queued;
// the episode page shows its delivery beside it. Once per address and event: reporting, a correction or a retry never
// e-mails the same address twice for one event.
import { contactsToEmail, episodeReference } from '@/lib/domain/missing-protocols'
import { inTurn, type Tx } from './database'
import { initials, notify } from './notifications'
import { contactsOf, protocolFor } from './missing-protocols'

export type ProtocolEmailEvent = 'episode.opened' | 'episode.returned'

/** What an address outside Haven is sent: who it is about (initials), which home to ring, on which number when the
 * home has one (Home.phone), and the reference. */
export function outsiderEmailBody(
  who: string,
  home: { name: string; town: string; phone?: string | null } | null,
  reference: string,
) {
  const number = home?.phone ? `, on ${home.phone},` : ''
  const ring = home ? `${home.name}, ${home.town}${number}` : 'the home that looks after them'
  return [
    `Something about ${who} needs your attention.`,
    `Please ring ${ring} and give the reference ${reference}.`,
    'This e-mail has no link: the home will tell you more when you ring.',
  ].join('\n\n')
}

/** Queues the e-mails for the protocol's addresses and records each contact told; returns how many were queued. */
export async function tellProtocolEmails(
  tx: Tx,
  episode: { id: string; childId: string; homeId: string | null },
  event: ProtocolEmailEvent,
  now: Date,
) {
  const protocol = await protocolFor(tx, episode.childId)
  const contacts = protocol ? contactsToEmail(protocol, contactsOf(protocol)) : []
  if (!contacts.length) return 0
  const link = `/episodes/${episode.id}`
  const addresses = [...new Set(contacts.map((c) => c.email.toLowerCase()))]
  const already = await tx.notification.findMany({
    where: { recipientEmail: { in: addresses }, kind: event, link },
    select: { recipientEmail: true },
  })
  const fresh = addresses.filter((a) => !already.some((n) => n.recipientEmail === a))
  if (!fresh.length) return 0
  const [child, home] = await inTurn(
    () => tx.child.findUniqueOrThrow({ where: { id: episode.childId }, select: { firstName: true, lastName: true } }),
    async () =>
      episode.homeId
        ? tx.home.findUnique({ where: { id: episode.homeId }, select: { name: true, town: true, phone: true } })
        : null,
  )
  const who = initials(child)
  const rows = await notify(
    tx,
    fresh.map((recipientEmail) => ({
      recipientEmail,
      kind: event,
      // no inbox shows it: the title says only what the e-mail was for
      title: `${who}: ${event === 'episode.opened' ? 'reported' : 'came back'}; the missing protocol's address told`,
      body: outsiderEmailBody(who, home, episodeReference(episode.id)),
      link,
      childId: episode.childId,
    })),
    now,
  )
  await tx.episodeTold.createMany({
    data: contacts
      .filter((c) => fresh.includes(c.email.toLowerCase()))
      .map((c) => ({
        episodeId: episode.id,
        who: c.who,
        name: c.name,
        toldAt: now,
        method: 'HAVEN' as const,
        toldById: null,
        email: c.email.toLowerCase(),
        notificationId: rows.find((r) => r.recipientEmail === c.email.toLowerCase())!.id,
        createdAt: now,
      })),
  })
  return fresh.length
}
