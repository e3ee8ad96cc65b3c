import Link from 'next/link'
import type { DashboardPanel } from '@/app/dashboard-panels'
import { ChildCards } from './ChildCards'
import { EpisodeList } from './EpisodeList'
import { ExploitationLevels } from './ExploitationLevels'
import { InterviewList } from './InterviewList'
import { ReportMissingList } from './ReportMissingList'

/** How many items a panel shows on the first screen; the rest are one click away. */
const SHOWN = 3
/** Up to this many urgent items (children missing now) are all shown. */
const URGENT_SHOWN = 8

/** How many items wait in a panel (its own total when it has one). */
export function itemCount(panel: DashboardPanel) {
  const lists = [panel.children, panel.episodes, panel.interviews, panel.cse, panel.report?.children]
  const listed = lists.reduce((n, list) => n + (list?.length ?? 0), 0)
  const links = (panel.links ?? []).filter((l) => !l.href.startsWith('/return-interviews?status=all')).length
  const levels = panel.levels?.children ?? 0
  return panel.count ?? listed + links + levels
}

/** A panel as a section with its first items and the rest folded (`all`: every item, for a folded panel). */
export function DashboardPanelView({ panel, id, all }: { panel: DashboardPanel; id?: string; all?: boolean }) {
  const items = (from: number, to?: number) => <Items panel={panel} from={from} to={to} />
  if (all)
    return (
      <>
        {items(0)}
        {panel.note && <p>{panel.note}</p>}
      </>
    )
  const listed = Math.max(
    ...[panel.children, panel.episodes, panel.interviews, panel.cse, panel.links].map((l) => l?.length ?? 0),
  )
  // the care worker's children are the first screen's action, and a home's children missing now are never folded away:
  // all of them shown (a missing team's long list of urgent items is folded like the rest)
  const shown = panel.report || (panel.urgency === 'now' && listed <= URGENT_SHOWN) ? Infinity : SHOWN
  return (
    <section className="panel" aria-labelledby={`${id}-title`} id={id} tabIndex={-1}>
      <h2 id={`${id}-title`}>
        {panel.title} ({itemCount(panel)})
      </h2>
      {items(0, shown)}
      {listed > shown && (
        <details>
          <summary>
            The other {listed - shown}: {panel.title.toLowerCase()}
          </summary>
          {items(shown)}
        </details>
      )}
      {panel.note && <p>{panel.note}</p>}
    </section>
  )
}

function Items({ panel, from, to }: { panel: DashboardPanel; from: number; to?: number }) {
  const cut = <T,>(list: T[] | undefined) => list?.slice(from, to) ?? []
  const links = cut(panel.links)
  return (
    <>
      {panel.report && <ReportMissingList list={cut(panel.report.children)} missingNow={panel.report.missingNow} />}
      {cut(panel.episodes).length > 0 && <EpisodeList episodes={cut(panel.episodes)} />}
      {cut(panel.interviews).length > 0 && <InterviewList interviews={cut(panel.interviews)} />}
      {cut(panel.children).length > 0 && <ChildCards list={cut(panel.children)} />}
      {from === 0 && panel.levels && <ExploitationLevels levels={panel.levels} empty={panel.empty} />}
      {cut(panel.cse).length > 0 && (
        <ul className="cards">
          {cut(panel.cse).map((c) => (
            <li key={c.child.id}>
              <Link className="title" href={`/children/${c.child.id}/cse`}>
                {c.child.firstName} {c.child.lastName}
              </Link>
              {c.flags.map((f) => (
                <div key={f.code} className={f.level === 'critical' ? 'tag tag-critical' : 'muted'}>
                  {f.message}
                </div>
              ))}
            </li>
          ))}
        </ul>
      )}
      {links.length > 0 && (
        <ul>
          {links.map((l) => (
            <li key={l.label}>
              {l.href === '#' ? <strong>{l.label}</strong> : <Link href={l.href}>{l.label}</Link>}
              {l.note && <span className="muted"> – {l.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
