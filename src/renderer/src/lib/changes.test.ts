// Which cached queries a change refetches: exactly those whose channel reads one of its areas.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { areas, contract, type Area, type ChannelName } from '../../../shared/contract';
import { changesOf, invalidateAreas, queryChannelOf, queryReadsAny } from './changes';

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
