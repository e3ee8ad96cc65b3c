import Link from 'next/link'
import { InterviewList } from '@/components/InterviewList'
import { requireActor } from '@/lib/server/current-actor'
import { ForbiddenError } from '@/lib/server/errors'
import { listInterviewsWithTotal } from '@/lib/server/return-interviews'

export const metadata = { title: 'Return interviews' }

const TABS = [
  ['due', 'Due'],
  ['overdue', 'Overdue'],
  ['held', 'Held'],
  ['all', 'All'],
] as const

export default async function InterviewsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const actor = await requireActor()
  const asked = (await searchParams).status
  const status = TABS.find(([key]) => key === asked)?.[0] ?? 'due'
  const list = await listInterviewsWithTotal(actor, { status }).catch((e) => {
    if (e instanceof ForbiddenError) return null
    throw e
  })
  const interviews = list?.interviews
  return (
    <>
      <h1>Return interviews</h1>
      {!interviews ? (
        <p>Your roles do not include return interviews.</p>
      ) : (
        <>
          <p className="lede">
            Offered after every return, within 72 hours, by someone independent of the child&apos;s care.
          </p>
          <nav aria-label="Which interviews">
            <ul className="actions" style={{ listStyle: 'none', padding: 0 }}>
              {TABS.map(([key, label]) => (
                <li key={key}>
                  <Link
                    href={`/return-interviews?status=${key}`}
                    aria-current={key === status ? 'page' : undefined}
                    className={key === status ? 'button' : 'button secondary'}
                  >
                    {label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {list && list.total > list.interviews.length && (
            <p className="notice" role="status">
              Showing {list.interviews.length} of {list.total}:{' '}
              {status === 'held' || status === 'all' ? 'the most recent first' : 'the most overdue first'}.
            </p>
          )}
          {interviews.length === 0 ? (
            <p className="empty">
              None. When a child you work with comes back from a missing episode, their interview appears here.
            </p>
          ) : (
            <InterviewList interviews={interviews} />
          )}
        </>
      )}
    </>
  )
}
