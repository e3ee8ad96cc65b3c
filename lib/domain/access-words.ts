// The access report's plain words for each kind of audit event: what the person did, and on which page or API route
// it happens. UK GDPR art 15(1)(c) (recipients of the data) and the ICO's accountability guidance ("who has accessed
// records") are what the report answers; the event itself holds only ids and codes.

export type AccessWords = { words: string; where: string; change: boolean }

const read = (words: string, where: string): AccessWords => ({ words, where, change: false })
const wrote = (words: string, where: string): AccessWords => ({ words, where, change: true })

const CHILD = "the child's page (/children/{id}, GET /api/v1/children/{id})"
const EPISODE = 'a missing episode (/episodes/{id}, /api/v1/missing-episodes/{id})'
const INTERVIEW = 'a return interview (/return-interviews/{id}, /api/v1/return-interviews/{id})'
const CSE = 'CSE risk and safety plan (/children/{id}/cse, /api/v1/children/{id}/cse-screenings, /safety-plans)'
const ALERTS = 'pattern alerts (/alerts, /api/v1/alerts)'
const OVERSIGHT = "a home's oversight (/oversight/{home}, /api/v1/homes/{id})"
const REG40 = 'notifiable events (/notifiable-events, /api/v1/notifiable-events)'
const PROTOCOL =
  "the child's missing protocol (/children/{id}/missing-protocol, /api/v1/children/{id}/missing-protocols)"
const MEETINGS = 'referrals and meetings (/children/{id}/meetings, /api/v1/children/{id}/meetings, /referrals)'
const RETURN = 'details for the SSDA903 return (/children/{id}/return-details)'

