// proxy.ts, called as Next calls it: security headers on every answer, and a 4xx (never a 500) for a method or an
// address nothing can answer.
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import { proxy } from '@/proxy'
import { guardHttpServers } from '@/lib/server/forbidden-methods'
import { viaHttps } from '@/lib/server/http'
import { openApiDocument } from '@/lib/validation/openapi'
import { problemSchema } from '@/lib/validation/responses'
import { expectProblem } from '../support/http'

const call = (url: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  proxy(new NextRequest(`http://127.0.0.1${url}`, init))

describe('security headers', () => {
  it('go on pages and API answers, with a fresh script nonce each time that Next is given too', () => {
    const first = call('/children')
    const second = call('/api/v1/children')
    for (const response of [first, second]) {
      expect(response.headers.get('content-security-policy')).toMatch(
        /script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/,
      )
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      expect(response.headers.get('content-security-policy')).toContain("object-src 'none'")
      expect(response.headers.get('permissions-policy')).toBe('camera=(), microphone=(), geolocation=()')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('same-origin')
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(response.headers.get('strict-transport-security')).toBeNull() // plain HTTP: the browser would ignore it
    }
    const nonce = (r: Response) => r.headers.get('content-security-policy')?.match(/'nonce-([^']+)'/)?.[1]
    expect(nonce(first)).not.toBe(nonce(second))
    // the request Next renders with carries the same policy, so Next puts the nonce on its scripts
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(
      first.headers.get('content-security-policy'),
    )
  })

  it('give every request an id, keeping a plain one the proxy sent, and return it', () => {
    const kept = call('/children', { headers: { 'X-Request-Id': 'nginx-0123abcd' } })
    expect(kept.headers.get('x-request-id')).toBe('nginx-0123abcd')
    // the request the page, the server action or the API handler reads carries it (request-context.ts)
    expect(kept.headers.get('x-middleware-request-x-request-id')).toBe('nginx-0123abcd')
    const made = call('/children', { headers: { 'X-Request-Id': 'not plain!' } })
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(made.headers.get('x-middleware-request-x-request-id')).toBe(made.headers.get('x-request-id'))
    expect(call('/children').headers.get('x-request-id')).not.toBe(made.headers.get('x-request-id'))
    // refused before any route: the id is on the answer all the same
    expect(call('/children', { method: 'DELETE' }).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('add Strict-Transport-Security over HTTPS, or when a trusted proxy says the client used HTTPS', () => {
    expect(proxy(new NextRequest('https://haven.example/children')).headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    )
    const forwarded = (proto: string) => new Headers({ 'x-forwarded-proto': proto })
    expect(viaHttps(forwarded('https'), 'http:', 1)).toBe(true)
    expect(viaHttps(forwarded('https'), 'http:', 0)).toBe(false) // anyone can send the header
    expect(viaHttps(forwarded('https, http'), 'http:', 1)).toBe(false) // the nearest proxy was reached over HTTP
    expect(viaHttps(forwarded('https, http'), 'http:', 2)).toBe(true)
  })
})

describe('requests nothing can answer get a 4xx', () => {
  it('a method the address does not answer: 405 with Allow, as problem details on the API', async () => {
    const patch = call('/api/v1/children', { method: 'PATCH' })
    expect((await expectProblem(patch, 405)).detail).toBe('PATCH is not allowed here: use GET, POST, HEAD.')
    expect(patch.headers.get('allow')).toBe('GET, POST, HEAD')
    expect(call('/api/v1/children/abc', { method: 'PUT' }).headers.get('allow')).toBe('GET, HEAD')
    const page = call('/children', { method: 'PUT' })
    expect(page.status).toBe(405)
    expect(page.headers.get('allow')).toBe('GET, HEAD, POST')
    expect(call('/api/auth/session', { method: 'DELETE' }).status).toBe(405)
    expect(call('/api/v1/children').status).toBe(200) // passed on to the route
  })

  it('TRACE (which gave a plain-text 500 before proxy.ts could run): 405 problem details from the server', async () => {
    const server = http.createServer((_, response) => response.end('reached Next'))
    guardHttpServers()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as AddressInfo).port
    const send = (method: string) =>
      new Promise<{ status?: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
        const request = http.request({ port, host: '127.0.0.1', method, path: '/api/v1/children' }, (response) => {
          let body = ''
          response.on('data', (chunk) => (body += chunk))
          response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body }))
        })
        request.on('error', reject)
        request.end()
      })
    try {
      const trace = await send('TRACE')
      expect(trace.status).toBe(405)
      expect(trace.headers['content-type']).toBe('application/problem+json')
      expect(trace.headers.allow).toBeTruthy()
      expect(problemSchema.parse(JSON.parse(trace.body)).detail).toBe('TRACE is not allowed here.')
      expect((await send('GET')).body).toBe('reached Next')
    } finally {
      server.close()
    }
  })

  it('an address that is not valid percent-encoding: 400 on the API, the not-found page for a page (gave a plain-text 500)', async () => {
    const api = await expectProblem(call('/api/v1/children/%FF'), 400)
    expect(api.detail).toMatch(/not valid/)
    const page = call('/children/%FF')
    expect(page.headers.get('x-middleware-rewrite')).toMatch(/\/__not-found$/)
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })

  it('an API address with no endpoint: 404 problem details', async () => {
    await expectProblem(call('/api/v1/nothing-here'), 404)
  })

  it('the OpenAPI document lists exactly the methods each route answers (proxy.ts relies on it)', async () => {
    const root = path.resolve('app/api/v1')
    const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('route.ts'))
    const fromRoutes: Record<string, string[]> = {}
    for (const file of files) {
      const address = `/api/v1/${path.dirname(file)}`.replace(/\[(\w+)\]/g, '{$1}')
      if (address === '/api/v1/openapi.json') continue
      const module = await import(path.join(root, file))
      fromRoutes[address] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => m in module).sort()
    }
    const fromDocument = Object.fromEntries(
      Object.entries(openApiDocument().paths).map(([p, ops]) => [
        p,
        Object.keys(ops)
          .map((m) => m.toUpperCase())
          .sort(),
      ]),
    )
    expect(fromDocument).toEqual(fromRoutes)
  })
})
