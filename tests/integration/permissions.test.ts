// The permission matrix: every role x every action x a record in scope and one out of scope, run against the real
// use cases on a real database. The expected table is written out by hand on purpose. Each role's "in scope" child
// fits only that role's scope rule, and its "out of scope" child is as close as possible without fitting it
// (another home of the same provider, a child of the actor's own authority allocated to someone else...).
import { beforeAll, describe, expect, it } from 'vitest'
import { ACTIONS, mayCloseEpisode, type Action } from '@/lib/domain/permissions'
import { ROLES, type Actor, type Role } from '@/lib/domain/roles'
import { verifyAudit } from '@/lib/server/audit'
import { getChildAccessReport, getPersonAccessReport } from '@/lib/server/access-report'
import { listRetentionDue } from '@/lib/server/retention'
import { childSubjectAccessExport, staffSubjectAccessExport } from '@/lib/server/subject-access'
import { getChronology } from '@/lib/server/chronology'
import { matchAuthorityReturn, ssda903Return } from '@/lib/server/ssda903'
import { correctReturnDetails, getReturnDetails } from '@/lib/server/return-details'
import { ssda903UploadSchema } from '@/lib/validation/ssda903'
import { missingReport } from '@/lib/server/missing-report'
import { missingReportQuerySchema } from '@/lib/validation/reports'
import { annexAFigures, homeInspectionFigures } from '@/lib/server/ofsted'
import { createChild, getChild, listChildren } from '@/lib/server/children'
import { getPrisma } from '@/lib/server/database'
import {
  amendEpisode,
  addEpisodeUpdate,
  closeEpisode,
  getEpisode,
  getEpisodeForPage,
  linkEpisodes,
  undoWentWith,
  recordReturn,
  reportMissing,
} from '@/lib/server/episodes'
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors'
import { getGrabPack, recordGrabPackShare, saveGrabPack } from '@/lib/server/grab-packs'
import { getHome, setHomePhone } from '@/lib/server/homes'
import { mergePlaces, resolveLocation } from '@/lib/server/places'
import { endPlacement, startPlacement } from '@/lib/server/placements'
import { decideGrant, roleGrantReport } from '@/lib/server/role-grants'
import { listUsers } from '@/lib/server/users'
import { listOrganisationSignIns } from '@/lib/server/organisation-sign-in-admin'
import { newChildSchema, reg41NoticeSchema } from '@/lib/validation/children'
import { homePhoneSchema } from '@/lib/validation/homes'
import { addMonths, londonDate } from '@/lib/domain/time'
import { recordStepDone, recordTold } from '@/lib/server/episode-protocol'
import { approveProtocol, createProtocolVersion, getMissingProtocols } from '@/lib/server/missing-protocols'
import { protocolSchema, stepDoneSchema, toldSchema } from '@/lib/validation/missing-protocols'
import { dispatcherState } from '@/lib/server/outbox'
import { episodeUpdateSchema, recordReturnSchema, reportMissingSchema } from '@/lib/validation/episodes'
import { freshDatabase } from '../support/database'
import { makeChild, makeEpisode, makeInterview, makePerson, makeWorld, type World } from '../support/fixtures'
import {
  getInterview,
  recordOutcome,
  setReturnInterviewService,
  timelinessReport,
} from '@/lib/server/return-interviews'
import { outcomeSchema } from '@/lib/validation/return-interviews'
import { createPlanVersion, getCseOverview, recordScreening, signOffPlan } from '@/lib/server/cse'
import { proposeNotifiableEvent } from '@/lib/server/notifiable-event-proposals'
import { listNotifiableEvents, recordNotified } from '@/lib/server/notifiable-events'
import { planSchema, screeningSchema } from '@/lib/validation/cse'
import { notifiedSchema, proposalSchema } from '@/lib/validation/notifiable-events'
import { decideOnAlert, getAlert, resolveAlert } from '@/lib/server/alerts'
import { correctLookedAfterSince, getReviews, recordReviewHeld } from '@/lib/server/reviews'
import { amendMeeting } from '@/lib/server/meeting-amendments'
import { completeMeetingAction, listMeetings, recordMeeting } from '@/lib/server/meetings'
import { listReferrals, recordReferral } from '@/lib/server/referrals'
import { completeActionSchema, meetingSchema, referralSchema } from '@/lib/validation/meetings'
import { lookedAfterSinceSchema, reviewHeldSchema } from '@/lib/validation/reviews'
import { recordAreaNotice, recordReg41Notice } from '@/lib/server/placements'
import { areaNoticeSchema, decisionSchema } from '@/lib/validation/alerts'
import { endAppointment, registerIndependentPerson } from '@/lib/server/oversight/register'
import { getOversightMonth } from '@/lib/server/oversight/month'
import { respondToAction } from '@/lib/server/oversight/visit-actions'
import { getVisit, recordVisit } from '@/lib/server/oversight/visits'
import { visitorChecklist } from '@/lib/server/oversight/checklist'
import { endAppointmentSchema, independentPersonSchema, responseSchema, visitSchema } from '@/lib/validation/oversight'

type Outcome = 'ok' | 'forbidden' | 'not-found' | 'invalid'
type Row = Record<Action, [inScope: Outcome, outOfScope: Outcome]>

