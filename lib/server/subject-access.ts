// Subject access (UK GDPR art 15): every record Haven holds about one child, corrections and amendments included, as
// a readable HTML page (prints to PDF) and machine-readable JSON in one zip, with what concerns other people marked
// for the officer's redaction review (art 15(4): others' rights). The same for a member of staff's own data.
import { zipSync, strToU8 } from 'fflate'
import { accessWords } from '@/lib/domain/access-words'
import type { Actor } from '@/lib/domain/roles'
import type { Tx } from './database'
import { NotFoundError } from './errors'
import { useCase } from './use-case'

/**
 * One kind of record about a child. A new kind of record is one line here: its title, how to load the child's rows
 * (with their corrections), and which fields concern other people (marked for redaction review, not removed).
 */
type RecordKind = {
  kind: string
  title: string
  load: (tx: Tx, childId: string) => Promise<object[]>
  thirdParty?: string[]
}

const byChild = (childId: string) => ({ where: { childId }, orderBy: { createdAt: 'asc' as const } })

export const CHILD_RECORD_KINDS: RecordKind[] = [
  {
    kind: 'child',
    title: 'The child',
    load: (tx, id) => tx.child.findMany({ where: { id }, omit: { createdById: true } }),
  },
  {
    kind: 'placements',
    title: 'Placements and Regulation 41 notices',
    load: (tx, childId) =>
      tx.placement.findMany({ where: { childId }, orderBy: { startDate: 'asc' }, include: { reg41Notices: true } }),
  },
  {
    kind: 'periods-of-care',
    title: 'Periods of care and legal statuses',
    load: (tx, childId) => tx.periodOfCare.findMany({ ...byChild(childId), include: { legalStatuses: true } }),
  },
  {
    kind: 'reviews',
    title: 'Looked-after reviews',
    load: (tx, childId) => tx.lookedAfterReview.findMany(byChild(childId)),
  },
  {
    kind: 'missing-episodes',
    title: 'Missing episodes, their updates and corrections',
    load: (tx, childId) =>
      tx.missingEpisode.findMany({
        where: { childId },
        orderBy: { lastSeenAt: 'asc' },
        include: {
          updates: true,
          amendments: true,
          locations: { include: { location: { select: { name: true, postcode: true } } } },
          associates: { include: { associate: { select: { name: true, description: true } } } },
          vehicles: { include: { vehicle: true } },
          grabPackShares: true,
          // the protocol's steps ticked during the episode, and everyone told of it
          protocolSteps: true,
          told: true,
          // the other child's episode is theirs: only that there is a link
          linksFrom: { select: { id: true, createdAt: true, undoneAt: true } },
          linksTo: { select: { id: true, createdAt: true, undoneAt: true } },
        },
      }),
    thirdParty: ['associates', 'vehicles', 'linksFrom', 'linksTo', 'told'],
  },
  {
    kind: 'grab-packs',
    title: 'Grab packs (every version)',
    load: (tx, childId) =>
      tx.grabPack.findMany({ where: { childId }, orderBy: { version: 'asc' }, include: { shares: true } }),
    thirdParty: ['friendsAndAssociates', 'phoneNumbers'],
  },
  {
    kind: 'photos',
    title: 'Photos (the files are in photos/)',
    load: (tx, childId) => tx.childPhoto.findMany({ where: { childId }, omit: { bytes: true } }),
  },
  {
    kind: 'return-interviews',
    title: 'Return interviews, follow-ups, sharing with the police and corrections',
    load: (tx, childId) =>
      tx.returnInterview.findMany({
        ...byChild(childId),
        include: {
          locations: { include: { location: { select: { name: true, postcode: true } } } },
          associates: { include: { associate: { select: { name: true, description: true } } } },
          vehicles: { include: { vehicle: true } },
          sharings: true,
          followUps: true,
          amendments: true,
        },
      }),
    thirdParty: ['associates', 'vehicles', 'concernsAboutHome'],
  },
  {
    kind: 'missing-protocols',
    title: 'Missing protocols (every version)',
    load: (tx, childId) =>
      tx.missingProtocol.findMany({
        where: { childId },
        orderBy: { version: 'asc' },
        // the places, people and vehicles it names, as typed for this child
        include: { knownRecords: { orderBy: { position: 'asc' } } },
      }),
    thirdParty: ['knownPlacesAndPeople', 'knownRecords', 'toTell'],
  },
  {
    kind: 'referrals',
    title: 'Referrals: National Referral Mechanism, Child Abduction Warning Notices, police intelligence',
    load: (tx, childId) => tx.referral.findMany({ ...byChild(childId), include: { amendments: true } }),
    thirdParty: ['personName', 'associateId'],
  },
  {
    kind: 'meetings',
    title: 'Strategy discussions and meetings, with their actions',
    load: (tx, childId) =>
      tx.meeting.findMany({
        ...byChild(childId),
        include: { actions: true, episodes: true, alerts: true, amendments: true },
      }),
    thirdParty: ['participants', 'familyViews'],
  },
  {
    kind: 'cse-screenings',
    title: 'Exploitation screenings (each kind)',
    load: (tx, childId) => tx.cseScreening.findMany(byChild(childId)),
  },
  {
    kind: 'safety-plans',
    title: 'Safety plans (every version)',
    load: (tx, childId) => tx.safetyPlan.findMany({ where: { childId }, orderBy: { version: 'asc' } }),
    thirdParty: ['ifMissingPeople'],
  },
  {
    kind: 'reg40-tasks',
    title: 'Regulation 40 tasks and notices',
    load: (tx, childId) => tx.reg40Task.findMany({ ...byChild(childId), include: { notices: true } }),
  },
  {
    kind: 'notifiable-events',
    title: 'Notifiable events (Regulation 40)',
    load: (tx, childId) => tx.notifiableEvent.findMany({ where: { childId }, include: { notices: true } }),
    thirdParty: ['otherRelevantPersons'],
  },
  {
    kind: 'alerts',
    title: 'Pattern alerts and the IRO’s decisions',
    load: async (tx, childId) =>
      (
        await tx.alert.findMany({
          where: { childIds: { has: childId } },
          orderBy: { openedAt: 'asc' },
          // what the rule found (other children's episodes) stays out: only how many others it names
          omit: { evidence: true, resolvedEvidence: true, homeIds: true, subjectKey: true },
          include: { decisions: { where: { childId } }, events: true },
        })
      ).map(({ childIds, ...alert }) => ({ ...alert, otherChildren: childIds.filter((id) => id !== childId).length })),
    thirdParty: ['otherChildren', 'resolutionReason'],
  },
  {
    kind: 'notifications',
    title: "Notifications sent about the child (to staff, and to the missing protocol's e-mail addresses)",
    load: (tx, childId) =>
      tx.notification.findMany({ where: { childId }, orderBy: { createdAt: 'asc' }, include: { deliveries: true } }),
    // a parent's or a professional's own address
    thirdParty: ['recipientEmail'],
  },
  {
    kind: 'access',
    title: 'Who read or changed the record (the audit trail)',
    load: async (tx, childId) =>
      (
        await tx.$queryRaw<{ at: Date; actorId: string | null; action: string; subjectType: string }[]>`
          SELECT at, "actorId", action, "subjectType" FROM "AuditEvent"
           WHERE "childId" = ${childId} OR "childIds" @> ARRAY[${childId}]::text[] ORDER BY seq`
      ).map((e) => ({ ...e, words: accessWords(e.action).words })),
  },
]

