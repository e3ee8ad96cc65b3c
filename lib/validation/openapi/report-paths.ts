// The OpenAPI paths for reports and exports: Ofsted's figures, the missing report, role grants and the SSDA903 return.
import { settings } from '@/lib/settings'
import { AGE_BANDS, TABLE_IDS } from '@/lib/domain/missing-report'
import { ref, json, csv, zip, jsonOr, problems } from './components'

export function reportPaths() {
  return {
    '/api/v1/reports/ofsted': {
      get: {
        operationId: 'getOfstedFigures',
        summary:
          'Figures Ofsted asks for that your roles cover: per home (times missing, times away without authorisation, children, residents, residents at risk of CSE) for a period; Annex A per child looked after (missing and absent episodes in 12 months, return interview offered and accepted after the last missing episode)',
        parameters: [
          {
            name: 'from',
            in: 'query',
            required: false,
            description: 'Start of the period for the home figures (YYYY-MM-DD)',
            schema: { type: 'string', format: 'date' },
          },
          {
            name: 'to',
            in: 'query',
            required: false,
            description: `End of the period; the period is at most ${settings.reports.maxPeriodYears} years long (422 naming to)`,
            schema: { type: 'string', format: 'date' },
          },
        ],
        responses: {
          200: { description: 'The figures your roles cover', ...json('OfstedFigures') },
          ...problems(401, 403, 422),
        },
      },
    },
    '/api/v1/reports/missing': {
      get: {
        operationId: 'getMissingReport',
        summary:
          'Missing-episode figures for the episodes you may count (a home: the episodes there; others: their children): by month, home and placing authority (missing vs away), duration, time of day, day of week, repeat children, return interviews, children at risk of CSE with and without a current safety plan',
        parameters: [
          {
            name: 'from',
            in: 'query',
            required: true,
            description: 'First UK day of the period (episodes that started from it)',
            schema: { type: 'string', format: 'date' },
          },
          {
            name: 'to',
            in: 'query',
            required: true,
            description: `Last UK day of the period; the period is at most ${settings.reports.maxPeriodYears} years long (422 naming to)`,
            schema: { type: 'string', format: 'date' },
          },
          {
            name: 'home',
            in: 'query',
            required: false,
            description: 'A home id (404 if it is not in your figures)',
            schema: { type: 'string' },
          },
          {
            name: 'authority',
            in: 'query',
            required: false,
            description: 'A placing authority id (404 if it is not in your figures)',
            schema: { type: 'string' },
          },
          {
            name: 'ageBand',
            in: 'query',
            required: false,
            description: 'Age when the episode started',
            schema: { type: 'string', enum: Object.keys(AGE_BANDS) },
          },
          { name: 'sex', in: 'query', required: false, schema: { type: 'string', enum: ['MALE', 'FEMALE'] } },
          {
            name: 'table',
            in: 'query',
            required: false,
            description: 'Without it, JSON; with it, that table as CSV',
            schema: { type: 'string', enum: [...TABLE_IDS] },
          },
        ],
        responses: {
          200: { description: 'The report, or one table as CSV', ...jsonOr('MissingReport', csv) },
          ...problems(401, 403, 404, 422),
        },
      },
    },
    '/api/v1/reports/role-grants': {
      get: {
        operationId: 'getRoleGrantReport',
        summary:
          'Every role grant and removal in a period, from the audit trail (system administrators): when, the event (granted, removed, requested: waiting for a second administrator, refused), the role and organisation, the person, who did it (for an approved grant, who asked for it), the reason, and who approved it',
        parameters: [
          {
            name: 'from',
            in: 'query',
            required: true,
            description: 'First UK day of the period',
            schema: { type: 'string', format: 'date' },
          },
          {
            name: 'to',
            in: 'query',
            required: true,
            description: 'Last UK day of the period',
            schema: { type: 'string', format: 'date' },
          },
        ],
        responses: {
          200: { description: 'The grants and removals', ...json('RoleGrantReport') },
          ...problems(401, 403, 422),
        },
      },
    },
    '/api/v1/exports/ssda903': {
      get: {
        operationId: 'getSsda903Return',
        summary:
          "The SSDA903 return's Header, Episodes and Missing tables for a placing authority (LA missing leads), checked against the DfE's rules for the collection year",
        parameters: [
          {
            name: 'year',
            in: 'query',
            required: true,
            description: 'Collection year: 2025 is 1 April 2025 to 31 March 2026',
            schema: { type: 'integer' },
          },
          {
            name: 'authority',
            in: 'query',
            required: true,
            description: 'Local authority id',
            schema: { type: 'string' },
          },
          {
            name: 'table',
            in: 'query',
            required: false,
            description:
              'Without it, the check report; with it, that table as CSV (all: the three CSVs in a zip, with the failures if any; failures: the failing rows). Files of a return with failures are named not-ready.',
            schema: { type: 'string', enum: ['header', 'episodes', 'missing', 'all', 'failures'] },
          },
        ],
        responses: {
          200: { description: 'The check report, or a table as CSV (all: a zip)', ...jsonOr('Ssda903Check', csv, zip) },
          ...problems(401, 403, 404),
          422: {
            description: 'Invalid input (`errors` names each field)',
            content: { 'application/problem+json': { schema: ref('Ssda903Problem') } },
          },
        },
      },
    },
  }
}
