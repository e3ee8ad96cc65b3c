'use client'
import { PageError } from '@/components/PageError'

/** A page that could not be shown, below the header (a busy database, or a bug). */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError error={error} retry={retry} />
}