/** Words for the kinds of event that concern a child. An event of another kind is shown by its code. */
export const ACCESS_WORDS: Partial<Record<string, AccessWords>> = {
  'child.read': read("read the child's record", CHILD),
  'child.read-denied': read("asked for the child's record and was refused (not in their scope)", CHILD),
  'child.chronology': read("read the child's chronology", "the child's chronology (/children/{id}/chronology)"),
  'child.list': read('saw the child in a list of children', 'the children list or the dashboard (/children, /)'),
  'child.create': wrote('added the child to Haven', 'adding a child (/children/new, POST /api/v1/children)'),
  'placement.start': wrote('recorded a placement', "the child's placements (/children/{id}/placements)"),
  'placement.end': wrote('ended a placement', "the child's placements (/children/{id}/placements)"),
  'placement.area-notice': wrote('recorded the notice to the area authority', "the child's placements"),
  'placement.reg41-notice': wrote('recorded a Regulation 41 notice', "the child's placements"),
  'child.reallocate': wrote('reallocated the IRO or social worker', 'handing over work (/admin/users/{id})'),
  'episode.report': wrote('reported the child missing or absent', 'reporting an episode (/episodes/new)'),
  'episode.read': read('read a missing episode', EPISODE),
  'episode.list': read("read the child's missing episodes", "the child's episodes (/children/{id}/missing)"),
  'episode.update': wrote('added an update to a missing episode', EPISODE),
  'episode.return': wrote('recorded the return', EPISODE),
  'episode.amend': wrote('corrected a missing episode (an amendment)', EPISODE),
  'episode.close': wrote('closed a missing episode', EPISODE),
  'episode.link': wrote('linked episodes of children missing together', EPISODE),
  'episode.unlink': wrote('undid a link between episodes made by mistake', EPISODE),
  'place.list': read('saw places, people and vehicles named in episodes', 'the places page (/places)'),
  'place.merge': wrote('merged places named in episodes', 'the places page (/places)'),
  'grabpack.read': read('read the grab pack', "the child's grab pack (/children/{id}/grab-pack)"),
  'grabpack.save': wrote('changed the grab pack', "the child's grab pack (/children/{id}/grab-pack)"),
  'grabpack.photo-read': read("saw the child's photo", "the child's grab pack"),
  'grabpack.share': wrote('shared the grab pack with the police', 'sharing a grab pack (/episodes/{id}/grab-pack)'),
  'interview.read': read('read a return interview', INTERVIEW),
  'interview.list': read('saw the child in a list of return interviews', 'return interviews (/return-interviews)'),
  'interview.offer': wrote('recorded a return interview offer', INTERVIEW),
  'interview.outcome': wrote('recorded a return interview', INTERVIEW),
  'interview.amend': wrote('corrected a return interview (an amendment)', INTERVIEW),
  'interview.follow-up': wrote('recorded a follow-up from a return interview', INTERVIEW),
  'interview.police-sharing': wrote('recorded sharing with the police', INTERVIEW),
  'interview.prevention': wrote('recorded a prevention plan', INTERVIEW),
  'cse.read': read('read CSE screenings and safety plans', CSE),
  'cse.flags': read("saw the child's CSE risk in a list", 'the children list or dashboard'),
  'cse.screen': wrote('recorded a CSE screening', CSE),
  'plan.write': wrote('wrote a safety plan', CSE),
  'plan.signoff': wrote('signed off a safety plan', CSE),
  'review.read': read('read looked-after reviews', "the child's reviews (/children/{id}/reviews)"),
  'review.list': read('saw the child in a list of reviews due', 'the dashboard (/)'),
  'review.record': wrote('recorded a looked-after review', "the child's reviews (/children/{id}/reviews)"),
  'care.period-start': wrote('corrected when the child became looked after', "the child's reviews"),
  'child.review-decisions': read("read the IRO's decisions on alerts", "the child's page"),
  'reg40.list': read('saw the child in the notifiable events', REG40),
  'reg40.overdue': read('saw the child in overdue notifiable events', 'the dashboard (/)'),
  'reg40.record': wrote('recorded a notifiable event', REG40),
  'reg40.propose': wrote('proposed a notifiable event', REG40),
  'reg40.decide': wrote('decided a notifiable event', REG40),
  'reg40.notified': wrote('recorded who was notified of an event', REG40),
  'reg40.notice': wrote('recorded a Regulation 40 notice', REG40),
  'reg40.complete': wrote('completed a Regulation 40 task', REG40),
  'protocol.read': read('read the missing protocol', PROTOCOL),
  'protocol.episode-read': read("read the missing protocol on an episode's page", EPISODE),
  'protocol.flags': read('saw the child among those without a current missing protocol', 'the dashboard (/)'),
  'protocol.write': wrote('wrote a version of the missing protocol', PROTOCOL),
  'protocol.agree': wrote('agreed the missing protocol (social worker)', PROTOCOL),
  'protocol.signoff': wrote('signed off the missing protocol (registered manager)', PROTOCOL),
  'protocol.step': wrote('ticked a step of the missing protocol during an episode', EPISODE),
  'protocol.records': read('saw the places, people and vehicles to choose from for a missing protocol', PROTOCOL),
  'episode.tell': wrote('recorded someone told of an episode', EPISODE),
  'referral.list': read('read the referrals', MEETINGS),
  'referral.record': wrote('recorded a referral', MEETINGS),
  'referral.amend': wrote('corrected a referral or added its decision', MEETINGS),
  'meeting.list': read('read the strategy discussions and meetings', MEETINGS),
  'meeting.record': wrote('recorded a strategy discussion or meeting', MEETINGS),
  'meeting.action': wrote('added an action to a meeting', MEETINGS),
  'meeting.action-complete': wrote("completed a meeting's action", MEETINGS),
  'meeting.amend': wrote('corrected a strategy discussion or meeting', MEETINGS),
  'meeting.due': read('saw the child among meetings due or actions overdue', 'the dashboard (/)'),
  'meeting.flag': wrote('flagged a missing meeting (scheduled job)', MEETINGS),
  'cse.levels': read('counted the child in the exploitation risk levels', 'the dashboard (/)'),
  'care.return-details-read': read('read the details for the SSDA903 return', RETURN),
  'care.return-details': wrote('corrected the details for the SSDA903 return', RETURN),
  'export.ssda903-upload': read(
    "matched the child against the authority's own return",
    'the SSDA903 upload (/api/v1/exports/ssda903/upload)',
  ),
  'alert.list': read('saw the child in a list of alerts', ALERTS),
  'alert.read': read('read a pattern alert', ALERTS),
  'alert.acknowledge': wrote('acknowledged a pattern alert', ALERTS),
  'alert.decision': wrote('recorded a decision on a pattern alert', ALERTS),
  'alert.resolve': wrote('resolved a pattern alert', ALERTS),
  'export.ssda903': read('exported the child in the SSDA903 return', 'the SSDA903 export (/api/v1/exports/ssda903)'),
  'report.ofsted-home': read("counted the child in a home's Ofsted figures", 'Ofsted figures (/reports/ofsted)'),
  'report.annex-a': read('listed the child in Annex A', 'Annex A (/reports/ofsted)'),
  'report.missing': read('counted the child in the missing report', 'the missing report (/reports/missing)'),
  'oversight.read': read("saw the child in a home's oversight month", OVERSIGHT),
  'oversight.people': read("saw the child in a home's register of people", OVERSIGHT),
  'visitor.checklist': read("saw the child on the visitor's checklist", "the visitor's checklist (/oversight/{home})"),
  'audit.child-access': read("read the child's access report", 'the access report (/children/{id}/access)'),
  'audit.person-access': read("read a person's access report that named the child", 'an investigation (/admin/access)'),
  'child.subject-access': read(
    "exported the child's whole record (subject access)",
    'the subject access export (/api/v1/children/{id}/subject-access-export)',
  ),
  'retention.decide': wrote('recorded a retention decision', 'retention (/admin/retention)'),
  'system.alert-open': wrote('opened a pattern alert (scheduled job)', ALERTS),
  'system.alert-reopen': wrote('reopened a pattern alert (scheduled job)', ALERTS),
  'system.alert-withdraw': wrote('withdrew a pattern alert (scheduled job)', ALERTS),
  'system.alert-escalate': wrote('escalated a pattern alert (scheduled job)', ALERTS),
}

/** The plain words for an event's action; one Haven has no words for yet is named by its code. */
export function accessWords(action: string): AccessWords {
  return ACCESS_WORDS[action] ?? { words: `did "${action}"`, where: 'not recorded', change: !/read|list/.test(action) }
}
