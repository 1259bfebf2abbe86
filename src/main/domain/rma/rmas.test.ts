// RMAs through the channels users call: every path (return, repair, replace) from request to close, the
// unit's moves at its cost (to the returns shelf, to Vendor and back, a replacement at the original's cost
// plus the fee), the credit, the client's new device, and every refusal changing nothing. The ledger is
// checked after each test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, productFields, seedWorld, type TestApp } from '@main/testing/harness';
import { contentHash } from '@main/testing/dbContent';
import { pdfPages } from '@main/testing/pdfText';
import { startTestSmtpServer } from '@main/testing/smtpServer';
import { RMA_LABELS } from '@main/documents/rmaPdf';
import { syncHeldCaches } from '@main/testing/ledgerDrift';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let client: { id: number };
let vendor: { id: number };
let ticket: { id: number; number: string };
let charge: { id: number; number: string };

beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
  client = t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true });
  vendor = t.ok('catalog.createCompany', { name: 'Ingram Micro', isVendor: true, isClient: false });
  t.ok('locations.create', { name: 'Returns shelf', kind: 'returns' });
  const laptop = t.ok('catalog.getProduct', { id: w.laptop.id });
  t.ok('catalog.updateProduct', { ...productFields(laptop), id: laptop.id, eligibleForRma: true, warrantyMonths: 12 });
  t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 3, costMethod: 'manual', unitCost: 8_000_000, serials: ['LT-A', 'LT-B', 'LT-C'], reason: null });
  ticket = t.ok('sales.createContainer', { kind: 'ticket', title: 'New starters', companyId: client.id, ownerUserId: w.tech.id });
  charge = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 2, unitPrice: 11_000_000 });
  t.ok('stock.pick', { chargeId: charge.id, locationId: w.main.id, serials: ['LT-A', 'LT-B'] });
  t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: charge.id }] });
});
afterEach(() => {
  expect(t.ok('stock.verifyLedger', {}).differences).toEqual([]);
  t.close();
});

const deviceOf = (serial: string) => t.ok('devices.list', { serial, includeVoided: true }).rows.find((d) => d.serialNumber === serial)!;
const lot = (serial: string) => t.ok('stock.listLots', { serial }).rows.filter((r) => r.serialNumber === serial);
const open = (serial: string, type: 'return' | 'repair' | 'replace', extra: Record<string, unknown> = {}) =>
  t.ok('rma.create', { deviceId: deviceOf(serial).id, type, fault: 'Screen flickers', vendorId: vendor.id, ...extra });
const rma = (id: number) => t.ok('rma.get', { id });

