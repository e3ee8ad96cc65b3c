import { withActor } from '@/lib/server/api'
import { listAlerts } from '@/lib/server/alerts'
import { parseInput } from '@/lib/server/errors'
import { z } from 'zod'

const query = z.object({ status: z.enum(['OPEN', 'RESOLVED'], { error: 'status is OPEN or RESOLVED' }).optional() })

export const GET = withActor(async ({ request, actor }) => ({ alerts: await listAlerts(actor, parseInput(query, Object.fromEntries(new URL(request.url).searchParams))) }))
