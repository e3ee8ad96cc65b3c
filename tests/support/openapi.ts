// Every answer an API route handler gives in any test is checked against the OpenAPI document, the document clients
// see: the status must be documented for the operation, the content type too, and a JSON body must match its schema
// (ajv, JSON Schema 2020-12 as in OpenAPI 3.1). A test whose answers do not match fails in its afterEach. Each test
// file
// then records which operations answered with success; tests/support/openapi-coverage.ts lists those never checked.
import fs from 'node:fs'
import path from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { afterAll, afterEach, expect, inject } from 'vitest'
import { apiAnswers } from '@/lib/server/api'
import { openApiDocument } from '@/lib/validation/openapi'

type Operation = { responses: Record<string, { content?: Record<string, unknown> }> }

const document = openApiDocument()
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false })
addFormats(ajv)
ajv.addSchema(document, 'haven')

const operations = Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(
  ([template, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      key: `${method.toUpperCase()} ${template}`,
      method: method.toUpperCase(),
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      operation,
    })),
)
const pointer = (...parts: string[]) =>
  `haven#/${parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`

/** What is wrong with this answer, by the document; null when nothing is. */
export async function answerProblem(method: string, pathname: string, response: Response): Promise<string | null> {
  const found = operations.find((o) => o.method === method && o.pattern.test(pathname))
  const where = `${method} ${pathname} answered ${response.status}`
  if (!found) return `${where}: no such operation in the OpenAPI document`
  const documented = found.operation.responses[String(response.status)]
  if (!documented) return `${where}: that status is not documented for ${found.key}`
  const body = await response.text()
  const success = () => {
    if (response.status < 300) checked.add(found.key)
    return null
  }
  if (!documented.content) return body ? `${where}: a body, where the document says there is none` : success()
  const media = (response.headers.get('content-type') ?? '').split(';')[0].trim()
  if (!(media in documented.content)) return `${where}: ${media || 'no content type'} is not documented`
  if (!media.endsWith('json')) return success()
  const validate = ajv.getSchema(
    pointer(
      'paths',
      found.template,
      found.method.toLowerCase(),
      'responses',
      String(response.status),
      'content',
      media,
      'schema',
    ),
  )!
  if (validate(JSON.parse(body))) return success()
  const errors = (validate.errors ?? []).map((e) => {
    const extra = (e.params as { additionalProperty?: string }).additionalProperty
    return `body${e.instancePath} ${e.message}${extra ? `: ${extra}` : ''}`
  })
  return `${where}: the body does not match the document: ${[...new Set(errors)].join('; ')}`
}

const pending: Promise<string | null>[] = []
const checked = new Set<string>()
let testFile: string | undefined

apiAnswers.observer = (request, response) =>
  void pending.push(answerProblem(request.method, new URL(request.url).pathname, response.clone()))

afterEach(async () => {
  testFile ??= expect.getState().testPath
  const problems = (await Promise.all(pending.splice(0))).filter(Boolean)
  expect(problems, 'API answers the OpenAPI document does not describe').toEqual([])
})

afterAll(() => {
  const dir = inject('openApiChecks')
  if (!dir || !testFile) return
  const record = { file: path.relative(process.cwd(), testFile), checked: [...checked] }
  fs.writeFileSync(path.join(dir, `${path.basename(testFile)}-${process.pid}.json`), JSON.stringify(record))
})

declare module 'vitest' {
  export interface ProvidedContext {
    openApiChecks: string
  }
}
