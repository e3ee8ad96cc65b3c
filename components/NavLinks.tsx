'use client'
// The site's navigation behind a "Menu" button on a phone (the header stays one line high, so the page starts on the
// first screen); on a wide screen the button is hidden and the navigation always shows (the CSS decides). Until the
// page's script runs (or without it), "Menu" is a link to the navigation, which the CSS shows as the link's target;
// the script then makes it the button.
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useRef, useState, useSyncExternalStore } from 'react'

const noChange = () => () => {}

export function NavLinks({
  links,
  children,
}: {
  links: { href: string; label: string }[]
  children?: React.ReactNode
}) {
  const pathname = usePathname()
  // the page the menu was opened on: going to another page closes it
  const [openOn, setOpenOn] = useState<string | null>(null)
  const open = openOn === pathname
  const button = useRef<HTMLButtonElement>(null)
  // false in the server's HTML and while React takes it over; true from then on
  const scripted = useSyncExternalStore(
    noChange,
    () => true,
    () => false,
  )
  const isCurrent = (href: string) => (href === '/' ? pathname === '/' : pathname.startsWith(href))

  const closeOnEscape = (event: React.KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return
    setOpenOn(null)
    button.current?.focus()
  }

  return (
    <div className="site-menu-wrap" onKeyDown={closeOnEscape}>
      {scripted ? (
        <button
          type="button"
          ref={button}
          className="menu-button"
          aria-expanded={open}
          aria-controls="site-menu"
          onClick={() => setOpenOn(open ? null : pathname)}
        >
          Menu
        </button>
      ) : (
        <a href="#site-menu" className="menu-button">
          Menu
        </a>
      )}
      <div id="site-menu" className={`site-menu${open ? ' open' : ''}${scripted ? '' : ' unscripted'}`}>
        <nav className="site-nav" aria-label="Main">
          <ul>
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} aria-current={isCurrent(link.href) ? 'page' : undefined}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {children}
      </div>
    </div>
  )
}
