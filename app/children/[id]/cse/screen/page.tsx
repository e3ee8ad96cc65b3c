import Link from 'next/link'
import { notFound } from 'next/navigation'
import { can } from '@/lib/domain/permissions'
import { loadCseOr404 } from '@/app/(lib)/load-or-404'
import { ScreeningForm } from './ScreeningForm'

export const metadata = { title: 'Exploitation screening' }

export default async function ScreenPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<{ interview?: string }>
}) {
  const { actor, cse } = await loadCseOr404((await params).id)
  if (!can(actor, 'cse.screen')) notFound()
  const interview = (await searchParams).interview
  return (
    <>
      <p>
        <Link href={`/children/${cse.child.id}/cse`}>Back</Link>
      </p>
      <h1>
        Exploitation screening for {cse.child.firstName} {cse.child.lastName}
      </h1>
      <p className="lede">
        Tick what you have seen or been told, and when. The tool suggests a level for each kind of exploitation; you
        decide.
      </p>
      <ScreeningForm
        childId={cse.child.id}
        firstName={cse.child.firstName}
        suggestions={cse.suggestions}
        rules={cse.rules}
        kinds={cse.kindsScreened}
        sourceInterviewId={typeof interview === 'string' ? interview : null}
      />
    </>
  )
}
