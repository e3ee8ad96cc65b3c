import { readJson, withActor } from '@/lib/server/api'
import { changeOwnPassword } from '@/lib/server/passwords'
import { clientAddress } from '@/lib/server/request'
import { passwordChangeSchema } from '@/lib/validation/users'

/** Changes your own password: every other session and API token of yours ends (this token goes on working). */
export const POST = withActor(async ({ request, actor, tokenId }) => {
  const input = await readJson(request, passwordChangeSchema)
  await changeOwnPassword(actor, input, { ip: clientAddress(request.headers), channel: 'api', tokenId })
  return new Response(null, { status: 204 })
})
