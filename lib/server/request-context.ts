// The request id of what is being done now, carried from the request to the audit event and the error log line: an
// API request runs inside withRequestId (api.ts `logged`), a server action inside runAction; a page's reads and any
// other code a browser request reaches find it in the `x-request-id` header proxy.ts puts on every request. Scheduled
// jobs and the dispatcher have no request: their id is null.
import { AsyncLocalStorage } from 'node:async_hooks'
import { headers } from 'next/headers'
import { unstable_rethrow } from 'next/navigation'
import { plainRequestId } from './http'

const context = new AsyncLocalStorage<{ requestId: string | null }>()

/** Runs `body` with this request id as the current one (null: work that no request asked for). */
export function withRequestId<T>(requestId: string | null, body: () => T): T {
  return context.run({ requestId }, body)
}

/** The current request id set by withRequestId, or null (none set, or none to set). */
export function currentRequestId(): string | null {
  return context.getStore()?.requestId ?? null
}

/** The current request id: withRequestId's, else the header proxy.ts put on the browser's request, else null. */
export async function requestId(): Promise<string | null> {
  const store = context.getStore()
  if (store) return store.requestId
  try {
    return plainRequestId((await headers()).get('x-request-id'))
  } catch (e) {
    unstable_rethrow(e) // Next's own signals (a page found to be dynamic while prerendering) go on
    return null // outside a request: a scheduled job, the dispatcher, a script
  }
}
