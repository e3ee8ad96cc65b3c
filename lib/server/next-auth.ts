// Auth.js (next-auth v5): e-mail and password through authenticate(); the JWT only carries the id of a server-side
// session record, which currentActor() checks on every request (so revoking or timing out takes effect at once).
import { headers } from 'next/headers'
import NextAuth, { CredentialsSignin } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { settings } from '@/lib/settings'
import { signInSchema } from '@/lib/validation/users'
import {
  authenticate,
  checkOrganisationCode,
  endSession,
  normaliseEmail,
  sessionStillOpen,
  startSession,
} from './accounts'
import { deviceCookieName, deviceIdFrom, readCookie } from './device-cookie'
import { SecondFactorNeededError, TooManyAttemptsError, UnauthenticatedError, WrongCodeError } from './errors'
import { openPending, PasswordNotAllowedError, PENDING_COOKIE, redeemTicket } from './organisation-sign-in'
import { clientAddress, servedOverHttps } from './request'
import { authSecret } from './secret'

class WrongCredentials extends CredentialsSignin {
  code = 'credentials'
}
class Throttled extends CredentialsSignin {
  code = 'throttled'
}
class CodeNeeded extends CredentialsSignin {
  code = 'second-factor'
}
class WrongCode extends CredentialsSignin {
  code = 'wrong-code'
}
class OrganisationOnly extends CredentialsSignin {
  code = 'organisation-only'
}
class HandoverExpired extends CredentialsSignin {
  code = 'expired'
}

declare module 'next-auth' {
  interface Session {
    sid?: string
  }
  interface User {
    sessionId?: string
  }
}

/** The request's headers: from Auth.js for its routes, from Next for pages and actions, none elsewhere. */
async function requestHeaders(request: Request | undefined) {
  if (request) return request.headers
  try {
    return await headers()
  } catch {
    return new Headers()
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(async (request) => ({
  secret: authSecret(),
  trustHost: true,
  // Secure (and __Secure- prefixed) cookies when served over HTTPS, decided as the device cookie is (request.ts)
  useSecureCookies: servedOverHttps(await requestHeaders(request)),
  session: { strategy: 'jwt', maxAge: settings.auth.sessionMaxHours * 3600 },
  pages: { signIn: '/sign-in' },
  logger: {
    // a refused sign-in is an answer, not a server error (attempts are recorded in SignInAttempt)
    error(error: Error) {
      if (error.name !== 'CredentialsSignin' && (error.cause as Error | undefined)?.name !== 'CredentialsSignin')
        console.error(error)
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials)
        if (!parsed.success) throw new WrongCredentials()
        const ip = clientAddress(request.headers)
        const email = normaliseEmail(parsed.data.email)
        const deviceId = deviceIdFrom(readCookie(request.headers, deviceCookieName(email)), email)
        try {
          const user = await authenticate({ ...parsed.data, ip, channel: 'browser', deviceId, secondFactor: true })
          const session = await startSession(user.id, { ip, userAgent: request.headers.get('user-agent') })
          return { id: user.id, name: user.name, email: user.email, sessionId: session.id }
        } catch (e) {
          if (e instanceof TooManyAttemptsError) throw new Throttled()
          if (e instanceof SecondFactorNeededError) throw new CodeNeeded()
          if (e instanceof WrongCodeError) throw new WrongCode()
          if (e instanceof PasswordNotAllowedError) throw new OrganisationOnly()
          if (e instanceof UnauthenticatedError) throw new WrongCredentials()
          throw e
        }
      },
    }),
    // the organisation's identity provider has already answered (organisation-sign-in.ts): a single-use ticket from
    // its callback, or the sealed pending sign-in and Haven's own code when the provider does not enforce one
    Credentials({
      id: 'organisation',
      credentials: { ticket: {}, code: {} },
      async authorize(credentials, request) {
        const ip = clientAddress(request.headers)
        const userAgent = request.headers.get('user-agent')
        if (typeof credentials.ticket === 'string') {
          const userId = redeemTicket(credentials.ticket)
          if (!userId) throw new HandoverExpired()
          const session = await startSession(userId, { ip, userAgent }, new Date(), 'organisation')
          return { id: userId, sessionId: session.id }
        }
        const userId = openPending(readCookie(request.headers, PENDING_COOKIE) ?? undefined)
        if (!userId) throw new HandoverExpired()
        try {
          await checkOrganisationCode(userId, typeof credentials.code === 'string' ? credentials.code : '', { ip })
        } catch (e) {
          if (e instanceof TooManyAttemptsError) throw new Throttled()
          if (e instanceof WrongCodeError) throw new WrongCode()
          throw e
        }
        const session = await startSession(userId, { ip, userAgent }, new Date(), 'organisation')
        return { id: userId, sessionId: session.id }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId
      // a revoked or ended session is refused everywhere, /api/auth/session included (null clears the cookie)
      else if (typeof token.sid !== 'string' || !(await sessionStillOpen(token.sid))) return null
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