const both = (o: Outcome): [Outcome, Outcome] => [o, o]
const scoped: [Outcome, Outcome] = ['ok', 'not-found']
const nothing = {
  'child.list': both('forbidden'),
  'child.read': both('not-found'),
  'child.create': both('forbidden'),
  'placement.start': both('not-found'),
  'placement.end': both('not-found'),
  'episode.read': both('not-found'),
  'episode.report': both('not-found'),
  'episode.update': both('not-found'),
  'episode.return': both('not-found'),
  'episode.amend': both('not-found'),
  'episode.link': both('not-found'),
  'episode.unlink': both('not-found'),
  'episode.close': both('not-found'),
  'grabpack.read': both('not-found'),
  'grabpack.edit': both('not-found'),
  'grabpack.share': both('not-found'),
  'place.merge': both('forbidden'),
  'home.read': both('forbidden'),
  'home.phone': both('not-found'),
  'interview.read': both('not-found'),
  'interview.record': both('not-found'),
  'interview.concerns': both('not-found'),
  'interview.timeliness': both('forbidden'),
  'authority.configure': both('not-found'),
  'export.ssda903': both('forbidden'),
  'report.ofsted-home': both('forbidden'),
  'report.annex-a': both('forbidden'),
  'report.missing': both('forbidden'),
  'cse.read': both('not-found'),
  'child.chronology': both('not-found'),
  'cse.screen': both('not-found'),
  'plan.write': both('not-found'),
  'plan.signoff': both('not-found'),
  'protocol.read': both('not-found'),
  'protocol.write': both('not-found'),
  'protocol.agree': both('not-found'),
  'protocol.signoff': both('not-found'),
  'protocol.step': both('not-found'),
  'episode.tell': both('not-found'),
  'reg40.read': both('not-found'),
  'reg40.record': both('not-found'),
  'reg40.propose': both('not-found'),
  'alert.read': both('not-found'),
  'alert.decide': both('not-found'),
  'alert.resolve': both('not-found'),
  'review.read': both('not-found'),
  'review.record': both('not-found'),
  'care.period': both('not-found'),
  'placement.area-notice': both('not-found'),
  'placement.reg41-notice': both('not-found'),
  'oversight.read': both('not-found'),
  'oversight.manage': both('not-found'),
  'oversight.respond': both('not-found'),
  'reg44.read': both('not-found'),
  'reg44.record': both('not-found'),
  'visitor.checklist': both('not-found'),
  'user.manage': both('forbidden'),
  'organisation.sign-in': both('forbidden'),
  'user.approve-grant': both('forbidden'),
  'report.role-grants': both('forbidden'),
  'audit.verify': both('forbidden'),
  'dispatcher.manage': both('forbidden'),
  'audit.child-access': both('not-found'),
  'audit.person-access': both('forbidden'),
  'child.subject-access': both('not-found'),
  'user.subject-access': both('forbidden'),
  'retention.review': both('forbidden'),
  'referral.read': both('not-found'),
  'referral.record': both('not-found'),
  'meeting.read': both('not-found'),
  'meeting.record': both('not-found'),
  'meeting.action': both('not-found'),
  'meeting.amend': both('not-found'),
} satisfies Row
// home staff and the provider read the interview, but what the child said about the home is hidden from them
const reader = {
  ...nothing,
  'report.missing': scoped,
  'child.list': ['ok', 'ok'],
  'child.read': scoped,
  'episode.read': scoped,
  'grabpack.read': scoped,
  'interview.read': scoped,
  'interview.concerns': ['forbidden', 'not-found'],
  'cse.read': scoped,
  'alert.read': scoped,
  'child.chronology': scoped,
  'review.read': scoped,
  'protocol.read': scoped,
  'referral.read': scoped,
  'meeting.read': scoped,
} satisfies Row
const hearsConcerns = { 'interview.concerns': scoped } satisfies Partial<Row>
const recorder = {
  ...reader,
  'episode.report': scoped,
  'episode.update': scoped,
  'episode.return': scoped,
  'episode.amend': scoped,
  'episode.link': scoped,
  'episode.unlink': scoped,
  'grabpack.edit': scoped,
  'grabpack.share': scoped,
  'cse.screen': scoped,
  'plan.write': scoped,
  'reg40.propose': scoped,
  'protocol.write': scoped,
  'protocol.step': scoped,
  'episode.tell': scoped,
  'referral.record': scoped,
  'meeting.action': scoped,
} satisfies Row
// strategy discussions and meetings are recorded by the placing authority's people and the home's manager
const convener = {
  'referral.record': scoped,
  'meeting.record': scoped,
  'meeting.action': scoped,
  'meeting.amend': scoped,
} satisfies Partial<Row>
const placer = {
  'child.create': ['ok', 'invalid'],
  'placement.start': scoped,
  'placement.end': scoped,
} satisfies Partial<Row>

const timeliness = { 'interview.timeliness': scoped } satisfies Partial<Row>
// who read the child, and the child's whole record for a subject access request
const dataProtection = { 'audit.child-access': scoped, 'child.subject-access': scoped } satisfies Partial<Row>
// oversight of a home (regs 43-46): the manager's home, the provider's homes, the homes an authority hosts (reading)
const overseer = { 'oversight.read': scoped, 'reg44.read': scoped, 'visitor.checklist': scoped } satisfies Partial<Row>
const provider = {
  ...overseer,
  'oversight.manage': scoped,
  'reg44.record': scoped,
  'placement.reg41-notice': scoped,
} satisfies Partial<Row>