describe('a replacement', () => {
  it('goes requested → authorized (credit) → received → sent → replacement received → delivered → closed, the unit keeping its cost', () => {
    const { id, number } = open('LT-A', 'replace');
    expect(number).toMatch(/^RMA-1001$/);
    expect(rma(id)).toMatchObject({ status: 'requested', type: 'replace', serialNumber: 'LT-A', companyName: 'Acme Dental', vendorName: 'Ingram Micro', chargeNumber: charge.number, pricePaid: 11_000_000 });
    t.ok('rma.authorize', { id });
    const authorized = rma(id);
    expect(authorized).toMatchObject({ status: 'authorized', creditAmount: 11_000_000, containerId: ticket.id });
    expect(t.ok('sales.getCharge', { id: authorized.creditChargeId! })).toMatchObject({ kind: 'credit', quantity: 1, unitPrice: -11_000_000, deliveredCost: '0', containerId: ticket.id });

    t.ok('rma.receive', { id });
    expect(rma(id)).toMatchObject({ status: 'received', locationName: 'Returns shelf', returnNumber: expect.stringMatching(/^RET-/) });
    expect(deviceOf('LT-A').status).toBe('returned');
    expect(lot('LT-A')).toMatchObject([{ locationName: 'Returns shelf', unitCost: 8_000_000 }]);

    t.ok('rma.sendToVendor', { id, vendorRmaNumber: 'IM-778899', trackingNumber: 'SEUR-1', expectedFromVendor: '2026-02-01' });
    expect(lot('LT-A')).toEqual([]);
    expect(rma(id)).toMatchObject({ status: 'sentToVendor', vendorRmaNumber: 'IM-778899', trackingToVendor: 'SEUR-1', expectedFromVendor: '2026-02-01' });
    const atVendor = t.ok('stock.history', { serial: 'LT-A' }).rows[0]!;
    expect(atVendor).toMatchObject({ fromLocationName: 'Returns shelf', toLocationName: 'Vendor', qty: 1 });

    const before = contentHash(t.app.ctx.sqlite);
    // A serial we hold cannot be the replacement's.
    expect(t.fail('rma.receiveReplacement', { id, serial: 'lt-c' }).code).toBe('DUPLICATE_SERIAL');
    expect(t.fail('rma.backFromVendor', { id }).code).toBe('INVALID_TRANSITION');
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
    t.ok('rma.receiveReplacement', { id, serial: 'LT-NEW-1', vendorFee: 500_000, trackingNumber: 'SEUR-2' });
    expect(rma(id)).toMatchObject({ status: 'replacementReceived', replacementSerial: 'LT-NEW-1', replacementCost: 8_500_000, vendorFee: 500_000, vendorCredited: false, trackingFromVendor: 'SEUR-2' });
    expect(lot('LT-NEW-1')).toMatchObject([{ locationName: 'Returns shelf', unitCost: 8_500_000 }]);

    t.ok('rma.deliver', { id });
    const delivered = rma(id);
    expect(delivered).toMatchObject({ status: 'delivered', deliveryNumber: expect.stringMatching(/^DLV-/) });
    const replacement = t.ok('devices.get', { id: delivered.newDeviceId! });
    expect(replacement).toMatchObject({ serialNumber: 'LT-NEW-1', status: 'installed', companyName: 'Acme Dental', containerId: ticket.id, unitCost: 8_500_000 });
    expect(replacement.warrantyEnd).not.toBeNull();
    t.ok('rma.close', { id, note: 'Client happy' });
    const closed = rma(id);
    expect(closed).toMatchObject({ status: 'closed', closedAt: expect.any(Number) });
    expect(closed.history.map((h) => h.type).reverse()).toEqual(['created', 'authorize', 'receive', 'sendToVendor', 'receiveReplacement', 'deliver', 'close']);
    expect(t.fail('rma.cancel', { id, reason: 'x' }).code).toBe('INVALID_TRANSITION');
  });

  it('costs only the fee when the vendor credited the original', () => {
    const { id } = open('LT-A', 'replace');
    t.ok('rma.authorize', { id, creditAmount: 0 });
    expect(rma(id).creditChargeId).toBeNull();
    t.ok('rma.receive', { id, locationId: w.main.id });
    t.ok('rma.sendToVendor', { id });
    t.ok('rma.receiveReplacement', { id, serial: 'LT-NEW-2', vendorFee: 250_000, vendorCredited: true });
    expect(lot('LT-NEW-2')).toMatchObject([{ locationName: 'Main warehouse', unitCost: 250_000 }]);
  });
});

describe('a repair', () => {
  it('sends the unit to the vendor and takes the same stocked item back at its cost, then delivers it again', () => {
    const { id } = open('LT-B', 'repair');
    t.ok('rma.authorize', { id });
    t.ok('rma.receive', { id });
    // A repair is not finished when the unit is back with us.
    expect(t.fail('rma.close', { id }).code).toBe('INVALID_TRANSITION');
    t.ok('rma.sendToVendor', { id });
    expect(t.fail('rma.receiveReplacement', { id, serial: 'X-1' }).code).toBe('INVALID_TRANSITION');
    t.ok('rma.backFromVendor', { id, trackingNumber: 'BACK-1' });
    expect(lot('LT-B')).toMatchObject([{ locationName: 'Returns shelf', unitCost: 8_000_000 }]);
    t.ok('rma.deliver', { id, method: 'ship', carrier: 'SEUR', trackingNumber: 'OUT-1' });
    const done = rma(id);
    expect(t.ok('devices.get', { id: done.newDeviceId! })).toMatchObject({ serialNumber: 'LT-B', status: 'installed' });
    t.ok('rma.close', { id });
    expect(t.ok('stock.history', { serial: 'LT-B' }).rows.map((r) => [r.fromLocationName, r.toLocationName]).slice(0, 4)).toEqual([
      ['Returns shelf', 'Customer'],
      ['Vendor', 'Returns shelf'],
      ['Returns shelf', 'Vendor'],
      ['Customer', 'Returns shelf'],
    ]);
  });
});

