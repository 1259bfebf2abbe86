// The class of behaviour dispatch owns, for every channel of the contract (not one example each):
// a mutation's handler runs in one write transaction, so one that writes and then fails leaves the
// database as it was; a query's handler runs in none; every non-I/O handler answers synchronously;
// and an I/O channel never awaits while a transaction is open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, contract, type ChannelName } from '@shared/contract';
import { DomainError } from '@shared/errors';
import { SignInThrottle } from '../domain/auth/throttle';
import { memoryLog } from '../log/appLog';
import { contentHash } from '../testing/dbContent';
import { createTestApp, seedWorld, type TestApp } from '../testing/harness';
import { sampleChannelInput } from '../testing/sampleInput';
import { startTestSmtpServer, type TestSmtpServer } from '../testing/smtpServer';
import { backupHandlers } from './backups';
import { dispatch, type DispatchDeps } from './dispatch';
import { handlers } from './index';
import { isIoHandler, type IoHandler } from './io';
import type { CallContext, HandlerTable } from './types';

let t: TestApp;
let smtp: TestSmtpServer;
let w: ReturnType<typeof seedWorld>;
let orderId: number;
let chargeId: number;
let opportunityId: number;
let rmaId: number;
let adminId: number;

const isIo = (c: ChannelName) => contract[c].io === true;
const mutations = channelNames.filter((c) => contract[c].kind === 'mutation');
const queries = channelNames.filter((c) => contract[c].kind === 'query');

const validInput = sampleChannelInput;

function deps(table: HandlerTable, log = memoryLog()): DispatchDeps {
  return { ctx: t.app.ctx, sessions: t.app.sessions, throttle: new SignInThrottle(), handlers: table, loadDemoData: () => undefined, log };
}
const realHandlers = (): HandlerTable => ({ ...handlers, ...backupHandlers(t.app.backups) });
const sqlite = () => t.app.ctx.sqlite;

beforeAll(async () => {
  t = createTestApp();
  w = seedWorld(t);
  adminId = t.ok('auth.status', {}).user!.id;
  smtp = await startTestSmtpServer();
});
afterAll(async () => {
  await smtp.close();
  t.close();
});

it('has a valid sample input for every channel (so no channel is skipped below)', () => {
  for (const c of channelNames) expect(contract[c].input.safeParse(validInput(c)).success, c).toBe(true);
});

describe('a mutation that writes and then fails changes nothing', () => {
  const marker = (c: string) => `tx-test:${c}`;
  const writeMarker = (c: string) => sqlite().prepare('INSERT INTO counters (name, next) VALUES (?, 1)').run(marker(c));
  const markerCount = () => (sqlite().prepare(`SELECT count(*) AS n FROM counters WHERE name LIKE 'tx-test:%'`).get() as { n: number }).n;

  /** The handler table with `channel` replaced by one that writes, checks it is in a transaction, and fails. */
  function failingTable(channel: ChannelName, failure: () => never, inTransaction: boolean[]): HandlerTable {
    const write = () => {
      inTransaction.push(sqlite().inTransaction);
      writeMarker(channel);
      failure();
    };
    const handler = isIo(channel) ? { io: true, before: async () => undefined, write } : write;
    return { ...realHandlers(), [channel]: handler } as HandlerTable;
  }

  const failures: [string, () => never, string][] = [
    ['a domain error', () => { throw new DomainError('CONFLICT', { reason: 'test' }); }, 'CONFLICT'],
    ['an unexpected error', () => { throw new Error('boom'); }, 'INTERNAL'],
    ['an amount out of range (the trigger)', () => { throw new Error('AMOUNT_OUT_OF_RANGE'); }, 'VALIDATION'],
  ];

  it.each(mutations)('%s', async (channel) => {
    for (const [, failure, code] of failures) {
      const seen: boolean[] = [];
      const before = contentHash(sqlite());
      const result = await dispatch(deps(failingTable(channel, failure, seen)), channel, validInput(channel), t.token);
      expect(seen, `${channel}: the handler ran`).toEqual([true]);
      expect(result).toMatchObject({ ok: false, error: { code } });
      expect(markerCount()).toBe(0);
      expect(contentHash(sqlite())).toBe(before);
      expect(sqlite().inTransaction).toBe(false);
    }
  });

  it('commits what a mutation wrote when it succeeds (the same write, not failing)', () => {
    const table = { ...realHandlers(), 'catalog.saveCategory': () => (writeMarker('ok'), { id: 1, name: 'x', parentId: null }) } as unknown as HandlerTable;
    expect(dispatch(deps(table), 'catalog.saveCategory', validInput('catalog.saveCategory'), t.token)).toMatchObject({ ok: true });
    expect(markerCount()).toBe(1);
    sqlite().prepare(`DELETE FROM counters WHERE name LIKE 'tx-test:%'`).run();
  });
});

