import { withActor } from '@/lib/server/api'
import { listAlerts } from '@/lib/server/alerts'
import { parseInput } from '@/lib/server/errors'
import { alertListQuerySchema } from '@/lib/validation/alerts'

export const GET = withActor(async ({ request, actor }) =>
  listAlerts(actor, parseInput(alertListQuerySchema, Object.fromEntries(new URL(request.url).searchParams))),
)