describe('the unit an RMA has on the shelf', () => {
  const returnsShelf = () => t.ok('locations.list', {}).find((l) => l.name === 'Returns shelf')!.id;
  /** Every way a unit could leave the shelf or be promised to someone else, each refused naming the RMA. */
  const expectHeld = (serial: string, number: string) => {
    const at = returnsShelf();
    expect(lot(serial)).toMatchObject([{ allocated: 1, heldByRmaNumber: number }]);
    const before = contentHash(t.app.ctx.sqlite);
    const held = { code: 'SERIAL_UNAVAILABLE', details: { serial, heldBy: 'reserved', document: { type: 'rma', number } } };
    expect(t.fail('stock.transfer', { fromLocationId: at, toLocationId: w.main.id, lines: [{ productId: w.laptop.id, serials: [serial] }] })).toMatchObject(held);
    expect(t.fail('stock.remove', { productId: w.laptop.id, locationId: at, qty: 1, serials: [serial], destination: 'scrap', reason: 'Broken' })).toMatchObject(held);
    expect(t.fail('vendorReturns.create', { vendorId: vendor.id, locationId: at, reason: 'other', vendorRmaNumber: 'X', lines: [{ productId: w.laptop.id, serials: [serial] }] })).toMatchObject(held);
    expect(t.fail('delivery.sendToClient', { companyId: client.id, fromLocationId: at, reason: 'Loan', lines: [{ productId: w.laptop.id, serials: [serial] }] }).code).toMatch(/SERIAL_UNAVAILABLE|LOCATION_NOT_OFFERED/);
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
  };

  it('is held for the RMA while it is ours to work on, and let go when it leaves or the RMA ends', () => {
    const { id, number } = open('LT-B', 'repair');
    t.ok('rma.authorize', { id });
    t.ok('rma.receive', { id });
    expectHeld('LT-B', number);
    t.ok('rma.sendToVendor', { id });
    t.ok('rma.backFromVendor', { id });
    expectHeld('LT-B', number);
    t.ok('rma.deliver', { id });
    t.ok('rma.close', { id });
    expect(t.ok('stock.listLots', { productId: w.laptop.id }).rows.every((l) => l.heldByRmaId === null)).toBe(true);
  });

  it('holds a replacement until it is delivered, and lets a canceled RMA’s unit go', () => {
    const replace = open('LT-A', 'replace');
    t.ok('rma.authorize', { id: replace.id });
    t.ok('rma.receive', { id: replace.id });
    t.ok('rma.sendToVendor', { id: replace.id });
    t.ok('rma.receiveReplacement', { id: replace.id, serial: 'LT-NEW-9' });
    expectHeld('LT-NEW-9', replace.number);
    t.ok('rma.cancel', { id: replace.id, reason: 'Client bought another' });
    expect(lot('LT-NEW-9')).toMatchObject([{ allocated: 0, heldByRmaId: null }]);
    const repair = open('LT-B', 'return');
    t.ok('rma.authorize', { id: repair.id, creditAmount: 0 });
    t.ok('rma.receive', { id: repair.id });
    expectHeld('LT-B', repair.number);
    t.ok('rma.close', { id: repair.id });
    // Closed: the unit is ours to move again.
    t.ok('stock.transfer', { fromLocationId: returnsShelf(), toLocationId: w.main.id, lines: [{ productId: w.laptop.id, serials: ['LT-B'] }] });
  });

  it('keeps RMA switched on while RMAs hold units, naming them', () => {
    const { id, number } = open('LT-B', 'repair');
    t.ok('rma.authorize', { id });
    t.ok('rma.receive', { id });
    expect(t.fail('activations.set', { inventory: true, procurement: true, rma: false })).toMatchObject({ code: 'CONFLICT', details: { reason: 'rmaInUse', rmas: [number], rmaCount: 1 } });
    t.ok('rma.cancel', { id, reason: 'Client kept it' });
    t.ok('activations.set', { inventory: true, procurement: true, rma: false });
    t.ok('activations.set', { inventory: true, procurement: true, rma: true });
  });

  it('does not count as missing the hold of a unit held by something else (picked before RMAs held their units)', () => {
    const { id } = open('LT-B', 'repair');
    t.ok('rma.authorize', { id });
    t.ok('rma.receive', { id });
    const at = returnsShelf();
    // As a database from before this rule: no hold, and the unit since moved and picked for another charge.
    t.app.ctx.sqlite.prepare(`DELETE FROM allocations WHERE source_type = 'rma'`).run();
    syncHeldCaches(t.app.ctx.sqlite);
    t.ok('stock.transfer', { fromLocationId: at, toLocationId: w.main.id, lines: [{ productId: w.laptop.id, serials: ['LT-B'] }] });
    const other = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 1, unitPrice: 1 });
    t.ok('stock.pick', { chargeId: other.id, locationId: w.main.id, serials: ['LT-B'] });
    expect(t.ok('stock.verifyLedger', {}).differences).toEqual([]);
    // Without any holder the missing hold is named.
    t.ok('stock.unpick', { chargeId: other.id });
    expect(t.ok('stock.verifyLedger', {}).differences).toMatchObject([{ kind: 'rma', documentId: id, figure: 'held' }]);
    t.ok('rma.cancel', { id, reason: 'done' });
  });

  it('holds the unit a swap sent to an RMA from the start', () => {
    t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 1, costMethod: 'manual', unitCost: 8_000_000, serials: ['LT-SPARE'], reason: null });
    const swap = t.ok('devices.swap', { deviceId: deviceOf('LT-A').id, replacementSerial: 'LT-SPARE', fate: 'rma', condition: 'faulty', reason: 'Dead', rma: { type: 'replace', fault: 'No power', vendorId: vendor.id } });
    expectHeld('LT-A', swap.rmaNumber!);
    t.ok('rma.authorize', { id: swap.rmaId!, creditAmount: 0 });
    expectHeld('LT-A', swap.rmaNumber!);
    t.ok('rma.receive', { id: swap.rmaId! });
    t.ok('rma.sendToVendor', { id: swap.rmaId! });
    t.ok('rma.receiveReplacement', { id: swap.rmaId!, serial: 'LT-FROM-VENDOR' });
    t.ok('rma.close', { id: swap.rmaId! });
    expect(lot('LT-FROM-VENDOR')).toMatchObject([{ allocated: 0 }]);
  });
});