/** A stored value as JSON: dates as ISO strings, big integers as strings, file contents left out. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Uint8Array) return undefined
  if (Array.isArray(value)) return value.map(plain)
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]))
  return value
}

type Section = { kind: string; title: string; records: Record<string, unknown>[] }

/** Each record of the kind, with the fields that concern other people named under `redactionReview`. */
function section(kind: Pick<RecordKind, 'kind' | 'title' | 'thirdParty'>, rows: object[]): Section {
  const records = rows.map((row) => {
    const record = plain(row) as Record<string, unknown>
    const review = (kind.thirdParty ?? []).filter((f) => {
      const v = record[f]
      return v !== null && v !== undefined && v !== '' && v !== 0 && !(Array.isArray(v) && v.length === 0)
    })
    return review.length ? { ...record, redactionReview: review } : record
  })
  return { kind: kind.kind, title: kind.title, records }
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

function htmlValue(value: unknown): string {
  if (value === null || value === undefined) return '<em>none</em>'
  if (Array.isArray(value))
    return value.length ? `<ol>${value.map((v) => `<li>${htmlValue(v)}</li>`).join('')}</ol>` : '<em>none</em>'
  if (typeof value === 'object') return htmlFields(value as Record<string, unknown>)
  return escape(typeof value === 'string' ? value : JSON.stringify(value))
}

function htmlFields(record: Record<string, unknown>): string {
  const review = new Set((record.redactionReview as string[] | undefined) ?? [])
  const rows = Object.entries(record)
    .filter(([k]) => k !== 'redactionReview')
    .map(([k, v]) => {
      const mark = review.has(k) ? ' class="redaction-review"' : ''
      const note = review.has(k) ? ' <strong>(review for redaction: about another person)</strong>' : ''
      return `<div${mark}><dt>${escape(k)}${note}</dt><dd>${htmlValue(v)}</dd></div>`
    })
  return `<dl>${rows.join('')}</dl>`
}

/** The readable page: one heading per kind of record, each record's fields; marked fields highlighted. */
function bundleHtml(title: string, generatedAt: Date, sections: Section[]) {
  const body = sections
    .map(
      (s) =>
        `<section><h2>${escape(s.title)} (${s.records.length})</h2>${
          s.records.length ? s.records.map((r) => `<article>${htmlFields(r)}</article>`).join('') : '<p>None.</p>'
        }</section>`,
    )
    .join('\n')
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}article{border-top:1px solid #888;
padding:.5rem 0}dt{font-weight:bold}dd{margin:0 0 .5rem 1rem}.redaction-review{background:#fff3b0;outline:2px solid
#b58900}@media print{section{break-before:page}}</style></head><body><h1>${escape(title)}</h1>
<p>Made by Haven on ${generatedAt.toISOString()}. Fields highlighted and marked "review for redaction" concern other
people: the officer decides what to withhold before this is given to the person.</p>
${body}</body></html>`
}

function bundle(title: string, subject: object, generatedAt: Date, sections: Section[], files = {}) {
  const json = { subject, generatedAt: generatedAt.toISOString(), sections }
  return zipSync({
    'record.html': strToU8(bundleHtml(title, generatedAt, sections)),
    'record.json': strToU8(JSON.stringify(json, null, 2)),
    ...files,
  })
}

/** The child's whole record as a zip (record.html, record.json, photos/). */
export async function childSubjectAccessExport(actor: Actor, childId: string, now = new Date()) {
  const transaction = { timeout: 120_000 }
  return useCase(actor, 'child.subject-access', { subject: 'child', now, transaction }, async ({ tx, find, audit }) => {
    const child = await find.child(childId, { select: { id: true, firstName: true, lastName: true } })
    const sections: Section[] = []
    for (const kind of CHILD_RECORD_KINDS) sections.push(section(kind, await kind.load(tx, child.id)))
    const photos = await tx.childPhoto.findMany({ where: { childId: child.id }, select: { id: true, bytes: true } })
    const files = Object.fromEntries(photos.map((p) => [`photos/${p.id}.jpg`, new Uint8Array(p.bytes)]))
    const name = `${child.firstName} ${child.lastName}`
    const zip = bundle(`Haven record: ${name}`, { childId: child.id, name }, now, sections, files)
    const records = sections.reduce((n, s) => n + s.records.length, 0)
    await audit({
      action: 'child.subject-access',
      subjectType: 'child',
      subjectId: child.id,
      childId: child.id,
      details: { kinds: sections.length, records, bytes: zip.length },
    })
    return { zip, fileName: `haven-subject-access-${child.id}.zip`, records }
  })
}

/** A member of staff's own data: their account, roles, sign-ins, sessions and tokens, and what they did in Haven
 * (by record id and kind: the children's records themselves are the children's). */
export async function staffSubjectAccessExport(actor: Actor, userId: string, now = new Date()) {
  const denied = { forbidden: "Only a system administrator can export a member of staff's data." }
  return useCase(actor, 'user.subject-access', { denied, now }, async ({ tx, audit }) => {
    const user = await tx.user.findUnique({ where: { id: userId }, omit: { passwordHash: true } })
    if (!user) throw new NotFoundError('person')
    const kinds: Pick<RecordKind, 'kind' | 'title' | 'thirdParty'>[] = [
      { kind: 'account', title: 'Account' },
      { kind: 'roles', title: 'Roles held and role requests' },
      { kind: 'sessions', title: 'Browser sessions' },
      { kind: 'tokens', title: 'API tokens (never the token itself)' },
      { kind: 'sign-ins', title: 'Sign-in attempts' },
      { kind: 'activity', title: 'What they did in Haven (the audit trail: ids and codes)', thirdParty: ['childIds'] },
    ]
    const rows = [
      [user],
      [
        ...(await tx.roleAssignment.findMany({ where: { userId } })),
        ...(await tx.roleGrantRequest.findMany({ where: { userId } })),
      ],
      await tx.userSession.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
      await tx.apiToken.findMany({ where: { userId }, omit: { tokenHash: true } }),
      await tx.signInAttempt.findMany({ where: { email: user.email }, orderBy: { at: 'asc' } }),
      (
        await tx.auditEvent.findMany({
          where: { actorId: userId },
          orderBy: { seq: 'asc' },
          select: { at: true, action: true, subjectType: true, subjectId: true, childId: true, childIds: true },
        })
      ).map(({ childId, childIds, ...e }) => ({
        ...e,
        childIds: [...new Set([...(childId ? [childId] : []), ...childIds])],
      })),
    ]
    const sections = kinds.map((k, i) => section(k, rows[i]))
    const zip = bundle(`Haven data: ${user.name}`, { userId: user.id, name: user.name }, now, sections)
    const records = sections.reduce((n, s) => n + s.records.length, 0)
    await audit({
      action: 'user.subject-access',
      subjectType: 'user',
      subjectId: user.id,
      details: { userId, records },
    })
    return { zip, fileName: `haven-subject-access-staff-${user.id}.zip`, records }
  })
}
