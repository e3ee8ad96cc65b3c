import Link from 'next/link'
import { notFound } from 'next/navigation'
import { loadChildOr404 } from '@/app/(lib)/load-or-404'
import { AmendmentForm, type AmendmentInputKind } from '@/components/AmendmentForm'
import { Corrections, shown } from '@/components/Corrections'
import { EXPLOITATION_KINDS, type ExploitationKind } from '@/lib/domain/cse'
import { describeKinds } from '@/lib/domain/exploitation-kinds'
import { MEETING_FIELDS, MEETING_KINDS, type MeetingField } from '@/lib/domain/meetings'
import { can } from '@/lib/domain/permissions'
import { formatDate } from '@/lib/domain/time'
import { listMeetings } from '@/lib/server/meetings'
import { amendMeetingAction } from '../actions'

export const metadata = { title: 'Strategy discussion or meeting' }

const INPUTS: Record<MeetingField, AmendmentInputKind> = {
  kind: { kind: 'choice', choices: Object.entries(MEETING_KINDS) },
  heldOn: { kind: 'date' },
  kinds: { kind: 'kinds' },
  childViews: { kind: 'text', rows: 3 },
  familyViews: { kind: 'text', rows: 3 },
  decisions: { kind: 'text', rows: 4 },
}

/** A corrected value as people read it: kinds of exploitation by name, a date as a date, a kind of meeting by name. */
function showValue(v: unknown) {
  if (Array.isArray(v))
    return describeKinds(v.filter((k): k is ExploitationKind => EXPLOITATION_KINDS.includes(k as ExploitationKind)))
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/.test(v)) return formatDate(v.slice(0, 10))
  if (typeof v === 'string' && v in MEETING_KINDS) return MEETING_KINDS[v as keyof typeof MEETING_KINDS]
  return shown(v)
}

/** One meeting as it stands now, its corrections, and (for the people who may) the form to correct it. */
export default async function MeetingPage({ params }: { params: Promise<{ id: string; meetingId: string }> }) {
  const { id, meetingId } = await params
  const { actor, child } = await loadChildOr404(id)
  const m = (await listMeetings(actor, child.id)).meetings.find((x) => x.id === meetingId)
  if (!m) notFound()
  const page = `/children/${child.id}/meetings`
  return (
    <>
      <p>
        <Link href={page}>Back to referrals and meetings</Link>
      </p>
      <h1>
        {m.kindLabel}, {formatDate(m.heldOn)}: {child.firstName} {child.lastName}
      </h1>
      <dl className="summary">
        <div>
          <dt>Kinds of exploitation</dt>
          <dd>{describeKinds(m.kinds)}</dd>
        </div>
        <div>
          <dt>Took part</dt>
          <dd>{m.participants.map((p) => `${p.name} (${p.agency})`).join(', ')}</dd>
        </div>
        <div>
          <dt>The child’s views</dt>
          <dd>{m.childViews ?? 'Not recorded'}</dd>
        </div>
        <div>
          <dt>The family’s views</dt>
          <dd>{m.familyViews ?? 'Not recorded'}</dd>
        </div>
        <div>
          <dt>Decisions</dt>
          <dd>{m.decisions}</dd>
        </div>
        <div>
          <dt>Recorded</dt>
          <dd>by {m.recordedBy}</dd>
        </div>
      </dl>
      <Corrections
        corrections={m.amendments.map((a, i) => ({
          id: String(i),
          at: a.at,
          author: a.author,
          field: a.field,
          previous: a.previousValue,
          now: a.newValue,
          reason: a.reason,
        }))}
        show={showValue}
      />
      {can(actor, 'meeting.amend') && (
        <section aria-labelledby="correct">
          <h2 id="correct">Correct this meeting</h2>
          <p>The meeting is never changed in place: the earlier value stays readable, with your name and reason.</p>
          <AmendmentForm
            fields={(Object.keys(MEETING_FIELDS) as MeetingField[]).map((f) => ({
              name: f,
              label: MEETING_FIELDS[f],
              input: INPUTS[f],
            }))}
            current={{
              kind: m.kind,
              heldOn: m.heldOn,
              kinds: m.kinds.join(','),
              childViews: m.childViews ?? '',
              familyViews: m.familyViews ?? '',
              decisions: m.decisions,
            }}
            version={m.version}
            maxLength={4000}
            action={amendMeetingAction.bind(null, m.id)}
            label="Correct this meeting"
          />
        </section>
      )}
    </>
  )
}
