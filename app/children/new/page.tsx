import { can, mayPlaceChild } from '@/lib/domain/permissions'
import { placementFormOptions } from '@/lib/server/placement-setting'
import { requireActor } from '@/lib/server/current-actor'
import { NewChildForm } from './NewChildForm'

export const metadata = { title: 'Add a child' }

export default async function NewChildPage() {
  const actor = await requireActor()
  if (!can(actor, 'child.create'))
    return (
      <>
        <h1>Add a child</h1>
        <p>Children are added by the registered manager of the home they are placed in, or by their social worker.</p>
      </>
    )
  const options = await placementFormOptions(actor)
  return (
    <>
      <h1>Add a child</h1>
      <p className="lede">Record the child and where they are placed. Everything else can be added later.</p>
      <NewChildForm {...options} allowOtherSetting={mayPlaceChild(actor, 'child.create', { homeId: null })} />
    </>
  )
}
