// Auth.js (next-auth v5): e-mail and password through authenticate(); the JWT only carries the id of a server-side
// session record, which currentActor() checks on every request (so revoking or timing out takes effect at once).
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import NextAuth, { CredentialsSignin } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { variable } from '@/lib/environment'
import { settings } from '@/lib/settings'
import { signInSchema } from '@/lib/validation/users'
import { authenticate, endSession, startSession } from './accounts'
import { embeddedDataDir } from './database'
import { TooManyAttemptsError, UnauthenticatedError } from './errors'
import { clientAddress } from './request'

class WrongCredentials extends CredentialsSignin {
  code = 'credentials'
}
class Throttled extends CredentialsSignin {
  code = 'throttled'
}

// AUTH_SECRET from the environment, or one generated for this installation and kept beside the embedded database.
function authSecret() {
  const secret = variable('AUTH_SECRET')
  if (secret) return secret
  // several servers on one PostgreSQL must share a secret, or sessions fail when a request reaches another server
  if (variable('DATABASE_URL')) throw new Error('Set AUTH_SECRET when running on PostgreSQL (DATABASE_URL): every Haven server must share it.')
  const file = path.join(embeddedDataDir(), 'auth-secret')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' })
  }
  return fs.readFileSync(file, 'utf8').trim()
}

declare module 'next-auth' {
  interface Session {
    sid?: string
  }
  interface User {
    sessionId?: string
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: settings.auth.sessionMaxHours * 3600 },
  pages: { signIn: '/sign-in' },
  logger: {
    // a refused sign-in is an answer, not a server error (attempts are recorded in SignInAttempt)
    error(error: Error) {
      if (error.name !== 'CredentialsSignin' && (error.cause as Error | undefined)?.name !== 'CredentialsSignin') console.error(error)
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials)
        if (!parsed.success) throw new WrongCredentials()
        const ip = clientAddress(request.headers)
        try {
          const user = await authenticate({ ...parsed.data, ip })
          const session = await startSession(user.id, { ip, userAgent: request.headers.get('user-agent') })
          return { id: user.id, name: user.name, email: user.email, sessionId: session.id }
        } catch (e) {
          if (e instanceof TooManyAttemptsError) throw new Throttled()
          if (e instanceof UnauthenticatedError) throw new WrongCredentials()
          throw e
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId
      return token
    },
    session({ session, token }) {
      return { ...session, sid: typeof token.sid === 'string' ? token.sid : undefined }
    },
  },
  events: {
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined
      if (typeof sid === 'string') await endSession(sid)
    },
  },
}))
