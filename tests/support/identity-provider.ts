// A real OpenID Connect provider (the oidc-provider package) on 127.0.0.1, for the tests of sign-in with an
// organisation's account. Its own login page takes any login name and password: the person's subject for Haven is
// "idp-" and a hash of the login, their verified e-mail the login itself (unless the test says otherwise).
import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider from 'oidc-provider'

export type TestIdentityProvider = {
  issuer: string
  clientId: string
  clientSecret: string
  close: () => Promise<void>
}

export async function startIdentityProvider(options: {
  redirectUri: string
  /** claims to send instead, per login name (e.g. { 'x@y.org': { email_verified: false } }) */
  claimsFor?: Record<string, Record<string, unknown>>
}): Promise<TestIdentityProvider> {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const clientId = 'haven-test'
  const clientSecret = 'a client secret for tests only'
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
        // a subject of its own for Haven, not the login name (as Entra ID's "sub" is)
        subject_type: 'pairwise',
      },
    ],
    pkce: { required: () => true },
    subjectTypes: ['public', 'pairwise'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // the e-mail in the ID token, as Entra ID sends it, not only from the userinfo endpoint
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, login) => ({
      accountId: login,
      claims: () => ({ sub: login, email: login, email_verified: true, ...options.claimsFor?.[login] }),
    }),
    pairwiseIdentifier: (_ctx, accountId) => `idp-${createHash('sha256').update(accountId).digest('hex').slice(0, 16)}`,
    // the organisation has already agreed to Haven: no consent page
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId,
      })
      grant.addOIDCScope('openid email profile')
      await grant.save()
      return grant
    },
  })
  server.on('request', provider.callback())
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