describe('a return', () => {
  it('ends once the unit is back, with the credit chosen; it never goes to the vendor', () => {
    const { id } = open('LT-A', 'return');
    t.ok('rma.authorize', { id, creditAmount: 5_000_000, note: 'Partial refund' });
    expect(rma(id).creditAmount).toBe(5_000_000);
    t.ok('rma.receive', { id });
    expect(t.fail('rma.sendToVendor', { id }).code).toBe('INVALID_TRANSITION');
    t.ok('rma.close', { id });
    expect(rma(id).status).toBe('closed');
  });
});

describe('refusals and the rest of the table', () => {
  it('refuses what cannot be, naming it, and changes nothing', () => {
    const cable = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 1 });
    t.ok('stock.pick', { chargeId: cable.id, locationId: w.main.id, serials: ['LT-C'] });
    t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: cable.id }] });
    const first = open('LT-A', 'repair');
    const clerk = t.tokenFor(t.addUser({ username: 'clerk', permissions: ['inventory.view', 'rma.manage'] }).id);
    const viewer = t.tokenFor(t.addUser({ username: 'viewer', permissions: ['inventory.view'] }).id);
    const before = contentHash(t.app.ctx.sqlite);
    expect(t.fail('rma.create', { deviceId: deviceOf('LT-A').id, type: 'repair', fault: 'again' })).toMatchObject({ code: 'CONFLICT', details: { reason: 'rmaOpen', number: first.number } });
    expect(t.fail('rma.create', { deviceId: deviceOf('LT-B').id, type: 'repair', fault: 'x', vendorId: client.id })).toMatchObject({ code: 'VALIDATION' });
    expect(t.fail('rma.create', { deviceId: deviceOf('LT-B').id, type: 'repair', fault: 'x' }, viewer)).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'rma.manage' } });
    expect(t.fail('rma.authorize', { id: first.id, creditAmount: 1 }, clerk)).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'sales.manage', field: 'creditAmount' } });
    // The price paid is a credit too.
    expect(t.fail('rma.authorize', { id: first.id }, clerk)).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'sales.manage' } });
    expect(t.fail('rma.receive', { id: first.id }).code).toBe('INVALID_TRANSITION');
    expect(t.fail('rma.deliver', { id: first.id }).code).toBe('INVALID_TRANSITION');
    expect(t.raw('rma.reject', { id: first.id, reason: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(t.fail('rma.get', { id: 999 })).toMatchObject({ code: 'NOT_FOUND', details: { entity: 'rma' } });
    expect(contentHash(t.app.ctx.sqlite)).toEqual(before);
    // Not eligible: the product's flag decides.
    const laptop = t.ok('catalog.getProduct', { id: w.laptop.id });
    t.ok('catalog.updateProduct', { ...productFields(laptop), id: laptop.id, eligibleForRma: false });
    expect(t.fail('rma.create', { deviceId: deviceOf('LT-C').id, type: 'replace', fault: 'x' })).toMatchObject({ code: 'NOT_ELIGIBLE_FOR_RMA', details: { sku: 'LT-T14', serial: 'LT-C' } });
    // The clerk authorizes it without a credit; pricing is someone else's.
    t.ok('rma.authorize', { id: first.id, creditAmount: 0 }, clerk);
    expect(rma(first.id).creditChargeId).toBeNull();
  });

  it('rejects a request with its reason and cancels any open one; a device back already is not opened again', () => {
    const a = open('LT-A', 'repair');
    t.ok('rma.reject', { id: a.id, reason: 'Physical damage, not covered' });
    expect(rma(a.id)).toMatchObject({ status: 'rejected', rejectReason: 'Physical damage, not covered' });
    expect(t.fail('rma.authorize', { id: a.id }).code).toBe('INVALID_TRANSITION');
    const b = open('LT-A', 'replace');
    t.ok('rma.authorize', { id: b.id });
    t.ok('rma.receive', { id: b.id });
    t.ok('rma.sendToVendor', { id: b.id });
    t.ok('rma.cancel', { id: b.id, reason: 'Vendor refused' });
    expect(rma(b.id)).toMatchObject({ status: 'canceled', cancelReason: 'Vendor refused' });
    expect(t.fail('rma.cancel', { id: b.id, reason: 'again' }).code).toBe('ALREADY_REVERSED');
    expect(t.fail('rma.update', { id: b.id, fault: 'x' }).code).toBe('INVALID_TRANSITION');
    expect(t.fail('rma.create', { deviceId: deviceOf('LT-A').id, type: 'repair', fault: 'x' })).toMatchObject({ code: 'NOT_RETURNABLE', details: { serial: 'LT-A', status: 'returned' } });
  });

  it('is edited while open, and is off with its module', () => {
    const { id } = open('LT-A', 'repair');
    t.ok('rma.update', { id, fault: 'Keyboard dead', vendorId: vendor.id, vendorRmaNumber: 'IM-1', trackingToVendor: 'T1', expectedFromClient: '2026-01-20', note: 'Call first' });
    expect(rma(id)).toMatchObject({ fault: 'Keyboard dead', vendorRmaNumber: 'IM-1', trackingToVendor: 'T1', expectedFromClient: '2026-01-20', note: 'Call first' });
    t.ok('activations.set', { inventory: true, procurement: true, rma: false });
    expect(t.fail('rma.get', { id })).toMatchObject({ code: 'MODULE_DISABLED', details: { module: 'rma' } });
    expect(t.fail('activations.set', { inventory: false, procurement: false, rma: true })).toMatchObject({ code: 'CONFLICT', details: { reason: 'moduleNeeds' } });
    t.ok('activations.set', { inventory: true, procurement: true, rma: true });
  });
});