const EXPECTED: Record<Role, Row> = {
  CARE_WORKER: { ...recorder, 'home.read': scoped },
  REGISTERED_MANAGER: {
    ...recorder,
    ...placer,
    ...timeliness,
    ...provider,
    ...dataProtection,
    'oversight.respond': scoped,
    'report.ofsted-home': scoped,
    'episode.close': scoped,
    'place.merge': scoped,
    'home.read': scoped,
    'home.phone': scoped,
    'plan.signoff': scoped,
    'protocol.signoff': scoped,
    'reg40.read': scoped,
    'reg40.record': scoped,
    'alert.resolve': scoped,
    'meeting.record': scoped,
    'meeting.amend': scoped,
  },
  RESPONSIBLE_INDIVIDUAL: {
    ...reader,
    ...timeliness,
    ...provider,
    'report.ofsted-home': scoped,
    'home.read': scoped,
    'home.phone': scoped,
    'reg40.read': scoped,
    'reg40.record': scoped,
  },
  IRO: {
    ...reader,
    ...hearsConcerns,
    ...timeliness,
    ...convener,
    'alert.decide': scoped,
    'alert.resolve': scoped,
    'review.record': scoped,
  },
  // the social worker closes only episodes away from any Haven home; this one was at a home
  SOCIAL_WORKER: {
    ...recorder,
    ...placer,
    ...hearsConcerns,
    ...timeliness,
    'interview.record': scoped,
    'episode.close': ['forbidden', 'not-found'],
    'alert.resolve': scoped,
    'placement.area-notice': scoped,
    'review.record': scoped,
    'care.period': scoped,
    'protocol.agree': scoped,
    'meeting.record': scoped,
    'meeting.amend': scoped,
  },
  RETURN_INTERVIEW_PRACTITIONER: {
    ...nothing,
    ...hearsConcerns,
    'interview.read': scoped,
    'interview.record': scoped,
    'reg40.propose': scoped,
  },
  // the visitor reads the checklist and records their own visits: never a child's case record
  INDEPENDENT_VISITOR: { ...nothing, 'reg44.read': scoped, 'reg44.record': scoped, 'visitor.checklist': scoped },
  LA_MISSING_LEAD: {
    ...reader,
    ...hearsConcerns,
    ...timeliness,
    ...overseer,
    ...dataProtection,
    'place.merge': scoped,
    'authority.configure': scoped,
    'alert.resolve': scoped,
    'export.ssda903': scoped,
    'report.annex-a': scoped,
    'care.period': scoped,
    ...convener,
  },
  SYSTEM_ADMIN: {
    ...nothing,
    'user.manage': ['ok', 'ok'],
    'organisation.sign-in': ['ok', 'ok'],
    'user.approve-grant': ['ok', 'ok'],
    'report.role-grants': ['ok', 'ok'],
    'audit.verify': ['ok', 'ok'],
    'dispatcher.manage': ['ok', 'ok'],
    // any child's access report by id (initials only), any person's, staff data, retention
    'audit.child-access': ['ok', 'ok'],
    'audit.person-access': ['ok', 'ok'],
    'user.subject-access': ['ok', 'ok'],
    'retention.review': ['ok', 'ok'],
  },
}

async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    await run()
    return 'ok'
  } catch (e) {
    if (e instanceof ForbiddenError) return 'forbidden'
    if (e instanceof NotFoundError) return 'not-found'
    if (e instanceof ValidationError) return 'invalid'
    throw e
  }
}

let world: World
let day = 0 // each new placement starts on a later day
const nextDate = () => new Date(Date.UTC(2025, 0, 1 + day++)).toISOString().slice(0, 10)

beforeAll(async () => {
  await freshDatabase()
  world = await makeWorld()
  // authority one has a return interview service; authority two leaves interviews to social workers
  await (
    await getPrisma()
  ).returnInterviewService.create({ data: { localAuthorityId: world.laOne.id, name: 'Northshire Missing Team' } })
})

function grantFor(role: Role) {
  switch (role) {
    case 'CARE_WORKER':
    case 'REGISTERED_MANAGER':
    case 'INDEPENDENT_VISITOR':
      return { role, homeId: world.homeA.id }
    case 'RESPONSIBLE_INDIVIDUAL':
      return { role, providerId: world.providerOne.id }
    case 'SYSTEM_ADMIN':
      return { role }
    default:
      return { role, localAuthorityId: world.laOne.id }
  }
}

/** Where a role's in-scope and out-of-scope children live (homes A, B: provider one; C: provider two). */
function scenario(role: Role, actor: Actor, other: Actor) {
  const at = (
    homeId: string,
    placingAuthorityId: string,
    allocate: { iroId?: string; socialWorkerId?: string } = {},
  ) => ({ homeId, placingAuthorityId, ...allocate })
  switch (role) {
    case 'CARE_WORKER':
    case 'REGISTERED_MANAGER': // my home, not the other home of my provider
      return { mine: at(world.homeA.id, world.laTwo.id), theirs: at(world.homeB.id, world.laOne.id) }
    case 'RESPONSIBLE_INDIVIDUAL': // any home of my provider, not another provider's home
      return { mine: at(world.homeB.id, world.laTwo.id), theirs: at(world.homeC.id, world.laOne.id) }
    case 'IRO': // allocated to me anywhere, not a child of my own authority in my own area allocated to another IRO
      return {
        mine: at(world.homeC.id, world.laTwo.id, { iroId: actor.userId }),
        theirs: at(world.homeA.id, world.laOne.id, { iroId: other.userId }),
      }
    case 'SOCIAL_WORKER':
      return {
        mine: at(world.homeC.id, world.laOne.id, { socialWorkerId: actor.userId }),
        theirs: at(world.homeA.id, world.laOne.id, { socialWorkerId: other.userId }),
      }
    case 'LA_MISSING_LEAD': // placed by my authority elsewhere, not placed by another authority elsewhere
    case 'RETURN_INTERVIEW_PRACTITIONER': // the interviews of my authority's service (it places the child), not another's
      return { mine: at(world.homeC.id, world.laOne.id), theirs: at(world.homeC.id, world.laTwo.id) }
    default: // roles that see no child records: even a child in their home or authority is not theirs to read
      return {
        mine: at(world.homeA.id, world.laOne.id, { iroId: actor.userId, socialWorkerId: actor.userId }),
        theirs: at(world.homeC.id, world.laTwo.id),
      }
  }
}

