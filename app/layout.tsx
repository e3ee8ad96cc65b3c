import type { Metadata, Viewport } from 'next'
import { SiteHeader } from '@/components/SiteHeader'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Haven', template: '%s – Haven' },
  description: 'Missing episodes, return interviews and safety plans for children in children’s homes',
}
export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b3d4a' }

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <p className="print-only classification">OFFICIAL-SENSITIVE</p>
      </body>
    </html>
  )
}
