// Compile-time only (`tsc`): what each use case returns, once sent as JSON (dates become strings), fits the zod schema
// the OpenAPI document gives for that answer. A use case that changes its answer must change its documentation.
// Answers the route handlers assemble themselves are checked at run time only (tests/support/openapi.ts).
import type { z } from 'zod'
import type { getAlert, listAlerts } from '@/lib/server/alerts'
import type { getChronology } from '@/lib/server/chronology'
import type { createPlanVersion, recordScreening } from '@/lib/server/cse'
import type { addEpisodeUpdate, amendEpisode, recordReturn } from '@/lib/server/episodes'
import type { missingReport } from '@/lib/server/missing-report'
import type { markAllNotificationsRead } from '@/lib/server/notifications'
import type { listVisits, recordVisit } from '@/lib/server/oversight'
import type { recordOutcome } from '@/lib/server/return-interviews'
import type { roleGrantReport } from '@/lib/server/role-grants'
import type {
  alertListSchema,
  alertViewSchema,
  chronologySchema,
  markedReadSchema,
} from '@/lib/validation/alert-responses'
import type { safetyPlanSavedSchema, screeningRecordedSchema } from '@/lib/validation/cse-responses'
import type { reg44VisitListSchema, reg44VisitRecordedSchema } from '@/lib/validation/oversight-responses'
import type { missingReportSchema, roleGrantReportSchema } from '@/lib/validation/report-responses'
import type { amendedSchema, returnRecordedSchema, savedWithWarningsSchema } from '@/lib/validation/responses'

type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T
type Answer<F extends (...args: never[]) => Promise<unknown>> = Json<Awaited<ReturnType<F>>>
const fits = <A, S extends z.ZodType>(verdict: [A] extends [z.output<S>] ? 'fits' : 'does not fit') => verdict

fits<Answer<typeof listAlerts>, typeof alertListSchema>('fits')
fits<Answer<typeof getAlert>, typeof alertViewSchema>('fits')
fits<Answer<typeof getChronology>, typeof chronologySchema>('fits')
fits<Answer<typeof recordScreening>, typeof screeningRecordedSchema>('fits')
fits<Answer<typeof createPlanVersion>, typeof safetyPlanSavedSchema>('fits')
fits<Answer<typeof addEpisodeUpdate>, typeof savedWithWarningsSchema>('fits')
fits<Answer<typeof recordReturn>, typeof returnRecordedSchema>('fits')
fits<Answer<typeof amendEpisode>, typeof amendedSchema>('fits')
fits<Answer<typeof recordOutcome>, typeof savedWithWarningsSchema>('fits')
fits<Answer<typeof missingReport>, typeof missingReportSchema>('fits')
fits<Answer<typeof roleGrantReport>, typeof roleGrantReportSchema>('fits')
fits<Answer<typeof listVisits>, typeof reg44VisitListSchema>('fits')
fits<Answer<typeof recordVisit>, typeof reg44VisitRecordedSchema>('fits')
fits<Answer<typeof markAllNotificationsRead>, typeof markedReadSchema>('fits')
