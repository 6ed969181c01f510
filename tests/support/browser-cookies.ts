// jsdom's fetch is Node's, which keeps no cookies. The app's session lives in a cookie, so these
// tests give fetch the part of a browser they need: a cookie store that keeps what each origin
// sets (Path, Max-Age) and sends it back. Nothing is faked about the server's answers.
import { onTestFinished, vi } from 'vitest'

/** `fault` answers a request in the server's place, to inject what a real server does not do on demand. */
export function browserCookies(origin: string, fault?: (url: URL) => Response | undefined) {
  const jar = new Map<string, { value: string; path: string }>()
  const realFetch = globalThis.fetch
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const mine = url.origin === origin && init?.credentials !== 'omit'
    const headers = new Headers(init?.headers)
    const cookie = [...jar].filter(([, c]) => url.pathname.startsWith(c.path)).map(([name, c]) => `${name}=${c.value}`)
    if (mine && cookie.length > 0) headers.set('cookie', cookie.join('; '))
    const res = (mine && fault?.(url)) || (await realFetch(input, { ...init, headers }))
    for (const line of mine ? res.headers.getSetCookie() : []) {
      const [pair = '', ...attributes] = line.split(';').map((s) => s.trim())
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq)
      const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) ?? '/'
      if (attributes.some((a) => /^max-age=0$/i.test(a))) jar.delete(name)
      else jar.set(name, { value: pair.slice(eq + 1), path })
    }
    return res
  })
  onTestFinished(() => void jar.clear())
  return jar
}
