// The error page (app/error.tsx) says "Haven is busy" for an error carrying the busy digest, which is all Next.js
// passes to the browser about a server error in production, and that something went wrong for any other error.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import ErrorPage from '@/app/error'
import { BUSY_DIGEST } from '@/lib/busy'

/** A server error as the browser receives it in production: a generic message and the digest. */
const fromServer = (digest: string) =>
  Object.assign(new Error('An error occurred in the Server Components render.'), { digest })

const render = (error: unknown) => renderToStaticMarkup(createElement(ErrorPage, { error, retry: () => {} }))

describe('the error page', () => {
  it('says Haven is busy, with a button to try again and a heading that can take focus', () => {
    const html = render(fromServer(BUSY_DIGEST))
    expect(html).toContain('<h1 tabindex="-1">Haven is busy, try again in a moment</h1>')
    expect(html).toContain('<button type="button" class="button">Try again</button>')
    expect(html).not.toContain('went wrong')
  })

  it('says something went wrong for any other error, whatever its message', () => {
    for (const error of [fromServer('2914725518'), new Error('Haven is busy'), 'thrown text'])
      expect(render(error)).toContain('<h1 tabindex="-1">Sorry, something went wrong</h1>')
  })
})
