// A server told to stop answers the request in flight, refuses new connections, then runs its shutdown tasks.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, it, vi } from 'vitest'
import { guardHttpServers } from '@/lib/server/forbidden-methods'
import { onShutdown, shutDown } from '@/lib/server/shutdown'

it('answers the request in flight, takes no new connection, then finishes its tasks and exits', async () => {
  guardHttpServers()
  const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never)
  const server = http.createServer((_request, response) => setTimeout(() => response.end('done'), 300))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  const order: string[] = []
  onShutdown(async () => void order.push('dispatcher stopped'))

  const inFlight = fetch(url).then(async (r) => {
    order.push('answered')
    return { status: r.status, body: await r.text() }
  })
  await new Promise((r) => setTimeout(r, 100)) // the request has arrived
  const stopped = shutDown('SIGTERM')
  await new Promise((r) => setTimeout(r, 50))
  await expect(fetch(url)).rejects.toThrow() // the listener is closed
  expect(await inFlight).toEqual({ status: 200, body: 'done' })
  await stopped
  expect(order).toEqual(['answered', 'dispatcher stopped'])
  expect(exit).toHaveBeenCalledWith(0)
})
