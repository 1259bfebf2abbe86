import { startTransition, useEffect, useState } from 'react';

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

/**
 * False until `ready` has been true for one painted frame, then true for good: what can wait until the
 * first thing the user came for is on screen (the rest of a page of rows, a panel below the fold).
 */
export function useAfterPaint(ready: boolean): boolean {
  const [done, setDone] = useState(false);
  const waiting = ready && !done;
  useEffect(() => {
    if (!waiting) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Before the next paint, a timer for after it.
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => startTransition(() => setDone(true)))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [waiting]);
  return done;
}
