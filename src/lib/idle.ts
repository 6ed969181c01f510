// Work moved out of the way of what the user sees: after the next paint, or when the browser is idle.

/** After the next paint; at once in a hidden tab, which paints nothing (and gets no animation frames). */
export const afterPaint = () =>
  new Promise<void>((resolve) =>
    typeof document !== 'undefined' && document.visibilityState === 'visible' && typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => setTimeout(resolve))
      : setTimeout(resolve),
  )

/**
 * "When the browser is idle, at the latest after `timeoutMs`": requestIdleCallback, or a timer
 * where there is none (Safari, jsdom). Returns a function that cancels it.
 */
export function whenIdle(fn: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(fn, 0)
    return () => clearTimeout(timer)
  }
  const id = requestIdleCallback(fn, { timeout: timeoutMs })
  return () => cancelIdleCallback(id)
}
