// /api/health and /api/ready as a load balancer sees them: status code, no-store, and which check failed.
import { beforeEach, describe, expect, it } from 'vitest'
import { GET as health } from '@/app/api/health/route'
import { GET as ready } from '@/app/api/ready/route'
import { getPrisma, openDatabase, useDatabase, type Database } from '@/lib/server/database'
import { notify } from '@/lib/server/notifications'
import { settings } from '@/lib/settings'
import { freshDatabase } from '../support/database'
import { makePerson } from '../support/fixtures'

async function readyAnswer() {
  const response = await ready()
  expect(response.headers.get('Cache-Control')).toBe('no-store')
  return { status: response.status, body: await response.json() }
}

describe('health and readiness', () => {
  let database: Database
  beforeEach(async () => {
    database = await freshDatabase()
  })

  it('answers liveness without a database', async () => {
    useDatabase(await openDatabase({ url: 'postgresql://postgres@127.0.0.1:1/nowhere' }))
    const response = health()
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect(await response.json()).toEqual({ status: 'ok' })
  })

  it('is ready on a migrated database with nothing waiting', async () => {
    const { status, body } = await readyAnswer()
    expect(status).toBe(200)
    expect(body).toMatchObject({
      status: 'ready',
      checks: {
        database: { ok: true },
        migrations: { ok: true, pending: [] },
        dispatcher: { ok: true, lagSeconds: 0 },
      },
    })
  })

  it('is not ready while a migration in the folder is not applied, and names it', async () => {
    const [last] = await database.prisma.$queryRaw<
      { name: string }[]
    >`SELECT migration_name AS name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`
    await database.prisma.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${last.name}`
    const { status, body } = await readyAnswer()
    expect(status).toBe(503)
    expect(body).toMatchObject({
      status: 'not ready',
      checks: { database: { ok: true }, migrations: { ok: false, pending: [last.name] }, dispatcher: { ok: true } },
    })
  })

  it('is not ready when an e-mail has waited past the limit, and ready again once it is sent', async () => {
    const iro = await makePerson([{ role: 'IRO' }], 'Ready IRO')
    const prisma = await getPrisma()
    const longAgo = new Date(Date.now() - (settings.service.readyMaxDispatchLagSeconds + 60) * 1000)
    await prisma.$transaction((tx) =>
      notify(
        tx,
        [
          {
            recipientId: iro.userId,
            kind: 'episode.opened',
            title: 'Haven: E.M. reported missing',
            body: 'E.M. was reported missing.',
            link: '/episodes/x',
          },
        ],
        longAgo,
      ),
    )
    const { status, body } = await readyAnswer()
    expect(status).toBe(503)
    expect(body.checks.dispatcher).toMatchObject({
      ok: false,
      maxLagSeconds: settings.service.readyMaxDispatchLagSeconds,
    })
    expect(body.checks.dispatcher.lagSeconds).toBeGreaterThan(settings.service.readyMaxDispatchLagSeconds)
    expect(JSON.stringify(body)).not.toMatch(/E\.M\.|Ready IRO|episodes/) // nothing about the child or the people

    // a message backing off after a failed attempt is not the dispatcher falling behind
    await prisma.notificationDelivery.updateMany({
      data: { attempts: 1, nextAttemptAt: new Date(Date.now() + 60_000) },
    })
    expect((await readyAnswer()).status).toBe(200)
    await prisma.notificationDelivery.updateMany({ data: { status: 'SENT', sentAt: new Date() } })
    expect((await readyAnswer()).status).toBe(200)
  })

  it('is not ready when the database does not answer, without saying why to the caller', async () => {
    useDatabase(await openDatabase({ url: 'postgresql://postgres:secret@127.0.0.1:1/nowhere' }))
    const { status, body } = await readyAnswer()
    expect(status).toBe(503)
    expect(body).toMatchObject({
      status: 'not ready',
      checks: { database: { ok: false }, migrations: { ok: false }, dispatcher: { ok: false, lagSeconds: null } },
    })
    expect(JSON.stringify(body)).not.toContain('secret')
  })
})
