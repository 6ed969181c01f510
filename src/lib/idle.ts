// "When the browser is idle, at the latest after `timeoutMs`": requestIdleCallback, or a timer
// where there is none (Safari, jsdom). Returns a function that cancels it.
export function whenIdle(fn: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(fn, 0)
    return () => clearTimeout(timer)
  }
  const id = requestIdleCallback(fn, { timeout: timeoutMs })
  return () => cancelIdleCallback(id)
}
