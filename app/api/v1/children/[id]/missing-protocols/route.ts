import { readJson, withActor } from '@/lib/server/api'
import { recordId } from '@/lib/server/errors'
import { createProtocolVersion, getMissingProtocols } from '@/lib/server/missing-protocols'
import { protocolSchema } from '@/lib/validation/missing-protocols'

/** Every version of the child's missing protocol, and whether one is current (the home is for the page only). */
export const GET = withActor<{ id: string }>(async ({ actor, params }) => {
  const { home: _, ...protocols } = await getMissingProtocols(actor, recordId(params.id, 'child'))
  return protocols
})

export const POST = withActor<{ id: string }>(async ({ request, actor, params }) =>
  Response.json(
    await createProtocolVersion(actor, recordId(params.id, 'child'), await readJson(request, protocolSchema)),
    { status: 201 },
  ),
)
