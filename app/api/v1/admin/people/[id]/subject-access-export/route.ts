import { download, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { staffSubjectAccessExport } from '@/lib/server/subject-access'

/** A member of staff's own data for their subject access request, in a zip. */
export const GET = withActor<{ id: string }>(async ({ actor, params }) => {
  const { zip, fileName } = await staffSubjectAccessExport(actor, recordId(params.id, 'person'))
  return download(fileName, zip, 'application/zip')
})
