// Server state over react-query, typed by the contract.
//   useApiQuery(key, channel, input, options?)  → useQuery keyed [...key, channel, input], with the
//       channel in its meta too: changes refetch a query by the areas its channel reads (lib/changes.ts).
//       key is the feature prefix (['catalog'], ['stock'], …) a feature may also invalidate by hand.
//       options.keepPrevious keeps the last page on screen while the next loads (paged tables);
//       options.enabled as in react-query.
//   useApiMutation(channel, { invalidate?, refetch?, successKey?, onSuccess?, silentError? })
//       → useMutation calling the channel. After success it refetches the queries that read an area the
//       channel changes (the contract's `changes`; other windows learn the same through useLiveChanges)
//       and the extra key prefixes given in `invalidate`, shows notify.success(successKey) if given,
//       then runs onSuccess. Failures show notify.error unless silentError (a form that shows the error
//       itself).
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/contract';
import { useLayoutEffect, useReducer, useRef } from 'react';
import { call, type ApiError } from './api';
import { changesOf, expectEcho, invalidateAreas } from './changes';
import { notify } from './notify';

export interface ApiQueryOptions {
  enabled?: boolean;
  keepPrevious?: boolean;
}

/**
 * Starts the query `useApiQuery(key, channel, input)` will make, unless it is cached or on its way: a
 * screen's own render starts its queries this way, and a screen that declares its first queries
 * (FeatureRoute.prefetch) has them started by the click or the sign-in that opens it.
 */
export function startApiQuery<C extends ChannelName>(client: QueryClient, key: QueryKey, channel: C, input: ChannelInput<C>): void {
  const queryKey = [...key, channel, input];
  const state = client.getQueryState(queryKey);
  // Cached, on its way, or failed: react-query's own rules (refetch on mount, retry) take it from there.
  // A failed query started again by each render would be fetched in a loop, each failure re-rendering.
  if (state && (state.data !== undefined || state.fetchStatus === 'fetching' || state.status === 'error')) return;
  void client.prefetchQuery({ queryKey, meta: { channel }, queryFn: () => call(channel, input) });
}

/** Starts some queries ahead of a screen (a route's prefetch, a lookup), given the query client. */
export type QueryStarter = (client: QueryClient) => void;

/** A screen's first queries as a route's prefetch: its list's first page, then what its filter bar looks up. */
export function screenQueries<C extends ChannelName>(key: QueryKey, channel: C, input: ChannelInput<C>, ...lookups: QueryStarter[]): QueryStarter {
  return (client) => {
    startApiQuery(client, key, channel, input);
    for (const start of lookups) start(client);
  };
}

/** The channel and input a query's answer was read with (useApiQuery): what a list's export reads again. */
export interface QuerySource {
  channel: ChannelName;
  input: unknown;
}

const querySources = new WeakMap<object, QuerySource>();

/**
 * The channel and input behind a result of useApiQuery, its answer, or the answer's rows: a screen that
 * hands its table `{ ...query, data: query.data.rows }` still says where its rows came from.
 */
export function querySourceOf(value: unknown): QuerySource | undefined {
  return typeof value === 'object' && value !== null ? querySources.get(value) : undefined;
}

function remember(source: QuerySource, result: object, data: unknown): void {
  querySources.set(result, source);
  if (typeof data !== 'object' || data === null) return;
  querySources.set(data, source);
  const rows = (data as { rows?: unknown }).rows;
  if (Array.isArray(rows)) querySources.set(rows, source);
}

export function useApiQuery<C extends ChannelName>(key: QueryKey, channel: C, input: ChannelInput<C>, options: ApiQueryOptions = {}) {
  const client = useQueryClient();
  const queryKey = [...key, channel, input];
  // Started here, while the screen renders, not once it has committed (react-query fetches from an
  // effect): a list's first render takes tens of milliseconds, and its rows' answer travels meanwhile.
  if (options.enabled !== false) startApiQuery(client, key, channel, input);
  const result = useQuery<ChannelOutput<C>, ApiError>({
    queryKey,
    meta: { channel },
    queryFn: () => call(channel, input),
    enabled: options.enabled,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
  useAnswerBeforePaint(client, queryKey, result.data === undefined);
  remember({ channel, input }, result, result.data);
  return result;
}

/**
 * A screen rendered while its answer was on the way, which arrived before the screen was committed: it
 * renders again at once, before the browser paints. react-query would tell it only from an effect run
 * after a paint — a frame of loader, then the rows (~40 ms more to a list's first rows).
 */
function useAnswerBeforePaint(client: QueryClient, queryKey: QueryKey, waiting: boolean): void {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  // Once per answer: whatever the new render shows, this never loops.
  const answered = useRef<unknown>(undefined);
  useLayoutEffect(() => {
    if (!waiting) return;
    const data = client.getQueryState(queryKey)?.data;
    if (data === undefined || answered.current === data) return;
    answered.current = data;
    rerender();
  });
}

export interface ApiMutationOptions<C extends ChannelName> {
  /** Key prefixes to refetch after success besides the queries reading what the channel changes. */
  invalidate?: QueryKey[];
  /**
   * false: the caller patches the cache from the answer (a scan answers with the one line it changed), so
   * nothing is refetched after success; other windows still learn of the change through its event.
   */
  refetch?: false;
  /** i18n key of the confirmation shown after success. */
  successKey?: string;
  onSuccess?: (data: ChannelOutput<C>, input: ChannelInput<C>) => void;
  /** Leave showing the error to the caller (forms that map it onto fields). */
  silentError?: boolean;
}

export function useApiMutation<C extends ChannelName>(channel: C, options: ApiMutationOptions<C> = {}) {
  const queryClient = useQueryClient();
  return useMutation<ChannelOutput<C>, ApiError, ChannelInput<C>, (ok: boolean) => void>({
    mutationFn: (input) => call(channel, input),
    // The host announces this call's change to every window, this one too: that echo is skipped.
    onMutate: () => expectEcho(channel),
    onSettled: (_data, error, _input, settle) => settle?.(!error),
    onSuccess: (data, input) => {
      // Not awaited: the dialog closes at once and the lists refresh behind it.
      if (options.refetch !== false) void invalidateAreas(queryClient, changesOf(channel));
      options.invalidate?.forEach((queryKey) => void queryClient.invalidateQueries({ queryKey }));
      if (options.successKey) notify.success(options.successKey);
      options.onSuccess?.(data, input);
    },
    onError: (err) => {
      if (!options.silentError) notify.error(err);
    },
  });
}
