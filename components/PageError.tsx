'use client'
// What a page that could not be shown says (app/error.tsx, app/global-error.tsx): "Haven is busy" when the database
// was too busy to answer (the error's digest, lib/busy.ts), otherwise that something went wrong. The heading takes
// focus, so a keyboard or screen reader user hears what happened; "Try again" reads the page again from the server.
import { useEffect, useRef } from 'react'
import { BUSY_TITLE, isBusyDigest } from '@/lib/busy'

export function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [error])
  const busy = isBusyDigest(error)
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {busy ? BUSY_TITLE : 'Sorry, something went wrong'}
      </h1>
      <p>
        {busy
          ? 'Too many people are using Haven at once for it to answer in time. Nothing has been lost: wait a few seconds and try again.'
          : 'Nothing you were doing has been half-saved. Try again; if it keeps happening, tell your administrator.'}
      </p>
      <button type="button" className="button" onClick={() => retry()}>
        Try again
      </button>
    </>
  )
}
