// Haven's logger: one JSON line per entry, and nothing about a child even when something is logged by mistake.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { log, logOutput } from '@/lib/server/log'
import { plainRequestId } from '@/lib/server/http'
import { currentRequestId, requestId, withRequestId } from '@/lib/server/request-context'

afterEach(() => vi.restoreAllMocks())

function captured(write: () => void) {
  const spy = vi.spyOn(logOutput, 'write').mockImplementation(() => {})
  write()
  return spy.mock.calls.map((c) => JSON.parse(String(c[0])))
}

describe('the log', () => {
  it("redacts a child's name, date of birth and free text logged by mistake, at any depth", () => {
    const child = { id: 'c1', firstName: 'Ellie', lastName: 'Marsh', dateOfBirth: '2011-04-02', preferredName: 'El' }
    const [line] = captured(() =>
      log.info({
        event: 'oops',
        child,
        episode: { id: 'e1', notes: 'Ellie was seen at the bus station', return: { summary: 'Said she was with Jay' } },
        input: { search: 'Marsh', address: { postcode: 'LS1 4AP' } },
        name: 'Ellie Marsh',
      }),
    )
    expect(line).toMatchObject({
      level: 'info',
      event: 'oops',
      name: '[redacted]',
      child: { id: 'c1', firstName: '[redacted]', lastName: '[redacted]', dateOfBirth: '[redacted]' },
      episode: { id: 'e1', notes: '[redacted]', return: { summary: '[redacted]' } },
      input: { search: '[redacted]', address: '[redacted]' },
    })
    expect(JSON.stringify(line)).not.toMatch(/Ellie|Marsh|2011|bus station|Jay|LS1/)
    expect(Object.keys(line)).not.toContain('pid')
    expect(line.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })

  it('logs an error with its type, message and stack', () => {
    class StoreError extends Error {
      constructor(message: string) {
        super(message)
        this.name = 'StoreError' // an own property, as Haven's errors set it
      }
    }
    const [line] = captured(() => log.error({ event: 'error', requestId: 'r1', err: new StoreError('broken') }))
    expect(line).toMatchObject({ level: 'error', event: 'error', requestId: 'r1', err: { type: 'StoreError' } })
    expect(line.err.stack).toMatch(/StoreError: broken\n\s+at /)
    expect(line.err).not.toHaveProperty('name') // its type says it; a `name` key is redacted
  })
})

describe('the request context', () => {
  it('carries the request id through awaits, and has none outside a request', async () => {
    expect(currentRequestId()).toBeNull()
    expect(await requestId()).toBeNull() // no Next request either: a job, a script
    await withRequestId('abc-1', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1))
      expect(currentRequestId()).toBe('abc-1')
      expect(await requestId()).toBe('abc-1')
      await withRequestId(null, async () => expect(await requestId()).toBeNull())
    })
  })
  it('believes only a plain request id from the proxy', () => {
    expect(plainRequestId('5f2b0c1e9a8d4c6b')).toBe('5f2b0c1e9a8d4c6b')
    expect(plainRequestId('lb-1234.a_b')).toBe('lb-1234.a_b')
    for (const sent of [null, '', 'not valid!', 'x'.repeat(101), 'Ellie Marsh']) expect(plainRequestId(sent)).toBeNull()
  })
})
