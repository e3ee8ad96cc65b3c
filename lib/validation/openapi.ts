// The OpenAPI 3.1 document, built from the same zod schemas the API validates and answers with (the parts are in
// lib/validation/openapi/). It describes every route under /api/v1 but itself (GET /api/v1/openapi.json, public).
import { childrenPaths, placementPaths } from './openapi/children-paths'
import { componentSchemas } from './openapi/components'
import { dataProtectionPaths } from './openapi/data-protection-paths'
import { meetingsPaths } from './openapi/meetings-paths'
import { oversightPaths } from './openapi/oversight-paths'
import { reportPaths } from './openapi/report-paths'
import { protocolPaths } from './openapi/protocol-paths'
import { ssda903Paths } from './openapi/ssda903-paths'

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Haven API',
      version: '1',
      description:
        'Children and placements, missing episodes, return interviews, CSE screenings and safety plans, ' +
        "pattern alerts, homes' oversight and reports. Every route honours the same scope rules as the pages: " +
        'a child outside your scope is 404. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A personal token from POST /api/v1/auth/token' },
      },
      schemas: componentSchemas(),
    },
    paths: {
      ...childrenPaths(),
      ...reportPaths(),
      ...oversightPaths(),
      ...placementPaths(),
      ...dataProtectionPaths(),
      ...protocolPaths(),
      ...meetingsPaths(),
      ...ssda903Paths(),
    },
  }
}
