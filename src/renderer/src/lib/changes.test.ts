// Which cached queries a change refetches: exactly those whose channel reads one of its areas.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { areas, contract, type Area, type ChannelName } from '@shared/contract';
import { changesOf, expectEcho, invalidateAreas, queryChannelOf, queryReadsAny, takeEcho } from './changes';

const queryChannels = (Object.keys(contract) as ChannelName[]).filter((c) => contract[c].kind === 'query');
const readsOf = (c: ChannelName): readonly Area[] => {
  const def = contract[c];
  return def.kind === 'query' ? def.reads : [];
};
/** A query as useApiQuery caches it: feature prefix, channel, input; the channel also in meta. */
const cached = (prefix: string, channel: ChannelName, input: unknown = {}) => ({ queryKey: [prefix, channel, input], meta: { channel } });

describe('queryReadsAny', () => {
  it('matches a stock change to stock-reading queries and not to settings-only ones', () => {
    expect(queryReadsAny(cached('stock', 'stock.listInventoryProducts', { page: 2 }), ['stock'])).toBe(true);
    expect(queryReadsAny(cached('catalog', 'catalog.listProducts'), ['stock'])).toBe(true);
    expect(queryReadsAny(cached('purchasing', 'purchasing.getOrder', { id: 3 }), ['stock'])).toBe(true);
    expect(queryReadsAny(cached('settings', 'settings.get'), ['stock'])).toBe(false);
    expect(queryReadsAny(cached('smtp', 'settings.getSmtp'), ['stock'])).toBe(false);
    expect(queryReadsAny(cached('locations', 'locations.list'), ['stock'])).toBe(false);
    expect(queryReadsAny(cached('users', 'users.list'), ['stock'])).toBe(false);
  });

  it("refetches an open stocktake on each scan but no stock list until the count is posted", () => {
    for (const scan of ['stock.scanCount', 'stock.setCountQty', 'stock.startCount', 'stock.cancelCount'] as const) {
      expect(queryReadsAny(cached('stock', 'stock.getCount', { id: 1 }), changesOf(scan)), scan).toBe(true);
      expect(queryReadsAny(cached('stock', 'stock.listCounts'), changesOf(scan)), scan).toBe(true);
      for (const list of ['stock.listInventoryProducts', 'stock.listLots', 'stock.history', 'stock.valueByLocation', 'catalog.listProducts'] as const) {
        expect(queryReadsAny(cached('stock', list), changesOf(scan)), `${scan} → ${list}`).toBe(false);
      }
    }
    for (const posted of ['stock.postCount', 'stock.reverse'] as const) {
      expect(queryReadsAny(cached('stock', 'stock.listInventoryProducts'), changesOf(posted)), posted).toBe(true);
      expect(queryReadsAny(cached('stock', 'stock.listCounts'), changesOf(posted)), posted).toBe(true);
    }
    // Stock moved by anything else changes what an open count expects.
    expect(queryReadsAny(cached('stock', 'stock.getCount', { id: 1 }), changesOf('stock.add'))).toBe(true);
  });

  it('follows the contract for every query channel and every area, alone and in pairs', () => {
    for (const channel of queryChannels) {
      for (const area of areas) {
        expect(queryReadsAny(cached('x', channel), [area]), `${channel} / ${area}`).toBe(readsOf(channel).includes(area));
        for (const other of areas) {
          const expected = readsOf(channel).includes(area) || readsOf(channel).includes(other);
          expect(queryReadsAny(cached('x', channel), [area, other]), `${channel} / ${area}+${other}`).toBe(expected);
        }
      }
      expect(queryReadsAny(cached('x', channel), []), channel).toBe(false);
    }
  });

  it('finds the channel in the key when a query carries no meta, and leaves queries of no channel alone', () => {
    expect(queryChannelOf({ queryKey: ['purchasing', 'purchasing.history', { id: 1 }] })).toBe('purchasing.history');
    expect(queryReadsAny({ queryKey: ['stock', 'stock.history', {}] }, ['auth'])).toBe(true);
    expect(queryChannelOf({ queryKey: ['auth', 'status'], meta: { channel: 'auth.status' } })).toBe('auth.status');
    expect(queryReadsAny({ queryKey: ['something', 'local'] }, [...areas])).toBe(false);
    expect(queryReadsAny({ queryKey: ['x', 'stock.add'] }, [...areas])).toBe(false);
    expect(queryChannelOf({ queryKey: ['x'], meta: { channel: 'no.such' } })).toBeNull();
  });
});

