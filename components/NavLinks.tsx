'use client'
// The site's navigation behind a "Menu" button on a phone (the header stays one line high, so the page starts on the
// first screen); on a wide screen the button is hidden and the navigation always shows (the CSS decides).
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useRef, useState } from 'react'

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
  const isCurrent = (href: string) => (href === '/' ? pathname === '/' : pathname.startsWith(href))

  const closeOnEscape = (event: React.KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return
    setOpenOn(null)
    button.current?.focus()
  }

  return (
    <div className="site-menu-wrap" onKeyDown={closeOnEscape}>
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
      <div id="site-menu" className={open ? 'site-menu open' : 'site-menu'}>
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