describe('the RMA list', () => {
  it('finds RMAs by number, client, serial and vendor RMA number, by status and type, and marks the overdue', () => {
    const late = open('LT-A', 'repair', { expectedFromClient: '2026-01-10' });
    const other = open('LT-B', 'replace');
    t.ok('rma.authorize', { id: other.id });
    t.ok('rma.receive', { id: other.id });
    t.ok('rma.sendToVendor', { id: other.id, vendorRmaNumber: 'IM-555', expectedFromVendor: '2026-01-30' });
    const list = (input: Record<string, unknown> = {}) => t.ok('rma.list', input).rows;
    expect(list().map((r) => r.number)).toEqual([other.number, late.number]);
    expect(list({ q: 'lt-b' }).map((r) => r.id)).toEqual([other.id]);
    expect(list({ q: 'IM-555' }).map((r) => r.id)).toEqual([other.id]);
    expect(list({ statuses: ['requested'] }).map((r) => r.id)).toEqual([late.id]);
    expect(list({ type: 'replace' }).map((r) => r.id)).toEqual([other.id]);
    // Today is 2026-01-15: the client's unit was due on the 10th; the vendor's is due on the 30th.
    expect(list().map((r) => [r.number, r.overdue])).toEqual([
      [other.number, false],
      [late.number, true],
    ]);
    t.clock.now = Date.UTC(2026, 1, 2);
    expect(list({ overdueOnly: true }).map((r) => r.id).sort()).toEqual([late.id, other.id].sort());
  });
});