describe('changesOf', () => {
  it("is each mutation's declared changes and nothing for a query", () => {
    for (const channel of Object.keys(contract) as ChannelName[]) {
      const def = contract[channel];
      expect(changesOf(channel), channel).toEqual(def.kind === 'mutation' ? def.changes : []);
    }
    expect(changesOf('no.such')).toEqual([]);
  });
});

describe('invalidateAreas', () => {
  it('marks exactly the matching cached queries stale in a real query client', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    for (const channel of queryChannels) {
      await client.fetchQuery({ ...cached('f', channel), queryFn: () => channel });
    }
    await invalidateAreas(client, changesOf('stock.add'));
    const stale = client
      .getQueryCache()
      .getAll()
      .filter((q) => q.state.isInvalidated)
      .map((q) => q.queryKey[1]);
    expect(stale.sort()).toEqual(queryChannels.filter((c) => readsOf(c).includes('stock')).sort());
    expect(stale).not.toContain('settings.get');
    expect(stale).toContain('stock.listInventoryProducts');
    client.clear();
  });

  it('touches nothing for a change of no areas (a sign-in, a query run as a mutation)', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    await client.fetchQuery({ ...cached('stock', 'stock.listInventoryProducts'), queryFn: () => 1 });
    await invalidateAreas(client, changesOf('auth.login'));
    await invalidateAreas(client, changesOf('stock.verifyLedger'));
    expect(client.getQueryCache().getAll().some((q) => q.state.isInvalidated)).toBe(false);
    client.clear();
  });
});

describe('own echoes', () => {
  const event = (channel: ChannelName, userId: number | null) => ({ areas: changesOf(channel), userId, at: 0, channel });
  let clock = 1_000;
  const now = () => clock;

  it("skips exactly one event per own call, whether it comes before or after the answer, and only the caller's", () => {
    // The event comes while the call is still running.
    const first = expectEcho('stock.add', now);
    expect(takeEcho(event('stock.add', 7), 8, now)).toBe(false);
    expect(takeEcho(event('stock.add', 7), null, now)).toBe(false);
    expect(takeEcho(event('stock.add', 7), 7, now)).toBe(true);
    first(true);
    // One call, one skip: the next event of the same channel is someone else's doing (another tab).
    expect(takeEcho(event('stock.add', 7), 7, now)).toBe(false);
    // The event comes after the answer, within the wait; another channel's event is never taken for it.
    const second = expectEcho('stock.add', now);
    second(true);
    clock += 4_000;
    expect(takeEcho(event('stock.remove', 7), 7, now)).toBe(false);
    expect(takeEcho(event('stock.add', 7), 7, now)).toBe(true);
  });

  it('forgets a call that failed or whose event never came, and expects none for a change of no areas', () => {
    const failed = expectEcho('stock.transfer', now);
    failed(false);
    expect(takeEcho(event('stock.transfer', 7), 7, now)).toBe(false);
    const lost = expectEcho('stock.transfer', now);
    lost(true);
    clock += 6_000;
    expect(takeEcho(event('stock.transfer', 7), 7, now)).toBe(false);
    expectEcho('auth.logout', now)(true);
    expect(takeEcho(event('auth.logout', 7), 7, now)).toBe(false);
    // Two calls at once: two skips, then none.
    const a = expectEcho('stock.remove', now);
    const b = expectEcho('stock.remove', now);
    expect(takeEcho(event('stock.remove', 7), 7, now)).toBe(true);
    a(true);
    b(true);
    expect(takeEcho(event('stock.remove', 7), 7, now)).toBe(true);
    expect(takeEcho(event('stock.remove', 7), 7, now)).toBe(false);
  });
});
