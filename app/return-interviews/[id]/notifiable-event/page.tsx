import Link from 'next/link'
import { notFound } from 'next/navigation'
import { can } from '@/lib/domain/permissions'
import { loadInterviewOr404 } from '@/app/(lib)/load-or-404'
import { ProposeNotifiableEventForm } from '@/components/ProposeNotifiableEventForm'

export const metadata = { title: 'This may be a Regulation 40 event' }

export default async function ProposeFromInterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, interview } = await loadInterviewOr404((await params).id)
  if (!can(actor, 'reg40.propose')) notFound()
  return (
    <>
      <p>
        <Link href={`/return-interviews/${interview.id}`}>Back to the return interview</Link>
      </p>
      <h1>This may be a Regulation 40 event</h1>
      <p className="lede">
        From the return interview with {interview.child.firstName} {interview.child.lastName}. The registered manager of
        the child&rsquo;s home decides whether to notify Ofsted and the others Regulation 40 names, or records why it is
        not notifiable. Say what happened in your own words: what the child said stays on the interview.
      </p>
      <ProposeNotifiableEventForm
        source={{ interviewId: interview.id }}
        returnTo={`/return-interviews/${interview.id}`}
      />
    </>
  )
}
