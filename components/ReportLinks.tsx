import Link from 'next/link'
import { can } from '@/lib/domain/permissions'
import type { Actor } from '@/lib/domain/roles'

/** The reports a person's roles include, in one list (the Reports page, and the top of each report). */
export function reportsFor(actor: Actor) {
  return [
    ...(can(actor, 'report.missing')
      ? [
          {
            href: '/reports/missing',
            label: 'Missing episodes',
            about:
              'Episodes by month, home and authority; how long, what time of day, which day; repeat children; return interviews; CSE risk and safety plans. Charts, tables and CSV.',
          },
        ]
      : []),
    ...(can(actor, 'interview.timeliness')
      ? [
          {
            href: '/reports/return-interviews',
            label: 'Return interview timeliness',
            about: 'Returns, offers and interviews held within 72 hours, per home and per placing authority.',
          },
        ]
      : []),
    ...(can(actor, 'report.ofsted-home') || can(actor, 'report.annex-a')
      ? [
          {
            href: '/reports/ofsted',
            label: 'Figures for Ofsted',
            about: 'What a children’s home inspection asks for, and Annex A’s missing columns for a local authority.',
          },
        ]
      : []),
    ...(can(actor, 'export.ssda903')
      ? [
          {
            href: '/reports/ssda903',
            label: 'SSDA903 return',
            about: 'Check and download the Header, Episodes and Missing tables for the DfE.',
          },
        ]
      : []),
  ]
}

export function ReportLinks({ actor, current }: { actor: Actor; current: string }) {
  return (
    <nav aria-label="Reports">
      <ul className="inline-links">
        {reportsFor(actor).map((r) => (
          <li key={r.href}>
            <Link href={r.href} aria-current={r.href === current ? 'page' : undefined}>
              {r.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
