'use client'
import { PageError } from '@/components/PageError'
import './globals.css'

/** An error in the layout itself (the header): the same words as app/error.tsx, in a document of its own. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en-GB">
      <body>
        <title>Haven</title>
        <main id="main">
          <PageError error={error} retry={retry} />
        </main>
      </body>
    </html>
  )
}
