/**
 * Runs `task` when the page has nothing else to do (within `timeoutMs` at the latest); returns a cancel.
 * Safari has no idle callbacks: there a short timeout stands in.
 */
export function whenIdle(task: () => void, timeoutMs = 2_000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => task(), { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 200);
  return () => clearTimeout(handle);
}
