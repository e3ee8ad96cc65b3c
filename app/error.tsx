'use client'

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <>
      <h1>Sorry, something went wrong</h1>
      <p>Nothing you were doing has been half-saved. Try again; if it keeps happening, tell your administrator.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </>
  )
}