describe('the return authorization', () => {
  const text = async (pdf: { base64: string }) => (await pdfPages(new Uint8Array(Buffer.from(pdf.base64, 'base64')))).join('\n');

  it('prints, for the client, the RMA number, the device, the fault and where to send it, in the client’s language; for the vendor, their RMA number', async () => {
    t.ok('settings.update', { companyName: 'Demo IT Services', companyAddress: 'Gran Vía 1\n28013 Madrid', companyTaxId: 'B12345678' });
    t.ok('catalog.updateCompany', { ...t.ok('catalog.getCompany', { id: client.id }), id: client.id, language: 'es', address1: 'Calle Mayor 1', city: 'Madrid' } as never);
    const { id, number } = open('LT-A', 'replace');
    const forClient = await t.okAsync('rma.pdf', { id, audience: 'client', locale: 'en' });
    expect(forClient.filename).toBe(`${number}.pdf`);
    const page = await text(forClient);
    for (const expected of [number, RMA_LABELS.es.title, 'Acme Dental', 'Calle Mayor 1', 'Demo IT Services', 'Gran Vía 1', 'LT-T14', 'ThinkPad T14', 'LT-A', 'Screen flickers', RMA_LABELS.es.types.replace, RMA_LABELS.es.clientSteps[0]!]) expect(page).toContain(expected);
    // No money: not the unit's cost, not its price.
    expect(page).not.toMatch(/8[.,]?000|11[.,]?000/);
    t.ok('rma.update', { id, fault: 'Screen flickers', vendorId: vendor.id, vendorRmaNumber: 'IM-778899' });
    const forVendor = await text(await t.okAsync('rma.pdf', { id, audience: 'vendor', locale: 'en' }));
    for (const expected of [RMA_LABELS.en.title, 'Ingram Micro', 'IM-778899', RMA_LABELS.en.vendorSteps[1]!]) expect(forVendor).toContain(expected);
  });

  it('is e-mailed through the office SMTP server with the PDF, the attempt in the history; an unreachable server changes nothing else', async () => {
    const server = await startTestSmtpServer();
    try {
      t.ok('settings.updateSmtp', { host: server.host, port: server.port, security: 'none', user: '', fromAddress: 'rma@demo.example', fromName: 'Demo RMA' });
      const { id, number } = open('LT-B', 'repair');
      const sent = await t.okAsync('rma.email', { id, audience: 'vendor', to: ['rma@ingram.example'], subject: `RMA ${number}`, message: 'Please find the RMA attached.', locale: 'en' });
      expect(sent.accepted).toEqual(['rma@ingram.example']);
      const [mail] = await server.waitForMessages(1);
      expect(mail).toMatchObject({ subject: `RMA ${number}`, to: ['rma@ingram.example'] });
      expect(mail!.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`${number}.pdf`, 'application/pdf']]);
      expect((await pdfPages(new Uint8Array(mail!.attachments[0]!.content))).join(' ')).toContain('LT-B');
      const before = rma(id);
      t.ok('settings.updateSmtp', { host: server.host, port: 1, security: 'none', user: '', fromAddress: 'rma@demo.example', fromName: '' });
      expect((await t.failAsync('rma.email', { id, audience: 'client', to: ['it@acme.example'], subject: 'x', message: '', locale: 'en' })).code).toBe('MAIL_FAILED');
      const after = rma(id);
      expect({ ...after, history: [] }).toEqual({ ...before, history: [] });
      expect(after.history.map((h) => h.type).slice(0, 2)).toEqual(['emailFailed', 'emailed']);
      // A vendor's authorization needs a vendor.
      t.ok('rma.update', { id, fault: 'x', vendorId: null });
      expect((await t.failAsync('rma.pdf', { id, audience: 'vendor' })).code).toBe('VALIDATION');
    } finally {
      await server.close();
    }
  });
});
