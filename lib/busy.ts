// "Haven is busy": the words, and the digest by which the error page recognises a page that could not be read because
// the database was too busy. Shared by the server (lib/server/errors.ts) and the error page (a client component).

/**
 * In production Next.js gives a page's error boundary only a generic message and the error's digest (a hash, unless
 * the error carries a digest of its own, which it keeps). A busy database's error carries this one: it says nothing
 * about the request, so it is safe to reach the browser.
 */
export const BUSY_DIGEST = 'HAVEN_DATABASE_BUSY'

export const BUSY_TITLE = 'Haven is busy, try again in a moment'

/** Whether an error that reached an error boundary is a busy database's. */
export const isBusyDigest = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { digest?: unknown }).digest === BUSY_DIGEST
