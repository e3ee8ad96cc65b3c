import Link from 'next/link'
import { ChildCards } from '@/components/ChildCards'
import { ExploitationLevels } from '@/components/ExploitationLevels'
import { EpisodeList } from '@/components/EpisodeList'
import { InterviewList } from '@/components/InterviewList'
import { requireActor } from '@/lib/server/current-actor'
import { dashboardData } from '@/lib/server/dashboard'
import { rolesHeld } from '@/app/(lib)/roles-held'
import { dashboardPanels } from '@/app/dashboard-panels'

export const metadata = { title: 'Dashboard' }

const slug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-')

export default async function DashboardPage() {
  const actor = await requireActor()
  const panels = dashboardPanels(actor, await dashboardData(actor))
  return (
    <>
      <h1>Hello, {actor.name}</h1>
      <p className="lede">{rolesHeld(actor).join(' · ') || 'You hold no roles yet: ask your administrator.'}</p>
      <div className="grid">
        {panels.map((panel) => (
          <section className="panel" key={panel.title} aria-labelledby={`panel-${slug(panel.title)}`}>
            <h2 id={`panel-${slug(panel.title)}`}>{panel.title}</h2>
            {panel.children && panel.children.length > 0 && <ChildCards list={panel.children} />}
            {panel.episodes && panel.episodes.length > 0 && <EpisodeList episodes={panel.episodes} />}
            {panel.interviews && panel.interviews.length > 0 && <InterviewList interviews={panel.interviews} />}
            {panel.interviews && panel.interviews.length === 0 && <p className="empty">{panel.empty}</p>}
            {panel.levels && <ExploitationLevels levels={panel.levels} empty={panel.empty} />}
            {panel.cse && panel.cse.length === 0 && <p className="empty">{panel.empty}</p>}
            {panel.cse && panel.cse.length > 0 && (
              <ul className="cards">
                {panel.cse.map((c) => (
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
            {panel.links && panel.links.length > 0 && (
              <ul>
                {panel.links.map((l) => (
                  <li key={l.label}>
                    {l.href === '#' ? <strong>{l.label}</strong> : <Link href={l.href}>{l.label}</Link>}
                    {l.note && <span className="muted"> – {l.note}</span>}
                  </li>
                ))}
              </ul>
            )}
            {!panel.children?.length &&
              !panel.episodes?.length &&
              !panel.interviews &&
              !panel.cse &&
              !panel.levels &&
              !panel.links?.length &&
              panel.empty && <p className="empty">{panel.empty}</p>}
            {panel.note && <p>{panel.note}</p>}
          </section>
        ))}
      </div>
    </>
  )
}
