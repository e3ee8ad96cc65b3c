import { withActor } from '@/lib/server/api'
import { parseInput } from '@/lib/server/errors'
import { listInterviews } from '@/lib/server/return-interviews'
import { interviewListQuerySchema } from '@/lib/validation/return-interviews'

export const GET = withActor(async ({ request, actor }) => {
  const query = parseInput(interviewListQuerySchema, Object.fromEntries(new URL(request.url).searchParams))
  return { interviews: await listInterviews(actor, query) }
})
