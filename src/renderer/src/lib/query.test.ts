// startApiQuery: a screen's queries started ahead (while it renders, or by the click or sign-in that
// opens it) against a real QueryClient; the bridge is the desktop app's (window.api), counted.
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { startApiQuery } from './query';

type Answer = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };
let calls: { channel: string; input: unknown }[] = [];
let answer: () => Promise<Answer>;

beforeEach(() => {
  calls = [];
  answer = async () => ({ ok: true, data: { rows: [], total: 0 } });
  const api = new Proxy({}, { get: (_, channel: string) => (input: unknown) => (calls.push({ channel, input }), answer()) });
  (globalThis as { window?: unknown }).window = { api };
});

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

const client = () => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 10_000 } } });
const settle = () => new Promise((done) => setTimeout(done, 0));
const first = { page: 1, pageSize: 50, sortBy: 'sku', sortDirection: 'asc' } as const;

describe('startApiQuery', () => {
  it('asks once: not again while the answer travels, nor once it is cached', async () => {
    const c = client();
    startApiQuery(c, ['stock'], 'stock.listInventoryProducts', first);
    startApiQuery(c, ['stock'], 'stock.listInventoryProducts', first);
    await settle();
    startApiQuery(c, ['stock'], 'stock.listInventoryProducts', first);
    expect(calls).toEqual([{ channel: 'stock.listInventoryProducts', input: first }]);
    expect(c.getQueryData(['stock', 'stock.listInventoryProducts', first])).toEqual({ rows: [], total: 0 });
  });

  it("lands where the screen's own query reads: the same input in any key order, absent filters left out", async () => {
    const c = client();
    startApiQuery(c, ['stock'], 'stock.listInventoryProducts', first);
    await settle();
    // As ItemsPage builds it: the table's input spread with filters that are all unset.
    const screens: ChannelInput<'stock.listInventoryProducts'> = { sortDirection: 'asc', sortBy: 'sku', pageSize: 50, page: 1, q: undefined, productId: undefined, locationId: undefined, belowMin: undefined };
    startApiQuery(c, ['stock'], 'stock.listInventoryProducts', screens);
    expect(calls).toHaveLength(1);
    expect(c.getQueryData(['stock', 'stock.listInventoryProducts', screens])).toBeDefined();
  });

  it('asks again for another input, another channel or another key prefix', async () => {
    const c = client();
    startApiQuery(c, ['stock'], 'stock.listInventoryProducts', first);
    startApiQuery(c, ['stock'], 'stock.listInventoryProducts', { ...first, page: 2 });
    startApiQuery(c, ['stock'], 'stock.listLots', { page: 1, pageSize: 50, sortDirection: 'asc' });
    startApiQuery(c, ['other'], 'stock.listInventoryProducts', first);
    await settle();
    expect(calls.map((call) => call.channel)).toEqual(['stock.listInventoryProducts', 'stock.listInventoryProducts', 'stock.listLots', 'stock.listInventoryProducts']);
  });

  it('leaves a failed query alone: a render after the failure does not ask again (no loop)', async () => {
    const c = client();
    answer = async () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'no' } });
    startApiQuery(c, ['stock'], 'stock.listInventoryProducts', first);
    await settle();
    expect(c.getQueryState(['stock', 'stock.listInventoryProducts', first])?.status).toBe('error');
    for (let render = 0; render < 5; render++) startApiQuery(c, ['stock'], 'stock.listInventoryProducts', first);
    await settle();
    expect(calls).toHaveLength(1);
  });

  it('asks again once the cache forgot the query (a sign-in clears it)', async () => {
    const c = client();
    startApiQuery(c, ['stock'], 'stock.listInventoryProducts', first);
    await settle();
    c.removeQueries();
    startApiQuery(c, ['stock'], 'stock.listInventoryProducts', first);
    await settle();
    expect(calls).toHaveLength(2);
  });
});
