import Link from 'next/link'

/** What the home's registered manager (or responsible individual) is told while the home has no phone number. */
export const NO_HOME_PHONE =
  "E-mails to the protocol's outside contacts cannot say which number to ring until the home's phone number is set."

/** The warning, with a link to the form on the home's page (or, on that page, to the form below). */
export function HomePhoneMissing({
  home,
  onHomePage = false,
}: {
  home: { id: string; name: string }
  onHomePage?: boolean
}) {
  return (
    <p className="concern concern-warning">
      {NO_HOME_PHONE}{' '}
      <Link href={onHomePage ? '#phone' : `/homes/${home.id}#phone`}>
        {onHomePage ? 'Set it below' : `Set ${home.name}’s phone number`}
      </Link>
      .
    </p>
  )
}
