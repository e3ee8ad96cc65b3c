// Every operation in the OpenAPI document must answer with success, checked against the document, somewhere in the
// tests (tests/support/openapi.ts records which did). Judged only when the run included every test file that calls an
// API route handler: a run of one file says nothing about the others.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { openApiDocument } from '@/lib/validation/openapi'

export default function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-openapi-checks-'))
  project.provide('openApiChecks', dir)
  return () => {
    const records = fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')))
    fs.rmSync(dir, { recursive: true, force: true })
    const ran = new Set(records.map((r: { file: string }) => r.file))
    const callers = fs
      .readdirSync('tests', { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => path.join('tests', f))
      .filter((f) => fs.readFileSync(f, 'utf8').includes("from '@/app/api/v1/"))
    if (callers.some((f) => !ran.has(f))) return
    const checked = new Set(records.flatMap((r: { checked: string[] }) => r.checked))
    const operations = Object.entries(openApiDocument().paths).flatMap(([template, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${template}`),
    )
    const never = operations.filter((o) => !checked.has(o))
    if (never.length) {
      // vitest reports an error thrown here but still exits 0: set the exit code as well
      process.exitCode = 1
      throw new Error(`These API operations never answered with success in a test, checked against the OpenAPI
document (call them from a test in ${callers.join(', ')}):\n  ${never.join('\n  ')}`)
    }
    console.log(`All ${operations.length} API operations answered with success in the tests, as the document says.`)
  }
}
