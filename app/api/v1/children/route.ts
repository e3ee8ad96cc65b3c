import { readJson, withActor } from '@/lib/server/api'
import { createChild, listChildren } from '@/lib/server/children'
import { parseInput } from '@/lib/server/errors'
import { childListQuerySchema, newChildSchema } from '@/lib/validation/children'

export const GET = withActor(async ({ request, actor }) => {
  const query = parseInput(childListQuerySchema, Object.fromEntries(new URL(request.url).searchParams))
  return listChildren(actor, query)
})

export const POST = withActor(async ({ request, actor }) => {
  const created = await createChild(actor, await readJson(request, newChildSchema))
  return Response.json(created, { status: 201, headers: { Location: `/api/v1/children/${created.id}` } })
})
