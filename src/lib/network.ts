// Whether the network works, as the app has seen it. TanStack Query's onlineManager starts
// "online" and follows the browser's online/offline events, but navigator.onLine can say true with
// no network at all (a test browser after an offline reload, a captive portal). So a failed
// request also counts as offline, and a probe brings the app back online when requests work again.
import { focusManager, onlineManager } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'
import { ApiError } from '../api/client'

const PROBE_MS = [1000, 2000, 4000, 8000]
let probing = false

async function probe() {
  if (probing) return
  probing = true
  for (let attempt = 0; !onlineManager.isOnline(); attempt++) {
    await new Promise((resolve) => window.setTimeout(resolve, PROBE_MS[Math.min(attempt, PROBE_MS.length - 1)]))
    try {
      // Any answer at all means the network is back; the start-up facts are small and never cached.
      await fetch('/app-config.json', { method: 'HEAD', cache: 'no-store', credentials: 'omit' })
      onlineManager.setOnline(true)
    } catch {
      // still offline
    }
  }
  probing = false
}

/**
 * Nothing came back at all: the client's network error (not a timeout). A bare TypeError is not
 * one: the client turns fetch's own into ApiErrors, so any other is a bug, shown with Retry, not
 * waited out for ever under an "Offline" label.
 */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof ApiError && error.kind === 'network'
}

/** A request failed for want of a network: pause what needs it until a probe gets through. */
export function networkFailed() {
  if (onlineManager.isOnline()) onlineManager.setOnline(false)
  void probe()
}

/**
 * Set up once by the app shell: TanStack pauses retries while the tab is hidden, but a tab in the
 * background may be the one that sends the changes queued offline, so it must not wait to be
 * looked at (nothing here refetches on focus anyway); and going offline starts the probe.
 */
export function watchNetwork() {
  focusManager.setFocused(true)
  return onlineManager.subscribe((online) => {
    if (!online) void probe()
  })
}

const subscribe = (listener: () => void) => onlineManager.subscribe(listener)
const isOnline = () => onlineManager.isOnline()

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, isOnline)
}
