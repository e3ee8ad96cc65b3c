// The OpenAPI document as a file, and the check `npm test` runs on it (local authorities generate clients from it).
//   npm run openapi -- haven-api.json   writes the document (what GET /api/v1/openapi.json serves)
//   npm run openapi -- check            lints it under Redocly's recommended rules, generates a TypeScript client
//                                      with openapi-typescript and compiles a file that uses every success response,
//                                      failing if one is untyped (unknown, never or an object of anything)
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openApiDocument } from '@/lib/validation/openapi'

type Operation = { operationId: string; responses: Record<string, { content?: Record<string, unknown> }> }

const [command = 'haven-api.json'] = process.argv.slice(2)
const document = openApiDocument()

if (command !== 'check') {
  fs.writeFileSync(command, JSON.stringify(document, null, 2) + '\n')
  console.log(`Wrote ${command}`)
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-openapi-'))
  try {
    check(dir)
  } catch {
    console.error('The OpenAPI check failed: see above.') // the tool said why
    process.exitCode = 1
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function check(dir: string) {
  const file = path.join(dir, 'haven-api.json')
  fs.writeFileSync(file, JSON.stringify(document, null, 2))
  const bin = (name: string) => path.resolve('node_modules/.bin', name)
  // Redocly would otherwise send usage data and look for a newer version: neither is wanted, and the network may be
  // shut
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' }
  const run = (tool: string, args: string[]) => execFileSync(bin(tool), args, { stdio: 'inherit', env })

  run('redocly', ['lint', file, '--config', path.resolve('redocly.yaml'), '--format', 'stylish'])
  run('openapi-typescript', [file, '--output', path.join(dir, 'haven-api.d.ts')])

  // one line per operation: its success answer's type must be a real type, so a client is typed for every response
  const lines = [
    "import type { operations } from './haven-api'",
    'type Untyped<T> = unknown extends T ? true : [T] extends [never] ? true : string extends keyof T ? true : false',
    'const typed = <T>(untyped: Untyped<T>) => untyped',
  ]
  for (const [address, methods] of Object.entries(document.paths as Record<string, Record<string, Operation>>))
    for (const [method, operation] of Object.entries(methods)) {
      const [status, answer] = Object.entries(operation.responses).find(([s]) => s.startsWith('2'))!
      if (status === '204') continue // no content, by design
      for (const media of Object.keys(answer.content ?? { 'application/json': {} }))
        lines.push(
          `// ${method.toUpperCase()} ${address}`,
          `typed<operations['${operation.operationId}']['responses'][${status}]['content']['${media}']>(false)`,
        )
    }
  fs.writeFileSync(path.join(dir, 'uses-every-response.ts'), lines.join('\n') + '\n')
  const options = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler']
  run('tsc', [...options, path.join(dir, 'uses-every-response.ts')])
  console.log(`The generated client types all ${(lines.length - 3) / 2} success responses.`)
}
