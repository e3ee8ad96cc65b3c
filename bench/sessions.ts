// Signed-in sessions for the benches, made in the database before a server takes it: a browser session cookie (as
// next-auth writes it) and an API token, for a user of the generated dataset.
import { encode } from 'next-auth/jwt'
import { issueApiToken } from '@/lib/server/api-tokens'
import type { Database } from '@/lib/server/database'
import { BENCH_PASSWORD } from './generate'

// the bench's IROs, managers and leads sign in with a password alone (no second factor)
process.env.HAVEN_MFA_REQUIRED_ROLES = 'none'

export const BENCH_SECRET = 'bench-only-secret-not-for-real-use-0000'

export type SignedIn = { cookie: string; token: string }

export async function signedIn(db: Database, userId: string): Promise<SignedIn> {
  const session = await db.prisma.userSession.create({
    data: { userId, expiresAt: new Date(Date.now() + 3_600_000), ip: '127.0.0.1' },
  })
  const { token } = await issueApiToken({ email: `${userId}@bench.haven.test`, password: BENCH_PASSWORD, ip: null })
  const cookie = await encode({
    token: { sub: userId, sid: session.id, name: `Bench ${userId}`, email: `${userId}@bench.haven.test` },
    secret: BENCH_SECRET,
    salt: 'authjs.session-token',
  })
  return { cookie: `authjs.session-token=${cookie}`, token: `Bearer ${token}` }
}
