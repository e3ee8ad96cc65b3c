import { download, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { childSubjectAccessExport } from '@/lib/server/subject-access'

/** The child's whole record for a subject access request: record.html, record.json and the photos, in a zip. */
export const GET = withActor<{ id: string }>(async ({ actor, params }) => {
  const { zip, fileName } = await childSubjectAccessExport(actor, recordId(params.id, 'child'))
  return download(fileName, zip, 'application/zip')
})
