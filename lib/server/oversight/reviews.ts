// The home's own reviews (Children's Homes (England) Regulations 2015 regs 45 and 46; report recommendation 5):
// the Regulation 45 review of the quality of care, the Regulation 46 location assessment with the places Haven's
// records show recurring, and when the home's location was shared with the police and others.
import type { Actor } from '@/lib/domain/roles'
import { calendarDate, isoDate, londonDate } from '@/lib/domain/time'
import { settings } from '@/lib/settings'
import type { LocationShareInput, Reg45Input, Reg46Input } from '@/lib/validation/oversight'
import { inTurn, type Tx } from '../database'
import { throwIfProblems, ValidationError } from '../errors'
import { useCase } from '../use-case'
import { datesProblems, homeSelect } from './home'

export async function recordReg45(actor: Actor, homeId: string, input: Reg45Input, now = new Date()) {
  const today = londonDate(now)
  if (input.completedOn > today)
    throw new ValidationError({ completedOn: 'The review cannot be completed in the future' })
  throwIfProblems(datesProblems(input.completedOn, today, { sentToOfstedOn: input.sentToOfstedOn }))
  if (!input.viewsChildren && !input.viewsParents && !input.viewsPlacingAuthorities && !input.viewsStaff)
    throw new ValidationError({ viewsChildren: 'Say whose views were sought (Regulation 45(2))' })
  return useCase(actor, 'oversight.manage', { subject: 'home', now }, async ({ tx, find, audit }) => {
    await find.home(homeId, { select: { id: true } })
    const review = await tx.reg45Review.create({
      data: {
        ...input,
        homeId,
        completedOn: calendarDate(input.completedOn),
        sentToOfstedOn: input.sentToOfstedOn ? calendarDate(input.sentToOfstedOn) : null,
        createdAt: now,
        createdById: actor.userId,
      },
    })
    await audit({ action: 'reg45.record', subjectType: 'home', subjectId: homeId, details: { reviewId: review.id } })
    return { id: review.id }
  })
}

/** Places named in several of the home's children's episodes over the pattern look-back (Haven's own recurring
 * places; recommendation 5 asks that known hot spots inform where homes are and how they keep children safe). */
export async function recurringPlaces(tx: Tx, homeId: string, now: Date) {
  const rows = await tx.$queryRawUnsafe<
    { name: string; postcode: string | null; episodes: number; children: number }[]
  >(
    `SELECT k.name, k.postcode, count(DISTINCT e.id)::int AS episodes, count(DISTINCT e."childId")::int AS children
       FROM "EpisodeLocation" x JOIN "MissingEpisode" e ON e.id = x."episodeId" JOIN "Location" l ON l.id = x."locationId"
       JOIN "Location" k ON k.id = COALESCE(l."mergedIntoId", l.id)
      WHERE e."homeId" = $1 AND e."lastSeenAt" >= $2
      GROUP BY k.id, k.name, k.postcode HAVING count(DISTINCT e.id) >= $3
      ORDER BY children DESC, episodes DESC, k.name`,
    homeId,
    new Date(now.getTime() - settings.patterns.lookbackDays * 86_400_000),
    settings.oversight.recurringPlaceEpisodes,
  )
  return rows
}

/** What a new location assessment starts from: the places Haven's records show recurring for the home's children. */
export async function reg46Context(actor: Actor, homeId: string, now = new Date()) {
  return useCase(actor, 'oversight.manage', { subject: 'home', now }, async ({ tx, find, audit }) => {
    const home = await find.home(homeId, { select: homeSelect })
    const [assessments, shares] = await inTurn(
      () => tx.reg46Assessment.findMany({ where: { homeId }, orderBy: { assessedOn: 'desc' } }),
      () => tx.homeLocationShare.findMany({ where: { homeId }, orderBy: { sharedOn: 'desc' } }),
    )
    await audit({
      action: 'reg46.read',
      subjectType: 'home',
      subjectId: homeId,
      details: { assessments: assessments.length },
    })
    return {
      home,
      recurringPlaces: await recurringPlaces(tx, homeId, now),
      assessments: assessments.map((a) => ({
        ...a,
        assessedOn: isoDate(a.assessedOn),
        consultedOn: isoDate(a.consultedOn),
      })),
      shares: shares.map((s) => ({ id: s.id, sharedOn: isoDate(s.sharedOn), sharedWith: s.sharedWith })),
    }
  })
}

export async function recordReg46(actor: Actor, homeId: string, input: Reg46Input, now = new Date()) {
  const today = londonDate(now)
  if (input.assessedOn > today) throw new ValidationError({ assessedOn: 'The assessment cannot be in the future' })
  if (input.consultedOn > today) throw new ValidationError({ consultedOn: 'The consultation cannot be in the future' })
  return useCase(actor, 'oversight.manage', { subject: 'home', now }, async ({ tx, find, audit }) => {
    await find.home(homeId, { select: { id: true } })
    const places = await recurringPlaces(tx, homeId, now)
    const assessment = await tx.reg46Assessment.create({
      data: {
        ...input,
        homeId,
        assessedOn: calendarDate(input.assessedOn),
        consultedOn: calendarDate(input.consultedOn),
        recurringPlaces: places,
        createdAt: now,
        createdById: actor.userId,
      },
    })
    await audit({
      action: 'reg46.record',
      subjectType: 'home',
      subjectId: homeId,
      details: { assessmentId: assessment.id, recurringPlaces: places.length },
    })
    return { id: assessment.id }
  })
}

export async function recordLocationShare(actor: Actor, homeId: string, input: LocationShareInput, now = new Date()) {
  if (input.sharedOn > londonDate(now)) throw new ValidationError({ sharedOn: 'The date cannot be in the future' })
  return useCase(actor, 'oversight.manage', { subject: 'home', now }, async ({ tx, find, audit }) => {
    await find.home(homeId, { select: { id: true } })
    const share = await tx.homeLocationShare.create({
      data: {
        homeId,
        sharedOn: calendarDate(input.sharedOn),
        sharedWith: input.sharedWith,
        createdAt: now,
        createdById: actor.userId,
      },
    })
    await audit({
      action: 'oversight.location-share',
      subjectType: 'home',
      subjectId: homeId,
      details: { shareId: share.id },
    })
    return { id: share.id }
  })
}
