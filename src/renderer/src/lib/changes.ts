// Live changes: the host tells every signed-in client what a committed mutation changed (areas); this
// window then refetches only the queries whose channel reads one of those areas.
//   useLiveChanges()                 mounted once in the signed-in shell: listens while signed in
//   invalidateAreas(client, areas)   what a change (or this window's own mutation) refetches
//   queryReadsAny(query, areas)      the pure rule behind it
//   expectEcho / takeEcho            this window's own change comes back as an event too: skipped once
// A query is matched by its channel: useApiQuery puts it in the query's meta (and in its key).
// Desktop: the preload's window.appEvents (an IPC event per change). Browser: EventSource('/api/events'),
// which carries the HttpOnly session cookie; reopened after it drops, refetching what may have been missed.
import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Area } from '@shared/contract';
import { channelAreas } from '@shared/contract/channelAreas';
import type { ChangeEvent } from '@shared/events';
import { useSession } from './session';

declare global {
  interface Window {
    /** Exposed by the preload script in the desktop app only. */
    appEvents?: { onChange(listener: (change: ChangeEvent) => void): () => void };
  }
}

/**
 * The contract's metadata: which areas each query shows and each mutation changes. Read from the table
 * generated from the contract (`npm run contract:names`), not from the contract, which would bring zod and
 * every schema into the sign-in screen.
 */
const areasByChannel = new Map<string, { reads: readonly Area[]; changes: readonly Area[] }>(Object.entries(channelAreas));

/** The areas a mutation channel changes (none for a query or an unknown name). */
export function changesOf(channel: string): readonly Area[] {
  return areasByChannel.get(channel)?.changes ?? [];
}

/** The query channel a cached query calls: its meta says so; else the first channel name in its key. */
export function queryChannelOf(query: { queryKey: QueryKey; meta?: Record<string, unknown> }): string | null {
  const named = query.meta?.channel;
  if (typeof named === 'string' && areasByChannel.has(named)) return named;
  const inKey = query.queryKey.find((part): part is string => typeof part === 'string' && areasByChannel.has(part));
  return inKey ?? null;
}

/** Whether a change to these areas may alter what the query shows. A query of no known channel is left alone. */
export function queryReadsAny(query: { queryKey: QueryKey; meta?: Record<string, unknown> }, areas: readonly Area[]): boolean {
  const channel = queryChannelOf(query);
  if (channel === null || areas.length === 0) return false;
  const reads = areasByChannel.get(channel)!.reads;
  return reads.some((area) => areas.includes(area));
}

/** Refetches the shown queries (and marks the others stale) whose channel reads one of the areas. */
export function invalidateAreas(queryClient: QueryClient, areas: readonly Area[]): Promise<void> {
  if (areas.length === 0) return Promise.resolve();
  return queryClient.invalidateQueries({ predicate: (query) => queryReadsAny(query, areas) });
}

/**
 * This window's own mutations whose change event is still to come, by channel: each expected event is
 * skipped once (the mutation refetched already, or patched the cache itself). An entry waits while the
 * call runs (its event may come before its answer) and a few seconds after it answers.
 */
const awaitedEchoes = new Map<string, { until: number }[]>();
const ECHO_WAIT_MS = 5_000;

/** Marks a call of `channel` as started; the returned function says how it ended. */
export function expectEcho(channel: string, now: () => number = Date.now): (ok: boolean) => void {
  if (changesOf(channel).length === 0) return () => undefined;
  const entry = { until: Number.POSITIVE_INFINITY };
  const list = awaitedEchoes.get(channel) ?? [];
  list.push(entry);
  awaitedEchoes.set(channel, list);
  return (ok) => {
    if (ok) entry.until = now() + ECHO_WAIT_MS;
    else if (list.includes(entry)) list.splice(list.indexOf(entry), 1);
  };
}

/** Whether `change` is the event of one of this window's own calls (by this user, of that channel): then it is consumed. */
export function takeEcho(change: ChangeEvent, me: number | null, now: () => number = Date.now): boolean {
  if (me === null || change.userId !== me || change.channel === null) return false;
  const list = awaitedEchoes.get(change.channel);
  if (!list) return false;
  const t = now();
  while (list.length && list[0]!.until < t) list.shift();
  if (!list.length) return false;
  list.shift();
  return true;
}

const everyArea = [...new Set([...areasByChannel.values()].flatMap((a) => a.reads))];

/** Reopens a dropped stream after this long, doubling up to the cap while the host stays away. */
const RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/**
 * Calls `listener` for each change the host announces, until the returned function is called.
 * `onGap` runs when changes may have been missed (a stream reopened after dropping).
 */
export function subscribeToChanges(listener: (change: ChangeEvent) => void, onGap: () => void): () => void {
  if (window.appEvents) return window.appEvents.onChange(listener);
  if (typeof EventSource === 'undefined') return () => undefined;
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = RETRY_MS;
  let opened = false;
  let stopped = false;
  const connect = () => {
    source = new EventSource('/api/events');
    source.addEventListener('ready', () => {
      delay = RETRY_MS;
      // The first opening follows the page's own fetches; a reopening may have missed changes.
      if (opened) onGap();
      opened = true;
    });
    source.addEventListener('change', (event) => {
      try {
        listener(JSON.parse((event as MessageEvent<string>).data) as ChangeEvent);
      } catch {
        // A malformed event names nothing to refetch.
      }
    });
    source.addEventListener('error', () => {
      // The browser retries a dropped stream by itself; a refused one (401, 503) it closes for good.
      if (stopped || source?.readyState !== EventSource.CLOSED) return;
      source = null;
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, MAX_RETRY_MS);
    });
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}

/** Keeps this window's queries current with what other clients (and this one) commit, while signed in. */
export function useLiveChanges(): void {
  const queryClient = useQueryClient();
  const userId = useSession((s) => s.user?.id ?? null);
  useEffect(() => {
    if (userId === null) return;
    return subscribeToChanges(
      (change) => {
        if (!takeEcho(change, userId)) void invalidateAreas(queryClient, change.areas);
      },
      () => void invalidateAreas(queryClient, everyArea),
    );
  }, [queryClient, userId]);
}
