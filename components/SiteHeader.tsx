import Link from 'next/link'
import { can } from '@/lib/domain/permissions'
import { currentActor } from '@/lib/server/current-actor'
import { isDatabaseBusy } from '@/lib/server/errors'
import { homesFor } from '@/lib/server/homes'
import { unreadCount } from '@/lib/server/notifications'
import { signOutAction } from '@/app/sign-in/actions'
import { NavLinks } from './NavLinks'
import { PrintFrame } from './PrintFrame'
import { reportsFor } from './ReportLinks'

/** What the header shows when the database is too busy to say: the page below says "Haven is busy" (app/error.tsx),
 * which the header, being part of the layout, would otherwise replace with the whole-page error. */
const whenBusy =
  <T,>(fallback: T) =>
  (e: unknown): T => {
    if (isDatabaseBusy(e)) return fallback
    throw e
  }

export async function SiteHeader() {
  const actor = await currentActor().catch(whenBusy(null))
  const homes = actor && can(actor, 'home.read') ? await homesFor(actor).catch(whenBusy([])) : []
  const unread = actor ? await unreadCount(actor).catch(whenBusy(0)) : 0
  const links = actor
    ? [
        { href: '/', label: 'Dashboard' },
        ...homes.slice(0, 2).map((h) => ({ href: `/homes/${h.id}`, label: h.name })),
        ...(can(actor, 'child.list') ? [{ href: '/children', label: 'Children' }] : []),
        ...(can(actor, 'episode.read') ? [{ href: '/places', label: 'Places' }] : []),
        ...(can(actor, 'interview.read') ? [{ href: '/return-interviews', label: 'Return interviews' }] : []),
        ...(can(actor, 'alert.read') ? [{ href: '/alerts', label: 'Alerts' }] : []),
        { href: '/notifications', label: unread ? `Inbox (${unread} unread)` : 'Inbox' },
        ...(reportsFor(actor).length ? [{ href: '/reports', label: 'Reports' }] : []),
        ...(can(actor, 'reg44.read')
          ? [{ href: '/oversight', label: can(actor, 'oversight.read') ? 'Oversight' : 'Your visits' }]
          : []),
        ...(can(actor, 'authority.configure') ? [{ href: '/settings', label: 'Settings' }] : []),
        ...(can(actor, 'user.manage') ? [{ href: '/admin/users', label: 'Users' }] : []),
        ...(can(actor, 'audit.verify') ? [{ href: '/admin/audit', label: 'Audit trail' }] : []),
        ...(can(actor, 'audit.person-access') ? [{ href: '/admin/access', label: 'What a person read' }] : []),
        ...(can(actor, 'retention.review') ? [{ href: '/admin/retention', label: 'Retention' }] : []),
        ...(can(actor, 'dispatcher.manage') ? [{ href: '/admin/dispatcher', label: 'E-mail outbox' }] : []),
        { href: '/account', label: 'Your account' },
      ]
    : []
  return (
    <>
      <header className="site-header">
        <div className="inner">
          <Link href="/" className="brand">
            Haven
          </Link>
          {actor && (
            <NavLinks links={links}>
              <div className="signed-in">
                <span>{actor.name}</span>
                <form action={signOutAction}>
                  <button type="submit" className="link-button">
                    Sign out
                  </button>
                </form>
              </div>
            </NavLinks>
          )}
        </div>
      </header>
      <PrintFrame printedBy={actor?.name ?? null} />
    </>
  )
}
