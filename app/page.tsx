import { DashboardPanelView, itemCount } from '@/components/DashboardPanel'
import { requireActor } from '@/lib/server/current-actor'
import { dashboardData } from '@/lib/server/dashboard'
import { rolesHeld } from '@/app/(lib)/roles-held'
import { dashboardPanels, type DashboardPanel } from '@/app/dashboard-panels'

export const metadata = { title: 'Dashboard' }

const slug = (title: string) => `panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
const ORDER = { now: 0, act: 1, info: 2 }

// Triage first: what needs the person now (missing, critical, overdue), then what to act on, each panel's first
// items on the first screen and the rest one click away; lists for reference and empty panels last, folded.
export default async function DashboardPage() {
  const actor = await requireActor()
  const panels = dashboardPanels(actor, await dashboardData(actor))
  const waiting = panels.filter((p) => itemCount(p) > 0).sort((a, b) => ORDER[a.urgency] - ORDER[b.urgency])
  const open = waiting.filter((p) => p.urgency !== 'info')
  const folded = waiting.filter((p) => p.urgency === 'info')
  const empty = panels.filter((p) => itemCount(p) === 0 && p.empty)
  return (
    <>
      <h1>Hello, {actor.name}</h1>
      <p className="lede">{rolesHeld(actor).join(' · ') || 'You hold no roles yet: ask your administrator.'}</p>
      {open.length > 3 && <ToDo panels={open} />}
      <div className="grid">
        {open.map((panel) => (
          <DashboardPanelView key={panel.title} panel={panel} id={slug(panel.title)} />
        ))}
      </div>
      {folded.map((panel) => (
        <details className="panel" key={panel.title}>
          <summary>
            <h2 id={slug(panel.title)} style={{ display: 'inline' }}>
              {panel.title} ({itemCount(panel)})
            </h2>
          </summary>
          <DashboardPanelView panel={panel} all />
        </details>
      ))}
      {empty.length > 0 && (
        <details className="panel">
          <summary>Nothing waiting in {empty.map((p) => p.title).join(', ')}</summary>
          <ul>
            {empty.map((p) => (
              <li key={p.title}>
                <strong>{p.title}.</strong> {p.empty}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  )
}

/** One line a panel, most urgent first: "Plans due (12)", a link to the panel below. */
function ToDo({ panels }: { panels: DashboardPanel[] }) {
  return (
    <nav aria-label="Waiting for you">
      <ul className="to-do">
        {panels.map((p) => (
          <li key={p.title}>
            <a href={`#${slug(p.title)}`}>
              {p.title} ({itemCount(p)})
            </a>
            {p.urgency === 'now' && <span className="tag tag-critical">Now</span>}
          </li>
        ))}
      </ul>
    </nav>
  )
}
