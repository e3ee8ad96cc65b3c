import { download } from '@/lib/server/api'
import { currentActor } from '@/lib/server/current-actor'
import { describeError, recordId } from '@/lib/server/errors'
import { childSubjectAccessExport } from '@/lib/server/subject-access'

// The child's whole record as a zip, for the signed-in registered manager or missing lead (the page's download link).
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor()
  if (!actor) return new Response('Sign in to download the record.', { status: 401 })
  try {
    const { zip, fileName } = await childSubjectAccessExport(actor, recordId((await params).id, 'child'))
    return download(fileName, zip, 'application/zip')
  } catch (e) {
    const { status, message } = describeError(e)
    return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
}
