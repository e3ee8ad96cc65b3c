// The little of oidc-provider (which ships no types) that tests/support/identity-provider.ts uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'
  type Context = {
    oidc: {
      provider: Provider
      client?: { clientId: string }
      session?: { accountId: string }
    }
  }
  type Account = { accountId: string; claims: () => Record<string, unknown> }
  class Grant {
    constructor(init: { clientId: string; accountId?: string })
    addOIDCScope(scope: string): void
    save(): Promise<string>
  }
  export default class Provider {
    constructor(
      issuer: string,
      configuration: Record<string, unknown> & {
        findAccount?: (ctx: Context, sub: string) => Account | Promise<Account>
        loadExistingGrant?: (ctx: Context) => Promise<Grant | undefined>
        pairwiseIdentifier?: (ctx: Context, accountId: string, client: unknown) => string | Promise<string>
      },
    )
    Grant: typeof Grant
    callback(): (req: IncomingMessage, res: ServerResponse) => void
  }
}