describe('a query runs outside any write transaction', () => {
  it.each(queries)('%s', async (channel) => {
    const seen: boolean[] = [];
    const probe = () => {
      seen.push(sqlite().inTransaction);
      return {};
    };
    const handler = isIo(channel) ? { io: true, write: probe, after: async () => ({}) } : probe;
    await dispatch(deps({ ...realHandlers(), [channel]: handler } as HandlerTable), channel, validInput(channel), t.token);
    expect(seen).toEqual([false]);
  });
});

describe('handlers of non-I/O channels answer synchronously', () => {
  // The real handlers with a valid input: whatever they answer (often NOT_FOUND for id 1), they answer now.
  it.each(channelNames.filter((c) => !isIo(c)))('%s', (channel) => {
    const log = memoryLog();
    // A session of its own: auth.logout ends the one it is called with.
    const result = dispatch(deps(realHandlers(), log), channel, validInput(channel), t.tokenFor(adminId));
    expect(result).not.toBeInstanceOf(Promise);
    expect(log.entries.filter((e) => e.level === 'error')).toEqual([]);
    expect(sqlite().inTransaction).toBe(false);
  });

  it('refuses a handler of a non-I/O channel that returns a promise: INTERNAL, logged, its write undone', async () => {
    const log = memoryLog();
    const before = contentHash(sqlite());
    const table = {
      ...realHandlers(),
      'catalog.saveCategory': async () => {
        sqlite().prepare(`INSERT INTO counters (name, next) VALUES ('async-write', 1)`).run();
        return { id: 1, name: 'x', parentId: null };
      },
    } as unknown as HandlerTable;
    const result = dispatch(deps(table, log), 'catalog.saveCategory', validInput('catalog.saveCategory'), t.token);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'INTERNAL', details: {} } });
    expect(contentHash(sqlite())).toBe(before);
    expect(log.entries).toEqual([expect.objectContaining({ level: 'error', details: expect.objectContaining({ channel: 'catalog.saveCategory', message: expect.stringMatching(/returned a promise/) }) })]);
  });

  it('refuses an I/O phase that would start while a transaction is open', async () => {
    const log = memoryLog();
    const table = { ...realHandlers(), 'users.create': { io: true, before: async () => 'hash', write: () => ({}) } } as unknown as HandlerTable;
    const result = sqlite().transaction(() => dispatch(deps(table, log), 'users.create', validInput('users.create'), t.tokenFor(adminId)))();
    expect(await result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(log.entries[0]?.details.message).toMatch(/await inside a transaction/);
  });
});

