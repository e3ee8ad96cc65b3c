import Link from 'next/link'
import { can } from '@/lib/domain/permissions'
import { formatMonth } from '@/lib/domain/time'
import { requireActor } from '@/lib/server/current-actor'
import { recordId } from '@/lib/server/errors'
import { currentMonth } from '@/lib/server/oversight/month'
import { visitorChecklist } from '@/lib/server/oversight/checklist'
import { orNotFound } from '@/app/(lib)/load-or-404'
import { ChecklistView } from '../Checklist'
import { MonthPicker, monthOrCurrent } from '../MonthPicker'

export const metadata = { title: 'Visitor’s checklist' }

export default async function ChecklistPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<{ month?: string }>
}) {
  const actor = await requireActor()
  const { id } = await params
  const { month, problem } = monthOrCurrent((await searchParams).month, currentMonth())
  const checklist = await orNotFound(visitorChecklist(actor, recordId(id, 'home'), month))
  const base = `/homes/${checklist.home.id}/oversight`
  return (
    <>
      <p>
        <Link href={can(actor, 'oversight.read') ? `${base}?month=${month}` : '/'}>
          {can(actor, 'oversight.read') ? `Back to the oversight of ${checklist.home.name}` : 'Back to your dashboard'}
        </Link>
      </p>
      <h1>
        What to check at {checklist.home.name}: {formatMonth(month)}
      </h1>
      <p className="lede">
        For the independent person’s visit (Regulation 44): first names and facts from Haven, not children’s case
        records.
      </p>
      {problem && <p className="concern concern-warning">{problem}: showing this month instead.</p>}
      <MonthPicker base={`${base}/checklist`} month={month} current={currentMonth()} />
      <ChecklistView checklist={checklist} />
      <ul className="inline-links">
        {can(actor, 'reg44.record') && (
          <li>
            <Link href={`${base}/visits/new`}>Record a visit</Link>
          </li>
        )}
        <li>
          <Link href={`${base}/pack?month=${month}`}>Printable monthly pack</Link>
        </li>
      </ul>
    </>
  )
}
