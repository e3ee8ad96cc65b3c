import { currentActor } from '@/lib/server/current-actor'
import { describeError, recordId } from '@/lib/server/errors'
import { getReportFile } from '@/lib/server/oversight/visit-reports'

// The uploaded Reg 44 report file, for those who read the visit (scoped and audited like the visit): always a download
// under Haven's name for it, of the type its bytes were checked to be, so the browser never opens or runs it itself.
export async function GET(_request: Request, { params }: { params: Promise<{ visitId: string; reportId: string }> }) {
  const actor = await currentActor()
  if (!actor) return new Response('Sign in to continue.', { status: 401 })
  const { visitId, reportId } = await params
  try {
    const file = await getReportFile(actor, recordId(visitId, 'visit'), recordId(reportId, 'report'))
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  } catch (e) {
    const { status, message, fieldErrors } = describeError(e)
    return new Response(fieldErrors.reportFile ?? message, {
      status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
}
