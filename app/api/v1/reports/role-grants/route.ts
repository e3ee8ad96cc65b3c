import { withActor } from '@/lib/server/api'
import { parseInput } from '@/lib/server/errors'
import { roleGrantReport } from '@/lib/server/role-grants'
import { roleGrantReportQuerySchema } from '@/lib/validation/users'

// Every role grant and removal in a period, with who, when, why and who approved it (system administrators).
export const GET = withActor(async ({ request, actor }) =>
  roleGrantReport(actor, parseInput(roleGrantReportQuerySchema, Object.fromEntries(new URL(request.url).searchParams))),
)
