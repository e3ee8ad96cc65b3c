import Link from 'next/link'

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is nothing at this address, or it is a record you do not have access to.</p>
      <p>
        <Link href="/">Go to your dashboard</Link>
      </p>
    </>
  )
}
