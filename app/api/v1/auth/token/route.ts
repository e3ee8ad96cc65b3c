import { issueApiToken, revokeApiToken } from '@/lib/server/api-tokens'
import { logged, problemFrom, readJson, withActor } from '@/lib/server/api'
import { clientAddress } from '@/lib/server/request'
import { tokenRequestSchema } from '@/lib/validation/users'

/** E-mail and password in, a personal bearer token out. */
export const POST = logged(async (request: Request) => {
  try {
    const input = await readJson(request, tokenRequestSchema)
    const issued = await issueApiToken({ ...input, ip: clientAddress(request.headers) })
    return Response.json(
      { id: issued.id, token: issued.token, tokenType: 'Bearer', expiresAt: issued.expiresAt.toISOString() },
      { status: 201, headers: { 'Cache-Control': 'no-store' } },
    )
  } catch (e) {
    return problemFrom(e, '/api/v1/auth/token')
  }
})

/** Revokes the token this request is made with. */
export const DELETE = withActor(async ({ actor, tokenId }) => {
  await revokeApiToken(actor, tokenId)
  return new Response(null, { status: 204 })
})