/** Homes for the oversight actions: in the role's home scope, and the nearest home outside it. */
function oversightHome(role: Role, inScope: boolean) {
  switch (role) {
    case 'RESPONSIBLE_INDIVIDUAL': // my provider's other home, not another provider's
      return inScope ? world.homeB.id : world.homeC.id
    case 'LA_MISSING_LEAD': // hosted by my authority, not a home of the same provider hosted elsewhere
    default: // a home role's own home, not another home of the same provider
      return inScope ? world.homeA.id : world.homeB.id
  }
}

describe.each(ROLES)('%s', (role) => {
  it.each(ACTIONS)('%s: in scope and out of scope', async (action) => {
    const actor = await makePerson([grantFor(role)], `Matrix ${role}`)
    const other = await makePerson(
      [
        { role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id },
        { role: 'IRO', localAuthorityId: world.laOne.id },
      ],
      'Other Worker',
    )
    const reporter = await makePerson([{ role: 'CARE_WORKER', homeId: world.homeA.id }], 'Fixture Reporter')
    const where = scenario(role, actor, other)
    const child = async (inScope: boolean) => makeChild(inScope ? where.mine : where.theirs)
    const prisma = await getPrisma()
    const episode = async (inScope: boolean, returned = false) =>
      makeEpisode((await child(inScope)).id, {
        reportedById: reporter.userId,
        lastSeenAt: '2025-06-01T20:00:00Z',
        returnedAt: returned ? '2025-06-02T09:00:00Z' : null,
      })

    const newChild = (inScope: boolean) => {
      const place = inScope
        ? role === 'SOCIAL_WORKER'
          ? { homeId: world.homeC.id, authority: world.laOne.id }
          : { homeId: world.homeA.id, authority: world.laOne.id }
        : { homeId: world.homeC.id, authority: world.laTwo.id }
      return newChildSchema.parse({
        firstName: 'New',
        lastName: 'Child',
        dateOfBirth: '2012-02-02',
        sex: 'MALE',
        ethnicity: 'BCRB',
        disability: 'NOT_KNOWN',
        legalStatus: 'C2',
        placingAuthorityId: place.authority,
        placement: { homeId: place.homeId, startDate: nextDate(), placeCode: 'K2', placeProvider: 'PR4' },
      })
    }
    const homeOf = (inScope: boolean) => (inScope ? where.mine.homeId : where.theirs.homeId)
    // an alert about the child; "in scope" means this person was told about it (and, for an IRO, reviews the child);
    // not `told`, someone else was, and the person reads it only as a reader of the child
    const alert = async (inScope: boolean, told = true) => {
      const c = await child(inScope)
      if (inScope && role === 'IRO') await prisma.child.update({ where: { id: c.id }, data: { iroId: actor.userId } })
      return prisma.alert.create({
        data: {
          rule: 'repeat-missing',
          subjectKey: `child:${c.id}`,
          severity: 'warning',
          title: 'Repeat missing episodes',
          summary: '3 in 30 days',
          evidence: { episodeIds: [] },
          childIds: [c.id],
          homeIds: [c.placements[0].homeId!],
          openedAt: new Date(),
          updatedAt: new Date(),
          recipients: {
            create: { userId: inScope && told ? actor.userId : other.userId, reason: 'IRO', notifiedAt: new Date() },
          },
        },
      })
    }
    const plan = () =>
      planSchema.parse({
        actions: [{ who: 'Key worker', what: 'Check in every evening' }],
        ifMissingPlaces: 'Riverside Park',
        ifMissingPeople: 'Her aunt',
        childAgrees: 'YES',
        policeInvolved: 'no',
        reviewDate: '2099-01-01',
        basedOnVersion: 0,
      })
    const protocol = async (childId: string) =>
      prisma.missingProtocol.create({
        data: {
          childId,
          version: 1,
          whenMissing: 'Half an hour after curfew',
          callPoliceAtOnce: 'Seen getting into a car',
          whereToLook: 'The park',
          childsView: 'Ring my phone first',
          steps: ['Ring her phone'],
          toTell: [{ who: 'POLICE', name: null, contact: '101' }],
          reviewDate: new Date('2099-01-01'),
          createdById: reporter.userId,
        },
      })
    const interview = async (inScope: boolean) => {
      const i = await makeInterview((await child(inScope)).id, reporter.userId)
      await prisma.returnInterview.update({ where: { id: i.id }, data: { concernsAboutHome: 'Staff shout at me' } })
      return i
    }

    // a visit at the home by an independent person who is this person's own account (a visitor records their own)
    const visitAt = async (inScope: boolean) => {
      const homeId = oversightHome(role, inScope)
      const person = await prisma.independentPerson.create({
        data: {
          homeId,
          name: 'Matrix Visitor',
          userId: actor.userId,
          appointedBy: 'The provider',
          appointedOn: new Date('2025-01-01'),
          notPaidStaff: true,
          notCarePlanning: true,
          notCommissionerOrFunder: true,
          noFinancialInterest: true,
          notResponsibleIndividual: true,
          noConnection: true,
          createdById: reporter.userId,
        },
      })
      const visit = await prisma.reg44Visit.create({
        data: {
          homeId,
          independentPersonId: person.id,
          visitedOn: new Date('2025-06-10'),
          announced: false,
          spokeWithChildren: 1,
          spokeWithParents: 0,
          spokeWithStaff: 2,
          checkedMissingLog: true,
          checkedReturnInterviews: true,
          checkedSafetyPlans: true,
          safeguardingOpinion: 'Yes',
          wellbeingOpinion: 'Yes',
          independent: true,
          independenceReasons: [],
          createdById: reporter.userId,
        },
      })
      return { homeId, person, visit }
    }

    const attempt: Record<Action, (inScope: boolean) => Promise<unknown>> = {
      'child.list': async (inScope) => {
        const c = await child(inScope)
        const ids = (await listChildren(actor, { search: c.firstName })).children.map((x) => x.id)
        // listing "in scope" means my child is listed; "out of scope" means theirs is not
        if (ids.includes(c.id) !== inScope) throw new Error(`wrong children listed`)
      },
      'child.read': async (inScope) => getChild(actor, (await child(inScope)).id),
      'child.chronology': async (inScope) => getChronology(actor, (await child(inScope)).id),
      'child.create': async (inScope) => {
        const before = await prisma.child.count()
        try {
          await createChild(actor, newChild(inScope))
        } catch (e) {
          expect(await prisma.child.count(), 'nothing half-written').toBe(before)
          throw e
        }
      },
      'placement.start': async (inScope) =>
        startPlacement(actor, (await child(inScope)).id, {
          homeId: homeOf(inScope),
          startDate: nextDate(),
          placeCode: 'K2',
          placeProvider: 'PR4',
          bedAndBreakfast: false,
          emergency: false,
          reasonForChange: 'CARPL',
          settingName: null,
          settingPostcode: null,
          areaAuthorityId: null,
        }),
      'placement.end': async (inScope) =>
        endPlacement(actor, (await child(inScope)).placements[0].id, { endDate: nextDate(), endReason: 'E4A' }),
      'episode.read': async (inScope) => getEpisode(actor, (await episode(inScope)).id),
      'episode.report': async (inScope) =>
        reportMissing(
          actor,
          (await child(inScope)).id,
          reportMissingSchema.parse({
            absenceType: 'MISSING',
            lastSeenAt: '2025-07-01T21:00',
            lastSeenPlace: 'Home',
            policeInformed: 'no',
          }),
        ),
      'episode.update': async (inScope) =>
        addEpisodeUpdate(
          actor,
          (await episode(inScope)).id,
          episodeUpdateSchema.parse({ kind: 'CALL', at: '2025-06-01T21:10', text: 'Rang her phone' }),
        ),
      'episode.return': async (inScope) =>
        recordReturn(
          actor,
          (await episode(inScope)).id,
          recordReturnSchema.parse({ returnedAt: '2025-06-02T08:00', returnMethod: 'RETURNED_ALONE' }),
        ),
      'episode.amend': async (inScope) => {
        const e = await episode(inScope)
        return amendEpisode(actor, e.id, {
          field: 'clothing',
          value: 'Grey hoodie',
          reason: 'Remembered later',
          version: e.version,
        })
      },
      'episode.link': async (inScope) => linkEpisodes(actor, (await episode(inScope)).id, (await episode(inScope)).id),
      'episode.unlink': async (inScope) => {
        // two children of one home missing together, linked by someone else
        const [a, b] = [await episode(inScope), await episode(inScope)]
        await prisma.episodeLink.create({
          data: { episodeId: [a.id, b.id].sort()[0], otherId: [a.id, b.id].sort()[1], createdById: reporter.userId },
        })
        return undoWentWith(actor, a.id, b.id)
      },
      'episode.close': async (inScope) => {
        const e = await episode(inScope, true)
        return closeEpisode(actor, e.id, { reviewNote: 'Reviewed with the child', version: e.version })
      },
      'grabpack.read': async (inScope) => getGrabPack(actor, (await child(inScope)).id),
      'grabpack.edit': async (inScope) =>
        saveGrabPack(
          actor,
          (await child(inScope)).id,
          {
            description: 'Slim, 5ft 4, brown hair',
            friendsAndAssociates: null,
            placesTheyGo: null,
            phoneNumbers: null,
            socialMedia: null,
            medicalNeeds: null,
            vulnerabilities: null,
            transport: null,
            addresses: null,
            bankCardsAndMoney: null,
            nationality: null,
            immigrationStatus: null,
          },
          null,
        ),
      'grabpack.share': async (inScope) =>
        recordGrabPackShare(actor, (await episode(inScope)).id, { policeForce: 'Northshire Police', reference: null }),
      'place.merge': async (inScope) => {
        const [e1, e2] = [await episode(inScope, true), await episode(inScope, true)]
        const [keep, merge] = await prisma.$transaction(async (tx) => [
          await resolveLocation(tx, { name: `Chicken Shop ${e1.id}`, postcode: null }, reporter.userId),
          await resolveLocation(tx, { name: `Chiken Shop ${e2.id}`, postcode: null }, reporter.userId),
        ])
        await prisma.episodeLocation.createMany({
          data: [
            { episodeId: e1.id, locationId: keep, role: 'FOUND' },
            { episodeId: e2.id, locationId: merge, role: 'FOUND' },
          ],
        })
        return mergePlaces(actor, { kind: 'location', keepId: keep, mergeId: merge })
      },
      'home.read': async (inScope) => getHome(actor, homeOf(inScope)),
      // the home's phone number: the registered manager's home, the responsible individual's provider's homes
      'home.phone': async (inScope) =>
        setHomePhone(actor, oversightHome(role, inScope), homePhoneSchema.parse({ phone: '0114 496 0123' })),
      'interview.read': async (inScope) => getInterview(actor, { id: (await interview(inScope)).id }),
      'interview.record': async (inScope) =>
        recordOutcome(
          actor,
          { id: (await interview(inScope)).id },
          outcomeSchema.parse({ outcome: 'DECLINED', offeredAt: '2025-06-02T12:00', whyLeft: 'Wanted to see friends' }),
        ),
      'interview.concerns': async (inScope) => {
        const seen = await getInterview(actor, { id: (await interview(inScope)).id })
        if (!seen.concernsVisible || seen.concernsAboutHome !== 'Staff shout at me') throw new ForbiddenError('hidden')
      },
      'interview.timeliness': async (inScope) => {
        const period = { from: '2025-06-01', to: '2025-06-30' }
        const before = (await timelinessReport(actor, period)).total.returned
        await interview(inScope)
        // counted in this person's figures only when the child is theirs
        if ((await timelinessReport(actor, period)).total.returned === before) throw new NotFoundError('not counted')
      },
      'cse.read': async (inScope) => getCseOverview(actor, (await child(inScope)).id),
      'cse.screen': async (inScope) =>
        recordScreening(actor, (await child(inScope)).id, screeningSchema.parse({ level: 'NOT_AT_RISK' })),
      'plan.write': async (inScope) => createPlanVersion(actor, (await child(inScope)).id, plan()),
      'plan.signoff': async (inScope) => {
        const c = await child(inScope)
        const { id } = await prisma.safetyPlan.create({
          data: {
            ...plan(),
            basedOnVersion: undefined,
            reviewDate: new Date('2099-01-01'),
            childId: c.id,
            version: 1,
            createdById: reporter.userId,
          } as never,
        })
        return signOffPlan(actor, id)
      },
      'protocol.read': async (inScope) => getMissingProtocols(actor, (await child(inScope)).id),
      'protocol.write': async (inScope) =>
        createProtocolVersion(
          actor,
          (await child(inScope)).id,
          protocolSchema.parse({
            whenMissing: 'Half an hour after curfew',
            callPoliceAtOnce: 'Seen getting into a car',
            whereToLook: 'The park',
            childsView: 'Ring my phone first',
            steps: [{ text: 'Ring her phone' }],
            toTell: [{ who: 'POLICE' }],
            reviewDate: addMonths(londonDate(new Date()), 1),
            basedOnVersion: 0,
          }),
        ),
      'protocol.agree': async (inScope) =>
        approveProtocol(actor, (await protocol((await child(inScope)).id)).id, 'protocol.agree'),
      'protocol.signoff': async (inScope) =>
        approveProtocol(actor, (await protocol((await child(inScope)).id)).id, 'protocol.signoff'),
      'protocol.step': async (inScope) => {
        const e = await episode(inScope)
        await protocol(e.childId)
        return recordStepDone(actor, e.id, stepDoneSchema.parse({ step: 0, doneAt: '2025-06-01T21:10' }))
      },
      'episode.tell': async (inScope) =>
        recordTold(
          actor,
          (await episode(inScope)).id,
          toldSchema.parse({ who: 'POLICE', toldAt: '2025-06-01T21:10', method: 'PHONE', policeForce: 'Northshire' }),
        ),
      // the home's events: the registered manager's home, the responsible individual's provider's homes
      'reg40.read': async (inScope) => listNotifiableEvents(actor, oversightHome(role, inScope)),
      'reg40.record': async (inScope) => {
        const c = await child(inScope)
        const { id } = await prisma.notifiableEvent.create({
          data: {
            homeId: c.placements[0].homeId!,
            kind: 'SEXUAL_EXPLOITATION',
            occurredAt: new Date('2025-01-01'),
            whatHappened: 'Suspected CSE',
            childId: c.id,
            recordedAt: new Date('2025-01-01'),
            decision: 'NOTIFY',
            otherRelevantPersons: [],
          },
        })
        return recordNotified(
          actor,
          id,
          notifiedSchema.parse({ recipient: 'HMCI', who: 'Ofsted', how: 'Online form', at: '2025-01-02T10:00' }),
        )
      },
      // anyone who may open the return interview proposes from it
      'reg40.propose': async (inScope) =>
        proposeNotifiableEvent(
          actor,
          { interviewId: (await interview(inScope)).id },
          proposalSchema.parse({
            kind: 'SERIOUS_POLICE_INCIDENT',
            because: 'Police brought her home after an assault',
          }),
        ),
      // every reader of a child reads its alerts, told about them or not
      'alert.read': async (inScope) => getAlert(actor, (await alert(inScope, false)).id),
      'alert.decide': async (inScope) => {
        const a = await alert(inScope)
        return decideOnAlert(
          actor,
          a.id,
          decisionSchema.parse({ childId: a.childIds[0], bringForward: 'no', reason: 'Reviewed last week' }),
        )
      },
      'alert.resolve': async (inScope) =>
        resolveAlert(actor, (await alert(inScope)).id, { reason: 'Strategy meeting held' }),
      'review.read': async (inScope) => getReviews(actor, (await child(inScope)).id),
      'referral.read': async (inScope) => listReferrals(actor, (await child(inScope)).id),
      'referral.record': async (inScope) =>
        recordReferral(
          actor,
          (await child(inScope)).id,
          referralSchema.parse({
            kind: 'CAWN',
            madeOn: '2025-02-01',
            madeBy: 'Northshire Police',
            cawnStatus: 'ISSUED',
            personName: 'Matrix Adult',
          }),
        ),
      'meeting.read': async (inScope) => listMeetings(actor, (await child(inScope)).id),
      'meeting.record': async (inScope) =>
        recordMeeting(
          actor,
          (await child(inScope)).id,
          meetingSchema.parse({
            kind: 'STRATEGY_DISCUSSION',
            heldOn: '2025-02-01',
            participants: [{ name: 'A Worker', agency: 'Police' }],
            decisions: 'Section 47 enquiry',
          }),
        ),
      'meeting.action': async (inScope) => {
        const m = await prisma.meeting.create({
          data: {
            childId: (await child(inScope)).id,
            kind: 'MACE',
            heldOn: new Date('2025-02-01'),
            participants: [],
            decisions: 'Disruption plan',
            createdById: reporter.userId,
            actions: {
              create: {
                action: 'Visit the park',
                owner: 'Police',
                dueOn: new Date('2025-02-08'),
                createdById: reporter.userId,
              },
            },
          },
          include: { actions: true },
        })
        return completeMeetingAction(
          actor,
          m.id,
          m.actions[0].id,
          completeActionSchema.parse({ completedOn: '2025-02-07', note: 'Visited' }),
        )
      },
      'meeting.amend': async (inScope) => {
        const m = await prisma.meeting.create({
          data: {
            childId: (await child(inScope)).id,
            kind: 'STRATEGY_DISCUSSION',
            heldOn: new Date('2025-02-01'),
            participants: [],
            decisions: 'Section 47 enquiry',
            createdById: reporter.userId,
          },
        })
        return amendMeeting(actor, m.id, { field: 'kinds', value: 'criminal', reason: 'Left out', version: 1 })
      },
      'review.record': async (inScope) =>
        recordReviewHeld(
          actor,
          (await child(inScope)).id,
          reviewHeldSchema.parse({ heldOn: '2024-02-01', participation: 'PN1', outcome: 'Plan continues' }),
        ),
      // the period of care, and the child's details for the SSDA903 return, in the same hands
      'care.period': async (inScope) => {
        const id = (await child(inScope)).id
        const details = await getReturnDetails(actor, id)
        await correctReturnDetails(actor, id, { ...details, upn: 'UN4' })
        return correctLookedAfterSince(
          actor,
          id,
          lookedAfterSinceSchema.parse({ startDate: '2021-05-04', reason: 'From the court order' }),
        )
      },
      'placement.area-notice': async (inScope) => {
        const c = await child(inScope)
        await prisma.placement.update({ where: { id: c.placements[0].id }, data: { outOfArea: true } })
        return recordAreaNotice(actor, c.placements[0].id, areaNoticeSchema.parse({ areaNotifiedOn: '2025-01-05' }))
      },
      'placement.reg41-notice': async (inScope) => {
        const c = await child(inScope)
        await prisma.placement.update({ where: { id: c.placements[0].id }, data: { outOfArea: true } })
        return recordReg41Notice(
          actor,
          c.placements[0].id,
          reg41NoticeSchema.parse({
            kind: 'ADMISSION',
            notifiedOn: londonDate(new Date()),
            method: 'SECURE_EMAIL',
            givenBy: 'The registered manager',
          }),
        )
      },
      'authority.configure': async (inScope) =>
        setReturnInterviewService(actor, inScope ? world.laOne.id : world.laTwo.id, {
          name: 'Northshire Missing Team',
        }),
      // in scope: their own home (or provider) is in the figures; out of scope: another home's is not
      'audit.child-access': async (inScope) => getChildAccessReport(actor, (await child(inScope)).id),
      'audit.person-access': async (inScope) => getPersonAccessReport(actor, inScope ? reporter.userId : other.userId),
      'child.subject-access': async (inScope) => childSubjectAccessExport(actor, (await child(inScope)).id),
      'user.subject-access': async (inScope) =>
        staffSubjectAccessExport(actor, inScope ? reporter.userId : other.userId),
      'retention.review': async () => listRetentionDue(actor),
      'report.ofsted-home': async (inScope) => {
        const c = await child(inScope)
        const ids = (await homeInspectionFigures(actor, { from: '2020-01-01', to: '2030-12-31' })).map((h) => h.id)
        if (ids.includes(c.placements[0].homeId!) !== inScope)
          throw new Error(inScope ? 'own home missing from the figures' : 'another home in the figures')
        if (!inScope) throw new NotFoundError('home') // not in the figures
      },
      'report.annex-a': async (inScope) => {
        const c = await child(inScope)
        const ids = (await annexAFigures(actor)).map((r) => r.id)
        if (ids.includes(c.id) !== inScope)
          throw new Error(inScope ? 'own child missing from Annex A' : 'another authority’s child in Annex A')
        if (!inScope) throw new NotFoundError('child') // not in the figures
      },
      'report.missing': async (inScope) => {
        const period = missingReportQuerySchema.parse({ from: '2025-06-01', to: '2025-06-30' })
        const before = (await missingReport(actor, period)).totals.episodes
        await episode(inScope)
        // counted in this person's figures only when the episode is theirs to count
        if ((await missingReport(actor, period)).totals.episodes === before) throw new NotFoundError('not counted')
      },
      // the return, and the authority's own tables checked against it
      'export.ssda903': async (inScope) => {
        const authority = inScope ? world.laOne.id : world.laTwo.id
        const csv = { header: 'CHILD,DOB\r\n', episodes: 'CHILD,DECOM,DEC,REC\r\n' }
        await matchAuthorityReturn(actor, ssda903UploadSchema.parse({ year: 2025, authority, ...csv }))
        return ssda903Return(actor, { year: 2025, authorityId: authority })
      },
      'oversight.read': async (inScope) => getOversightMonth(actor, oversightHome(role, inScope), '2025-06'),
      // managing the register: ending a person's appointment, and registering a new person
      'oversight.manage': async (inScope) => {
        const { person } = await visitAt(inScope)
        await endAppointment(
          actor,
          person.id,
          endAppointmentSchema.parse({ endedOn: '2025-06-30', reason: 'Resigned' }),
        )
        return registerIndependentPerson(
          actor,
          oversightHome(role, inScope),
          independentPersonSchema.parse({
            name: 'New Visitor',
            appointedBy: 'The board',
            appointedOn: '2025-01-01',
            notPaidStaff: true,
            notCarePlanning: true,
            notCommissionerOrFunder: true,
            noFinancialInterest: true,
            notResponsibleIndividual: true,
            noConnection: true,
          }),
        )
      },
      'oversight.respond': async (inScope) => {
        const { visit, homeId } = await visitAt(inScope)
        const action = await prisma.oversightAction.create({
          data: {
            visitId: visit.id,
            homeId,
            recommendation: 'Repair the fire door',
            owner: 'Manager',
            dueOn: new Date('2025-07-01'),
            createdById: reporter.userId,
          },
        })
        return respondToAction(
          actor,
          action.id,
          responseSchema.parse({ text: 'Repaired', completed: 'yes', respondedOn: '2025-06-20' }),
        )
      },
      'reg44.read': async (inScope) => getVisit(actor, (await visitAt(inScope)).visit.id),
      'reg44.record': async (inScope) => {
        const { person, homeId } = await visitAt(inScope)
        return recordVisit(
          actor,
          homeId,
          visitSchema.parse({
            independentPersonId: person.id,
            visitedOn: '2025-07-10',
            announced: 'no',
            spokeWithChildren: 2,
            spokeWithParents: 0,
            spokeWithStaff: 3,
            safeguardingOpinion: 'Children are safeguarded',
            wellbeingOpinion: 'The home promotes their well-being',
          }),
        )
      },
      'visitor.checklist': async (inScope) => visitorChecklist(actor, oversightHome(role, inScope), '2025-06'),
      'user.manage': () => listUsers(actor),
      'organisation.sign-in': () => listOrganisationSignIns(actor),
      // refusing a grant another administrator asked for
      'user.approve-grant': async () => {
        const request = await prisma.roleGrantRequest.create({
          data: {
            userId: reporter.userId,
            role: 'CARE_WORKER',
            homeId: world.homeA.id,
            reason: 'Covering nights',
            requestedById: reporter.userId,
            requestedAt: new Date(),
          },
        })
        return decideGrant(actor, request.id, { approve: false, refusalReason: 'Not needed' })
      },
      'report.role-grants': () => roleGrantReport(actor, { from: '2025-01-01', to: '2025-12-31' }),
      'audit.verify': () => verifyAudit(actor),
      'dispatcher.manage': () => dispatcherState(actor),
    }
    const [expectedIn, expectedOut] = EXPECTED[role][action]
    expect(await outcome(() => attempt[action](true)), 'in scope').toBe(expectedIn)
    expect(await outcome(() => attempt[action](false)), 'out of scope').toBe(expectedOut)
  })
})