describe('I/O channels never await inside a transaction', () => {
  // Set up here: the tests above call every real handler with sample inputs (cancelling order 1, say).
  beforeAll(() => {
    t.ok('settings.updateSmtp', { host: smtp.host, port: smtp.port, security: 'none', user: '', fromAddress: 'purchasing@demo.example', fromName: '' });
    const vendor = t.ok('catalog.createCompany', { name: 'Ingram Micro IO', isVendor: true, isClient: false, email: 'orders@ingram.example' });
    t.ok('catalog.saveProductVendor', { productId: w.cable.id, vendorId: vendor.id, vendorPartNumber: 'IM-CAB6', vendorCost: 12_000, isDefault: true });
    orderId = t.ok('purchasing.createOrder', { vendorId: vendor.id, lines: [{ productId: w.cable.id, qty: 2, unitCost: 12_000, locationId: w.main.id }] }).id;
    // A charge with units picked at the warehouse, for the pick and packing lists.
    const client = t.ok('catalog.createCompany', { name: 'Acme IO', isClient: true });
    const ticket = t.ok('sales.createContainer', { kind: 'ticket', title: 'IO', companyId: client.id });
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 2, costMethod: 'manual', unitCost: 10_000, reason: null });
    chargeId = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 2 }).id;
    t.ok('stock.pick', { chargeId, locationId: w.main.id, qty: 2 });
    opportunityId = t.ok('sales.createOpportunity', { companyId: client.id, title: 'IO quote' }).id;
    t.ok('sales.addQuoteItem', { opportunityId, productId: w.cable.id, quantity: 1 });
    // An RMA of a delivered laptop, for its return authorization.
    t.app.ctx.sqlite.prepare(`UPDATE products SET eligible_for_rma = 1 WHERE id = ?`).run(w.laptop.id);
    t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 1, costMethod: 'manual', unitCost: 10_000, serials: ['IO-RMA-1'], reason: null });
    const laptop = t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 1 });
    t.ok('stock.pick', { chargeId: laptop.id, locationId: w.main.id, serials: ['IO-RMA-1'] });
    t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: laptop.id }] });
    rmaId = t.ok('rma.create', { deviceId: t.ok('devices.list', { serial: 'IO-RMA-1' }).rows[0]!.id, type: 'repair', fault: 'IO', vendorId: vendor.id }).id;
  });
  const ioChannels = channelNames.filter(isIo);
  it('are the channels whose work awaits', () => {
    expect(ioChannels.sort()).toEqual(
      [
        'auth.changePassword',
        'auth.login',
        'auth.setup',
        'backups.create',
        'backups.restore',
        'delivery.packingListPdf',
        'delivery.pickListPdf',
        'purchasing.emailOrder',
        'purchasing.renderPdf',
        'rma.email',
        'rma.pdf',
        'sales.quotePdf',
        'settings.testSmtp',
        'stock.labelsPdf',
        'users.create',
        'users.resetPassword',
      ].sort(),
    );
    for (const c of ioChannels) expect(isIoHandler(realHandlers()[c]), c).toBe(true);
  });

  /** The real phases, each noting whether a transaction was open when it started. */
  function instrumented(handler: IoHandler, seen: string[]): IoHandler {
    const mark = (phase: string) => seen.push(`${phase}:${sqlite().inTransaction ? 'in' : 'out'}`);
    return {
      io: true,
      before: handler.before && ((input, call) => (mark('before'), handler.before!(input, call))),
      write: handler.write && ((input, call, prepared) => (mark('write'), handler.write!(input, call, prepared))),
      after:
        handler.after &&
        ((written, io) => {
          mark('after');
          return handler.after!(written, { ...io, write: (fn) => io.write(() => (mark('record'), fn())) });
        }),
    };
  }

  const happyInputs = (): Partial<Record<ChannelName, unknown>> => ({
    'auth.login': { username: 'admin', password: 'correct horse battery' },
    'auth.changePassword': { currentPassword: 'correct horse battery', newPassword: 'correct horse battery' },
    'users.resetPassword': { id: w.tech.id, newPassword: 'a brand new password' },
    'settings.testSmtp': { to: 'someone@example.com' },
    'purchasing.renderPdf': { id: orderId, locale: 'en' },
    'delivery.pickListPdf': { lines: [{ chargeId, locationId: w.main.id }], locale: 'en' },
    'delivery.packingListPdf': { lines: [{ chargeId, locationId: w.main.id }] },
    'sales.quotePdf': { id: opportunityId, locale: 'es' },
    'stock.labelsPdf': { productIds: [w.cable.id, w.laptop.id], locationIds: [w.main.id], symbology: 'qr', format: 'roll', copies: 2, locale: 'es' },
    'purchasing.emailOrder': { id: orderId, to: ['orders@ingram.example'], cc: [], subject: 'PO', message: '', locale: 'en' },
    'rma.pdf': { id: rmaId, audience: 'vendor' },
    'rma.email': { id: rmaId, audience: 'client', to: ['it@acme.example'], subject: 'RMA', message: '' },
  });

  // Restore last: it signs everybody out.
  const order = [...ioChannels.filter((c) => c !== 'backups.restore'), 'backups.restore'] as ChannelName[];
  it.each(order)('%s', async (channel) => {
    const seen: string[] = [];
    const real = realHandlers()[channel] as unknown as IoHandler;
    const table = { ...realHandlers(), [channel]: instrumented(real, seen) } as HandlerTable;
    let input = happyInputs()[channel] ?? validInput(channel);
    if (channel === 'backups.restore') input = { name: t.app.backups.list().backups[0]!.name };
    // Whenever the event loop gets control during the call, no transaction may be open.
    const samples: boolean[] = [];
    let sampling = true;
    const sample = () => {
      samples.push(sqlite().inTransaction);
      if (sampling) setImmediate(sample);
    };
    setImmediate(sample);
    const answer = dispatch(deps(table), channel, input, t.tokenFor(adminId));
    const result = await answer;
    sampling = false;
    expect(seen.filter((s) => s.endsWith(':in') && !s.startsWith('write') && !s.startsWith('record'))).toEqual([]);
    expect(samples.every((inTx) => !inTx)).toBe(true);
    // The write phase of a mutation (and an outcome's record) run inside one; a query's does not.
    for (const s of seen.filter((x) => x.startsWith('write') || x.startsWith('record'))) {
      expect(s).toBe(`${s.split(':')[0]}:${contract[channel].kind === 'mutation' ? 'in' : 'out'}`);
    }
    if (channel !== 'auth.setup') expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    const phases = seen.map((s) => s.split(':')[0]);
    const defined = (['before', 'write', 'after'] as const).filter((p) => real[p]);
    expect(phases.filter((p) => p !== 'record'), channel).toEqual(channel === 'auth.setup' ? ['before'] : defined);
    if (channel === 'purchasing.emailOrder') expect(phases).toContain('record');
  });
});

describe('the handler table type', () => {
  it('is checked against the contract: an io handler for every io channel', () => {
    const call = {} as CallContext;
    void call;
    for (const c of channelNames) expect(typeof realHandlers()[c] === 'function', c).toBe(!isIo(c));
  });
});
