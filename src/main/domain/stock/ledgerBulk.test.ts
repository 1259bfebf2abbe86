// An action whose moves each take a different lot has its balances written a statement per side for all moves
// (applyBalances in ledger.ts). It must leave exactly what applying the same moves one after the other leaves,
// and refuse with the same error: random actions over lots spread across our locations and virtual ones,
// some held for a charge or a quote, each posted both ways on two copies of one database.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@shared/errors';
import { writeTransaction } from '@main/db/writeTransaction';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { VIRTUAL } from '../locations/locations';
import { postMoves, type MoveInput } from './ledger';

interface Lot {
  id: number;
  productId: number;
}

/** The same world in each app: plain and serialized lots at three locations, some units held. */
function build(t: TestApp) {
  const w = seedWorld(t);
  const add = (productId: number, locationId: number, qty: number, serials?: string[]) =>
    t.ok('stock.add', { productId, locationId, qty, costMethod: 'manual', unitCost: 10_000, reason: null, ...(serials ? { serials } : {}) });
  add(w.cable.id, w.main.id, 10);
  add(w.cable.id, w.shelf.id, 4);
  add(w.cable.id, w.van.id, 1);
  add(w.laptop.id, w.main.id, 4, ['LT-1', 'LT-2', 'LT-3', 'LT-4']);
  add(w.laptop.id, w.shelf.id, 1, ['LT-5']);
  const client = t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true, isVendor: false });
  const ticket = t.ok('sales.createContainer', { kind: 'ticket', title: 'Kit', companyId: client.id, ownerUserId: w.tech.id });
  const laptops = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 1 });
  t.ok('stock.pick', { chargeId: laptops.id, locationId: w.main.id, serials: ['LT-2'] });
  const cables = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 3 });
  t.ok('stock.pick', { chargeId: cables.id, locationId: w.main.id, qty: 3 });
  const lots = t.app.ctx.sqlite.prepare(`SELECT id, product_id AS productId FROM lots ORDER BY id`).all() as Lot[];
  return { w, lots, places: [w.main.id, w.shelf.id, w.van.id, VIRTUAL.customer, VIRTUAL.scrap, VIRTUAL.adjustment] };
}

function balances(t: TestApp): unknown[] {
  return t.app.ctx.sqlite.prepare(`SELECT lot_id, location_id, qty FROM balances ORDER BY lot_id, location_id`).all();
}

/** Posts the moves in one transaction, their balances together or one move at a time; the refusal, or 'ok'. */
function post(t: TestApp, moves: MoveInput[], together: boolean): string {
  try {
    writeTransaction(t.app.ctx.sqlite, () => postMoves(t.app.ctx, moves, { oneMoveAtATime: !together }));
    return 'ok';
  } catch (error) {
    if (error instanceof DomainError) return `${error.code} ${JSON.stringify(error.details)}`;
    throw error;
  }
}

describe('balances written together for moves of different lots', () => {
  let together: TestApp;
  let oneByOne: TestApp;
  let world: ReturnType<typeof build>;
  beforeAll(() => {
    together = createTestApp();
    oneByOne = createTestApp();
    world = build(together);
    expect(build(oneByOne).lots).toEqual(world.lots);
  });
  afterAll(() => {
    for (const t of [together, oneByOne]) {
      expect(t.ok('stock.verifyLedger', {}).differences).toEqual([]);
      t.close();
    }
  });

  it('leave the same balances and refuse with the same error as moves applied one after the other', () => {
    let source = 1;
    const { places } = world;
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ lot: fc.nat(world.lots.length - 1), from: fc.nat(places.length - 1), to: fc.nat(places.length - 1), qty: fc.integer({ min: 1, max: 5 }) }),
          { minLength: 2, maxLength: 6, selector: (m) => m.lot },
        ),
        (drawn) => {
          const sourceId = source++;
          const moves: MoveInput[] = drawn
            .filter((d) => d.from !== d.to)
            .map((d) => ({
              lotId: world.lots[d.lot]!.id,
              productId: world.lots[d.lot]!.productId,
              qty: d.qty,
              from: places[d.from]!,
              to: places[d.to]!,
              unitCost: 10_000,
              sourceType: 'adjustment',
              sourceId,
              userId: null,
              occurredAt: together.clock.now,
            }));
          const a = post(together, moves, true);
          const b = post(oneByOne, moves, false);
          expect(a).toBe(b);
          expect(balances(together)).toEqual(balances(oneByOne));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuse the first offending move: a held unit before a missing one, and the other way round', () => {
    // A fresh copy: the random actions above have moved the units.
    const t = createTestApp();
    const { w } = build(t);
    const lot = (serial: string) => (t.app.ctx.sqlite.prepare(`SELECT id FROM lots WHERE serial_number = ?`).get(serial) as { id: number }).id;
    const move = (lotId: number, from: number): MoveInput => ({
      lotId,
      productId: w.laptop.id,
      qty: 1,
      from,
      to: VIRTUAL.customer,
      unitCost: 10_000,
      sourceType: 'adjustment',
      sourceId: 999,
      userId: null,
      occurredAt: t.clock.now,
    });
    const held = move(lot('LT-2'), w.main.id);
    const missing = move(lot('LT-5'), w.van.id);
    const before = balances(t);
    expect(post(t, [held, missing], true)).toMatch(/^SERIAL_UNAVAILABLE .*"serial":"LT-2"/);
    expect(post(t, [missing, held], true)).toMatch(/^INSUFFICIENT_STOCK /);
    expect(balances(t)).toEqual(before);
    t.close();
  });
});