// the role refinement beyond the table: the page asks mayCloseEpisode with what it read, the use case decides alone
describe('closing an episode away from any Haven home (a bed and breakfast)', () => {
  it('is offered on the episode page to exactly those the use case lets close it: the child’s social worker', async () => {
    const socialWorker = await makePerson(
      [{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }],
      'Allocated Worker',
    )
    const anotherWorker = await makePerson(
      [{ role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id }],
      'Another Worker',
    )
    const manager = await makePerson([{ role: 'REGISTERED_MANAGER', homeId: world.homeA.id }], 'Home Manager')
    const iro = await makePerson([{ role: 'IRO', localAuthorityId: world.laOne.id }], 'Reviewing Officer')
    const child = await makeChild({
      homeId: world.homeA.id,
      placingAuthorityId: world.laOne.id,
      socialWorkerId: socialWorker.userId,
      iroId: iro.userId,
    })
    const prisma = await getPrisma()
    let day = 0
    const bedAndBreakfastEpisode = async () => {
      day++
      const times = { lastSeenAt: `2025-08-${10 + day}T20:00:00Z`, returnedAt: `2025-08-${10 + day}T23:00:00Z` }
      const e = await makeEpisode(child.id, { reportedById: socialWorker.userId, ...times })
      return prisma.missingEpisode.update({ where: { id: e.id }, data: { homeId: null } })
    }
    const decisions = async (actor: Actor) => {
      const e = await bedAndBreakfastEpisode()
      const page = await outcome(async () => {
        const { episode, socialWorkerId } = await getEpisodeForPage(actor, e.id)
        if (!mayCloseEpisode(actor, { homeId: episode.home?.id ?? null, socialWorkerId }))
          throw new ForbiddenError('no close form')
      })
      const useCase = await outcome(() =>
        closeEpisode(actor, e.id, { reviewNote: 'Reviewed with the child', version: e.version }),
      )
      return { page, useCase }
    }
    expect(await decisions(socialWorker)).toEqual({ page: 'ok', useCase: 'ok' })
    expect(await decisions(manager)).toEqual({ page: 'forbidden', useCase: 'forbidden' })
    expect(await decisions(iro)).toEqual({ page: 'forbidden', useCase: 'not-found' })
    expect(await decisions(anotherWorker)).toEqual({ page: 'not-found', useCase: 'not-found' })
  })
})

it('covers every role and every action', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES].sort())
  for (const role of ROLES) expect(Object.keys(EXPECTED[role]).sort()).toEqual([...ACTIONS].sort())
})
