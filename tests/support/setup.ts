import '@testing-library/jest-dom/vitest'
import { onlineManager } from '@tanstack/react-query'
import { cleanup } from '@testing-library/react'
import { afterEach, vi } from 'vitest'
import { TEST_NOW } from './clock'

// "now" is pinned (Date only; timers run as usual): the seed and the date groups never depend on
// the hour the tests run. The servers these tests start read the same Date.
vi.setSystemTime(TEST_NOW)

// A file that talks to the real server over Node's fetch runs in Node (@vitest-environment node)
// and has no DOM to prepare.
const hasDom = typeof document !== 'undefined'
if (hasDom) {
  // jsdom has no layout: give elements a size so the virtualizer renders rows (see STACK.md).
  Object.defineProperties(HTMLElement.prototype, {
    offsetWidth: { configurable: true, get: () => 1024 },
    offsetHeight: { configurable: true, get: () => 768 },
    clientWidth: { configurable: true, get: () => 1024 },
    clientHeight: { configurable: true, get: () => 768 },
  })
  // ...and a scroll position that sticks and tells listeners, as a browser's does.
  const scrollTops = new WeakMap<Element, number>()
  Object.defineProperty(Element.prototype, 'scrollTop', {
    configurable: true,
    get() {
      return scrollTops.get(this) ?? 0
    },
    set(value: number) {
      scrollTops.set(this, Math.max(0, value))
      this.dispatchEvent(new Event('scroll'))
    },
  })
  Element.prototype.scrollTo = function (this: Element, options?: ScrollToOptions | number) {
    if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top
  }
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
}

afterEach(() => {
  cleanup()
  // A test that cut the network must not leave the next one offline.
  onlineManager.setOnline(true)
  if (hasDom) {
    sessionStorage.clear()
    localStorage.clear()
  }
})
