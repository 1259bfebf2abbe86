// The first-run checklist ticks itself off from the data: each step is done exactly when what it asks for
// exists, whichever screen or script made it; the counts the empty screens use follow the same data.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@main/testing/harness';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

const status = (token?: string) => t.ok('settings.setupStatus', {}, token);
const done = () => status().steps.filter((s) => s.done).map((s) => s.step);

it('starts with nothing done on an empty database, and ticks each step off as its data appears', () => {
  expect(status()).toEqual({
    steps: ['company', 'locations', 'products', 'vendors', 'users', 'smtp', 'backups'].map((step) => ({ step, done: false })),
    counts: { locations: 0, products: 0, vendors: 0, clients: 0, users: 1, },
  });
  t.ok('settings.update', { companyName: 'Demo IT Services' });
  // A name alone is not a letterhead: the address goes on every document too.
  expect(done()).toEqual([]);
  t.ok('settings.update', { companyAddress: 'Paseo de la Castellana 95\n28046 Madrid' });
  expect(done()).toEqual(['company']);
  t.ok('locations.create', { name: 'Main warehouse', kind: 'warehouse' });
  t.ok('catalog.createProduct', { sku: 'CAB-1', name: 'Cable', unitCost: 1, unitPrice: 2, msrp: 3, serialized: false });
  t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true });
  // Clients without a vendor are half of that step.
  expect(done()).toEqual(['company', 'locations', 'products']);
  t.ok('catalog.createCompany', { name: 'Ingram Micro', isVendor: true, isClient: false });
  t.addUser({ username: 'tech', permissions: ['inventory.view'] });
  t.ok('settings.updateSmtp', { host: 'smtp.office.example', port: 587, security: 'starttls', user: '', fromAddress: 'stock@office.example', fromName: 'Stock' });
  expect(done()).toEqual(['company', 'locations', 'products', 'vendors', 'users', 'smtp']);
  t.ok('settings.update', { backupFolder: t.dir });
  expect(status()).toMatchObject({ steps: expect.arrayContaining([{ step: 'backups', done: true }]), counts: { locations: 1, products: 1, vendors: 1, clients: 1, users: 2 } });
  // Backups switched off undo that step.
  t.ok('settings.update', { backupFrequency: 'off' });
  expect(done()).not.toContain('backups');
});

it('answers any signed-in user the counts, only administrators the checklist, and nobody else', () => {
  const clerk = t.addUser({ username: 'clerk', permissions: [] });
  expect(status(t.tokenFor(clerk.id))).toMatchObject({ steps: [], counts: { users: 2 } });
  expect(t.raw('settings.setupStatus', {}, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});
