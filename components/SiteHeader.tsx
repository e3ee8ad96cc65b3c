import Link from 'next/link'
import { can } from '@/lib/domain/permissions'
import { currentActor } from '@/lib/server/current-actor'
import { signOutAction } from '@/app/sign-in/actions'
import { NavLinks } from './NavLinks'

export async function SiteHeader() {
  const actor = await currentActor()
  const links = actor
    ? [
        { href: '/', label: 'Dashboard' },
        ...(can(actor, 'child.list') ? [{ href: '/children', label: 'Children' }] : []),
        ...(can(actor, 'user.manage') ? [{ href: '/admin/users', label: 'Users' }] : []),
        ...(can(actor, 'audit.verify') ? [{ href: '/admin/audit', label: 'Audit trail' }] : []),
        { href: '/account', label: 'Your account' },
      ]
    : []
  return (
    <header className="site-header">
      <div className="inner">
        <Link href="/" className="brand">
          Haven
        </Link>
        {actor && (
          <>
            <NavLinks links={links} />
            <div className="signed-in">
              <span>{actor.name}</span>
              <form action={signOutAction}>
                <button type="submit" className="link-button">
                  Sign out
                </button>
              </form>
            </div>
          </>
        )}
      </div>
    </header>
  )
}
