// Serials flagged while they are scanned, before anything is posted: stock.checkSerials names, as typed,
// the serials another unit of the product already has, in any spelling, including a unit whose serial
// clashes with another's; other products' units and unknown serials are not named.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;

beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
  t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 2, costMethod: 'manual', unitCost: 1_000, serials: ['PF-0001', 'PF-0002'], reason: null });
});
afterEach(() => t.close());

it('names the serials the product already has, in the spelling typed', () => {
  expect(t.ok('stock.checkSerials', { productId: w.laptop.id, serials: [' pf-0001 ', 'PF-0003', 'pf-0002'] }).taken.sort()).toEqual([' pf-0001 '.trim(), 'pf-0002'].sort());
  expect(t.ok('stock.checkSerials', { productId: w.laptop.id, serials: ['PF-0009'] }).taken).toEqual([]);
  // Another product may carry the same serial.
  const dock = t.ok('catalog.createProduct', { sku: 'DOCK', name: 'Dock', unitCost: 1, unitPrice: 1, msrp: 1, serialized: true });
  expect(t.ok('stock.checkSerials', { productId: dock.id, serials: ['PF-0001'] }).taken).toEqual([]);
});

it('still names a unit that left stock: its serial stays its own', () => {
  t.ok('stock.remove', { productId: w.laptop.id, locationId: w.main.id, qty: 1, serials: ['PF-0001'], destination: 'scrap', reason: 'broken' });
  expect(t.ok('stock.checkSerials', { productId: w.laptop.id, serials: ['PF-0001'] }).taken).toEqual(['PF-0001']);
});

it('refuses what cannot be a list of serials', () => {
  expect(t.fail('stock.checkSerials', { productId: w.laptop.id, serials: [] }).code).toBe('VALIDATION');
  expect(t.fail('stock.checkSerials', { productId: w.laptop.id, serials: ['   '] }).code).toBe('VALIDATION');
});
