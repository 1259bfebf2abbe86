// How events are told (Admin › Notifications) and on which channels: an event switched off tells nobody on
// any channel; recipients and named users are chosen per event; e-mails are queued in the action's own
// transaction, one per recipient per action, in the recipient's language, never to a muted user, one
// without an address, or an office without an SMTP server; the outbox is sent after commit by a real SMTP
// server that first refuses and then accepts, survives a restart, backs off and gives up visibly; the
// conditions that come with time (below minimum, overdue orders, ageing back orders) are told once each.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Permission } from '@shared/contract/define';
import { eventRecipients, notificationEvents, type EventSetting } from '@shared/contract/notifications';
import { createApp } from '@main/app';
import { retryDelaysMs } from '@main/mail/outbox';
import { createTestApp, seedWorld, testPasswordCost, type TestApp } from '@main/testing/harness';
import { startTestSmtpServer, type TestSmtpServer } from '@main/testing/smtpServer';
import { eventSettings } from './config';

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let vendor: { id: number };
let ticket: { id: number };
let users: Record<'ana' | 'carla' | 'pia' | 'tomas', { id: number; token: string }>;

const approver: Permission[] = ['inventory.view', 'purchasing.approve', 'costs.view'];

beforeEach(() => {
  t = createTestApp();
  w = seedWorld(t);
  vendor = t.ok('catalog.createCompany', { name: 'Ingram Micro', isVendor: true, isClient: false });
  t.ok('catalog.saveProductVendor', { productId: w.cable.id, vendorId: vendor.id, vendorPartNumber: 'IM-CAB', vendorCost: 12_000, isDefault: true });
  t.ok('settings.update', { approvalThreshold: 10_000_000 });
  const make = (username: string, permissions: Permission[], extra: { email?: string; language?: 'es' | 'en'; purchasingTeam?: boolean } = {}) => {
    const u = t.addUser({ username, displayName: username, permissions });
    t.ok('users.update', { id: u.id, displayName: username, permissions, isAdmin: false, active: true, ...extra });
    return { id: u.id, token: t.tokenFor(u.id) };
  };
  users = {
    ana: make('Ana', approver, { email: 'ana@office.example', language: 'es' }),
    carla: make('Carla', ['inventory.view', 'sales.manage', 'rma.manage'], { email: 'carla@office.example', language: 'en' }),
    pia: make('Pia', ['inventory.view', 'purchasing.manage', 'purchasing.receive', 'inventory.edit', 'stock.adjust', 'stock.anyLocation'], { email: 'pia@office.example', language: 'en', purchasingTeam: true }),
    tomas: { id: w.tech.id, token: t.tokenFor(w.tech.id) },
  };
  t.ok('users.update', { id: w.tech.id, displayName: 'Tech One', permissions: ['inventory.view', 'stock.transfer'], isAdmin: false, active: true, email: 'tech@office.example', language: 'es' });
  const acme = t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true });
  ticket = t.ok('sales.createContainer', { kind: 'ticket', title: 'New hires', companyId: acme.id, ownerUserId: w.tech.id });
});
afterEach(() => t.close());

const inbox = (who: keyof typeof users) => t.ok('notifications.list', {}, users[who].token).rows;
/** Every event a notification tells: its own, and the same action's others. */
const eventsOf = (rows: ReturnType<typeof inbox>) => rows.flatMap((n) => [n.event, ...n.also.map((p) => p.event)]);
const outbox = () =>
  t.app.ctx.sqlite.prepare(`SELECT to_address AS "to", subject, body, CASE WHEN sent_at IS NOT NULL THEN 'sent' WHEN given_up_at IS NOT NULL THEN 'failed' ELSE 'queued' END AS status, attempts, last_error AS lastError FROM mail_outbox ORDER BY id`).all() as Array<{
    to: string;
    subject: string;
    body: string;
    status: string;
    attempts: number;
    lastError: string | null;
  }>;
const setting = (event: EventSetting['event']) => t.ok('notifications.settings', {}).find((s) => s.event === event)!;
const save = (event: EventSetting['event'], change: Partial<EventSetting>) => t.ok('notifications.saveSettings', { events: [{ ...setting(event), ...change }] });
/** An SMTP server the office's settings point at (plain text, on this machine). */
const useSmtp = (smtp: { host: string; port: number }) =>
  t.ok('settings.updateSmtp', { host: smtp.host, port: smtp.port, security: 'none', user: '', fromAddress: 'inventory@office.example', fromName: 'Office' });
/** Settings for a server nobody listens on: mail is queued, never sent while the test looks. */
const useAbsentSmtp = () => t.ok('settings.updateSmtp', { host: '127.0.0.1', port: 1, security: 'none', user: '', fromAddress: 'inventory@office.example', fromName: '' });
const laptopCharge = (qty = 2) => t.ok('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: qty }, users.carla.token);

describe('Admin › Notifications', () => {
  it('lists every event with its defaults, and only administrators read or change them', () => {
    const all = t.ok('notifications.settings', {});
    expect(all.map((s) => s.event)).toEqual([...notificationEvents]);
    for (const s of all) {
      expect(s).toEqual({ event: s.event, enabled: true, inApp: true, desktop: true, email: s.event !== 'emailGivenUp', recipients: [...eventRecipients[s.event].defaults], userIds: [] });
    }
    expect(t.fail('notifications.settings', {}, users.pia.token).code).toBe('FORBIDDEN');
    expect(t.fail('notifications.saveSettings', { events: [setting('approved')] }, users.pia.token).code).toBe('FORBIDDEN');
  });

  it('refuses a recipient the event cannot have, a user that does not exist, and the same event twice, changing nothing', () => {
    expect(t.fail('notifications.saveSettings', { events: [{ ...setting('belowMinimum'), recipients: ['creator'] }] }).code).toBe('VALIDATION');
    expect(t.fail('notifications.saveSettings', { events: [{ ...setting('approved'), userIds: [9999] }] })).toMatchObject({ code: 'NOT_FOUND', details: { entity: 'user', id: 9999 } });
    expect(t.fail('notifications.saveSettings', { events: [setting('approved'), { ...setting('approved'), enabled: false }] }).code).toBe('VALIDATION');
    expect(setting('approved').enabled).toBe(true);
  });

  it('an event switched off tells nobody, on any channel; switched on again it tells as before', () => {
    useAbsentSmtp();
    save('approvalNeeded', { enabled: false });
    laptopCharge();
    expect(inbox('ana')).toEqual([]);
    expect(outbox()).toEqual([]);
    save('approvalNeeded', { enabled: true });
    laptopCharge();
    expect(inbox('ana').map((n) => n.event)).toEqual(['approvalNeeded']);
    expect(outbox().map((m) => m.to)).toEqual(['ana@office.example']);
  });

  it('recipients are chosen per event: other kinds, named users, never the actor', () => {
    // Approved: the ticket's technician instead of whoever added it, and Pia by name.
    save('approved', { recipients: ['technician'], userIds: [users.pia.id, users.ana.id] });
    const charge = laptopCharge();
    t.ok('sales.approveCharge', { id: charge.id, note: null }, users.ana.token);
    expect(inbox('carla').map((n) => n.event)).toEqual([]);
    expect(inbox('tomas').map((n) => n.event)).toEqual(['approved']);
    // Approved, it needs ordering: the purchasing team hears that too, in the same notification.
    expect(inbox('pia').map((n) => [n.event, ...n.also.map((p) => p.event)])).toEqual([['approved', 'itemsNeedOrdering']]);
    // Ana is named, but she approved it herself.
    expect(inbox('ana').map((n) => n.event)).toEqual(['approvalNeeded']);
    // Administrators as recipients.
    save('itemsNeedOrdering', { recipients: ['administrators'] });
    t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 2 }, users.carla.token);
    expect(t.ok('notifications.list', {}).rows.map((n) => n.event)).toContain('itemsNeedOrdering');
    expect(eventsOf(inbox('pia'))).toEqual(['approved', 'itemsNeedOrdering']);
  });

  it('channels per event: in the app only, e-mail only, desktop pop-up flag', () => {
    useAbsentSmtp();
    save('approvalNeeded', { email: false, desktop: false });
    laptopCharge();
    expect(inbox('ana')).toMatchObject([{ event: 'approvalNeeded', desktop: false }]);
    expect(outbox()).toEqual([]);
    save('approvalNeeded', { inApp: false, email: true });
    laptopCharge(3);
    expect(inbox('ana')).toHaveLength(1);
    expect(outbox().map((m) => m.to)).toEqual(['ana@office.example']);
  });
});

describe('e-mail, queued with the action', () => {
  it('one message per recipient per action, in each recipient’s language, with the documents listed', () => {
    useAbsentSmtp();
    const made = [1, 2, 3].map(() => t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 2 }, users.carla.token));
    const po = t.ok('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, charges: made.map((c) => ({ chargeId: c.id })) });
    t.ok('purchasing.submit', { id: po.id });
    const before = outbox().length;
    t.ok('purchasing.receive', { lines: po.lines.map((l) => ({ lineId: l.id, qty: l.qtyOrdered })) });
    const mails = outbox().slice(before);
    // The technician: one message for the receipt — units received for 3 charges, and the 3 now ready.
    const toTech = mails.filter((m) => m.to === 'tech@office.example');
    expect(toTech).toHaveLength(1);
    const received = toTech[0]!;
    expect(received.subject).toBe('MSP Inventory: Unidades recibidas para 3 cargos (y 1 más)');
    expect(received.body).toContain('Hola, Tech One:');
    expect(received.body).toContain('Unidades recibidas para 3 cargos.');
    expect(received.body).toContain('3 cargos están listos para entregar.');
    for (const c of made) expect(received.body).toContain(`· ${c.number}`);
    expect(received.body).toContain('Por Admin.');
    // Pia (English) was told of the charges to order, each action apart.
    expect(outbox().filter((m) => m.to === 'pia@office.example').map((m) => m.subject)).toEqual([
      `MSP Inventory: ${made[0]!.number} needs ordering`,
      `MSP Inventory: ${made[1]!.number} needs ordering`,
      `MSP Inventory: ${made[2]!.number} needs ordering`,
      `MSP Inventory: Admin sent ${po.number} to the vendor`,
    ]);
  });

  it('not to a muted user, one without an address, or an office without an SMTP server; a failed action queues nothing', () => {
    laptopCharge();
    expect(outbox()).toEqual([]);
    useAbsentSmtp();
    expect(t.ok('notifications.mySettings', {}, users.ana.token)).toEqual({ email: 'ana@office.example', language: 'es', emailMuted: false, mailConfigured: true });
    t.ok('notifications.saveMySettings', { emailMuted: true }, users.ana.token);
    laptopCharge();
    expect(outbox()).toEqual([]);
    t.ok('notifications.saveMySettings', { emailMuted: false, email: '' }, users.ana.token);
    expect(t.ok('notifications.mySettings', {}, users.ana.token).email).toBeNull();
    laptopCharge();
    expect(outbox()).toEqual([]);
    t.ok('notifications.saveMySettings', { email: 'ana.lopez@office.example', language: 'en' }, users.ana.token);
    expect(t.fail('sales.createCharge', { containerId: ticket.id, productId: w.laptop.id, quantity: 0 }, users.carla.token).code).toBe('VALIDATION');
    expect(outbox()).toEqual([]);
    const charge = laptopCharge();
    expect(outbox()).toMatchObject([{ to: 'ana.lopez@office.example', subject: `MSP Inventory: ${charge.number} waits for your approval`, status: 'queued' }]);
    // Her own settings only, and a well-formed address.
    expect(t.fail('notifications.saveMySettings', { email: 'not an address' }, users.ana.token).code).toBe('VALIDATION');
  });
});

describe('the outbox, sent after commit', () => {
  let smtp: TestSmtpServer;
  beforeEach(async () => {
    smtp = await startTestSmtpServer();
  });
  afterEach(async () => {
    await smtp.close();
  });

  it('a server refusing, then accepting: retried with back-off, across a restart, and sent in the recipient’s language', async () => {
    smtp.setRefusing(true);
    useSmtp(smtp);
    const charge = laptopCharge();
    // The action answered at once; the attempt runs after commit.
    await t.app.mail.drain();
    expect(smtp.refused).toBe(1);
    expect(outbox()).toMatchObject([{ to: 'ana@office.example', status: 'queued', attempts: 1 }]);
    expect(outbox()[0]!.lastError).toMatch(/421|not available/i);
    // Not due before its back-off.
    await t.app.mail.drain();
    expect(smtp.refused).toBe(1);

    // The app closes with the message waiting; the server starts accepting; the app opens again.
    const dbPath = join(t.dir, 'test.db');
    t.app.close();
    smtp.setRefusing(false);
    const reopened = createApp({ dbPath, now: () => t.clock.now, passwordCost: testPasswordCost, log: { write: () => undefined, error: () => undefined } as never });
    try {
      await reopened.mail.drain();
      expect(smtp.messages).toHaveLength(0);
      t.clock.now += retryDelaysMs[0]!;
      await reopened.mail.drain();
      const [mail] = await smtp.waitForMessages(1);
      expect(mail!.to).toEqual(['ana@office.example']);
      expect(mail!.subject).toBe(`MSP Inventory: ${charge.number} espera su aprobación`);
      expect(mail!.text).toContain('Hola, Ana:');
      const row = reopened.ctx.sqlite.prepare(`SELECT attempts, sent_at AS sentAt, given_up_at AS givenUpAt FROM mail_outbox`).get();
      expect(row).toEqual({ attempts: 2, sentAt: t.clock.now, givenUpAt: null });
      // Sent once: another pass sends nothing.
      await reopened.mail.drain();
      expect(smtp.messages).toHaveLength(1);
    } finally {
      reopened.close();
      rmSync(t.dir, { recursive: true, force: true });
    }
    // The harness's close on a closed app is harmless.
    t = { ...t, close: () => undefined };
  });

  it('the outbox, the events’ settings and the users’ own settings come back with a backup', async () => {
    smtp.setRefusing(true);
    useSmtp(smtp);
    save('approved', { email: false, userIds: [users.pia.id] });
    t.ok('notifications.saveMySettings', { emailMuted: true }, users.carla.token);
    laptopCharge();
    await t.app.mail.drain();
    const backup = await t.app.backups.create('manual');
    // After the backup: the message is sent, the settings change.
    smtp.setRefusing(false);
    t.clock.now += retryDelaysMs[0]!;
    await t.app.mail.drain();
    save('approved', { email: true, userIds: [] });
    t.ok('notifications.saveMySettings', { emailMuted: false }, users.carla.token);
    await t.app.backups.restore({ name: backup.name });
    // As they were when it was taken: the message waiting after one attempt, the settings as saved then.
    expect(outbox()).toMatchObject([{ to: 'ana@office.example', status: 'queued', attempts: 1 }]);
    // Everyone signs in again after a restore: read as the app does.
    expect(eventSettings(t.app.ctx).find((e) => e.event === 'approved')).toMatchObject({ email: false, userIds: [users.pia.id] });
    const carla = t.app.ctx.sqlite.prepare(`SELECT email_muted AS muted FROM users WHERE id = ?`).get(users.carla.id);
    expect(carla).toEqual({ muted: 1 });
  });

  it('gives up after the last attempt, shows administrators why, and sends again when asked', async () => {
    smtp.setRefusing(true);
    useSmtp(smtp);
    laptopCharge();
    for (let i = 0; i <= retryDelaysMs.length; i += 1) {
      await t.app.mail.drain();
      t.clock.now += retryDelaysMs[i] ?? 0;
    }
    expect(smtp.refused).toBe(retryDelaysMs.length + 1);
    const page = t.ok('notifications.outbox', { status: 'failed' });
    expect(page).toMatchObject({ failed: 1, waiting: 0, total: 1, rows: [{ to: 'ana@office.example', recipientName: 'Ana', status: 'failed', attempts: retryDelaysMs.length + 1, nextAttemptAt: null }] });
    expect(page.rows[0]!.lastError).toMatch(/421|not available/i);
    expect(t.fail('notifications.outbox', {}, users.ana.token).code).toBe('FORBIDDEN');
    // The administrators are told in the app, with the reason — and never by e-mail.
    expect(t.ok('notifications.list', {}).rows).toMatchObject([{ event: 'emailGivenUp', documents: [{ type: 'mailOutbox', number: 'ana@office.example' }], note: expect.stringMatching(/421|not available/i) }]);
    expect(outbox()).toHaveLength(1);
    expect(t.fail('notifications.saveSettings', { events: [{ ...setting('emailGivenUp'), email: true }] }).code).toBe('VALIDATION');
    smtp.setRefusing(false);
    expect(t.ok('notifications.retryMail', { all: true })).toEqual({ queued: 1 });
    await t.app.mail.drain();
    await smtp.waitForMessages(1);
    expect(t.ok('notifications.outbox', {})).toMatchObject({ failed: 0, waiting: 0, rows: [{ status: 'sent' }] });
    // Nothing sent twice when asked again.
    expect(t.ok('notifications.retryMail', { all: true })).toEqual({ queued: 0 });
  });

  it('a slow or absent server never slows or fails the action', async () => {
    useAbsentSmtp();
    const started = Date.now();
    const charge = laptopCharge();
    expect(charge.status).toBe('waitingApproval');
    expect(Date.now() - started).toBeLessThan(2000);
    await t.app.mail.drain();
    expect(outbox()).toMatchObject([{ status: 'queued', attempts: 1 }]);
    expect(outbox()[0]!.lastError).toMatch(/refused|connect/i);
  });
});

describe('conditions told once', () => {
  it('a product falling below its minimum tells the purchasing team once, again only after it climbed back', () => {
    const item = t.ok('stock.createInventoryProduct', { productId: w.cable.id, locationId: w.main.id, bin: null, referenceNumber: null, min: 5, max: 20 });
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 6, costMethod: 'catalogue', reason: null });
    // Created below its minimum, then filled: the creation told once.
    const told = () => inbox('pia').filter((n) => n.event === 'belowMinimum');
    expect(told()).toHaveLength(1);
    t.ok('stock.remove', { productId: w.cable.id, locationId: w.main.id, qty: 2, destination: 'adjustment', reason: null });
    expect(told()).toHaveLength(2);
    expect(told()[0]).toMatchObject({ documents: [{ type: 'inventoryProduct', id: item.id, number: 'CAB-6-2M · Main warehouse' }], byName: null });
    t.ok('stock.remove', { productId: w.cable.id, locationId: w.main.id, qty: 1, destination: 'adjustment', reason: null });
    expect(told()).toHaveLength(2);
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'catalogue', reason: null });
    t.ok('stock.remove', { productId: w.cable.id, locationId: w.main.id, qty: 10, destination: 'adjustment', reason: null });
    expect(told()).toHaveLength(3);
    // The one who removed it is told too: it is the office's condition, not someone's action.
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 10, costMethod: 'catalogue', reason: null });
    t.ok('stock.remove', { productId: w.cable.id, locationId: w.main.id, qty: 10, destination: 'adjustment', reason: null }, users.pia.token);
    expect(told()).toHaveLength(4);
  });

  it('an order past its expected ship date, and a back order older than allowed, are told once per sweep that finds them', () => {
    t.ok('settings.update', { backOrderOverdueDays: 14 });
    const po = t.ok('purchasing.createOrder', { vendorId: vendor.id, expectedShipDate: '2026-01-20', lines: [{ productId: w.cable.id, qty: 10, locationId: w.main.id }] }, users.pia.token);
    t.ok('purchasing.submit', { id: po.id }, users.pia.token);
    const admins = () => t.ok('notifications.list', {}).rows.filter((n) => n.event === 'poOverdue' || n.event === 'backOrderAgeing');
    save('poOverdue', { recipients: ['creator', 'administrators'] });
    expect(t.app.sweepConditions()).toBe(0);
    t.clock.now = Date.UTC(2026, 0, 21, 9);
    expect(t.app.sweepConditions()).toBe(1);
    expect(t.app.sweepConditions()).toBe(0);
    expect(admins().map((n) => [n.event, n.documents[0]!.number, n.byName])).toEqual([['poOverdue', po.number, null]]);
    expect(inbox('pia').filter((n) => n.event === 'poOverdue')).toHaveLength(1);
    // Half received: no longer overdue once fully received... here, still sent and late; its back order ages.
    t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 4 }] }, users.pia.token);
    t.clock.now += 15 * 86_400_000;
    expect(t.app.sweepConditions()).toBe(1);
    expect(inbox('pia').filter((n) => n.event === 'backOrderAgeing').map((n) => n.documents[0]!.number)).toEqual([po.number]);
    // Received in full: the marks go, nothing is told again.
    t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 6 }] }, users.pia.token);
    expect(t.app.sweepConditions()).toBe(0);
    expect(t.app.ctx.sqlite.prepare(`SELECT count(*) AS n FROM notification_marks WHERE kind IN ('poOverdue', 'backOrder')`).get()).toEqual({ n: 0 });
  });
});

describe('modules switched off', () => {
  it('tell nothing of their events, and the sweep looks for nothing while Inventory is off', () => {
    t.ok('activations.set', { inventory: true, procurement: false, rma: false });
    t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 2 }, users.carla.token);
    expect(inbox('pia')).toEqual([]);
    t.ok('activations.set', { inventory: true, procurement: true, rma: false });
    t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 2 }, users.carla.token);
    expect(eventsOf(inbox('pia'))).toEqual(['itemsNeedOrdering']);
    const po = t.ok('purchasing.createOrder', { vendorId: vendor.id, expectedShipDate: '2026-01-20', lines: [{ productId: w.cable.id, qty: 10, locationId: w.main.id }] });
    t.ok('purchasing.submit', { id: po.id });
    t.clock.now = Date.UTC(2026, 0, 21, 9);
    t.ok('activations.set', { inventory: false, procurement: false, rma: false });
    expect(t.app.sweepConditions()).toBe(0);
    t.ok('activations.set', { inventory: true, procurement: true, rma: false });
    expect(t.app.sweepConditions()).toBe(1);
  });
});

describe('an action that fails after telling', () => {
  it('a purchase order e-mail refused by the server is told to the purchasing team, and announced though the call failed', async () => {
    useAbsentSmtp();
    const changes: Array<{ channel: string | null; notified?: readonly number[] }> = [];
    t.app.onChange((c) => changes.push(c));
    const po = t.ok('purchasing.createOrder', { vendorId: vendor.id, lines: [{ productId: w.cable.id, qty: 1, locationId: w.main.id }] });
    const sent = await t.app.callAsync('purchasing.emailOrder', { id: po.id, to: ['orders@ingram.example'], subject: 'Order', message: '', locale: 'en' }, t.token);
    expect(sent).toMatchObject({ ok: false, error: { code: 'MAIL_FAILED' } });
    expect(inbox('pia')).toMatchObject([{ event: 'vendorEmailFailed', documents: [{ number: po.number }] }]);
    expect(changes.at(-1)).toMatchObject({ channel: 'purchasing.emailOrder', notified: [users.pia.id] });
  });
});

describe('desktop pop-ups', () => {
  it('are the user’s new notifications after the last shown, in the user’s language, without events kept off the desktop', () => {
    const start = t.app.desktopNotices(users.carla.id, null);
    const charge = laptopCharge();
    t.ok('sales.rejectCharge', { id: charge.id, note: 'Too many' }, users.ana.token);
    expect(t.app.desktopNotices(users.carla.id, start.lastId).notices.map((n) => [n.title, n.body])).toEqual([['MSP Inventory', `Ana rejected ${charge.number}\nToo many`]]);
    const ana = t.app.desktopNotices(users.ana.id, 0).notices;
    expect(ana.map((n) => n.body)).toEqual([`${charge.number} espera su aprobación`]);
    save('approvalNeeded', { desktop: false });
    const after = t.app.desktopNotices(users.ana.id, null).lastId;
    laptopCharge();
    expect(t.app.desktopNotices(users.ana.id, after)).toMatchObject({ notices: [] });
    expect(t.app.desktopNotices(users.ana.id, after).lastId).toBeGreaterThan(after);
  });
});

describe('every event, on every channel', () => {
  it('reaches exactly its default recipients, the same people in the bell and in the outbox, never the actor', async () => {
    useAbsentSmtp();
    const sam = t.addUser({ username: 'sam', displayName: 'Sam', permissions: ['inventory.view', 'sales.manage'] });
    t.ok('users.update', { id: sam.id, displayName: 'Sam', permissions: ['inventory.view', 'sales.manage'], isAdmin: false, active: true, email: 'sam@office.example', language: 'en' });
    const samToken = t.tokenFor(sam.id);
    t.ok('catalog.saveProductVendor', { productId: w.laptop.id, vendorId: vendor.id, vendorPartNumber: 'IM-T14', vendorCost: 8_500_000, isDefault: true });

    // Approval of a charge: needed (Ana), rejected and approved (Carla, who added it), then it needs ordering (Pia).
    const rejected = laptopCharge();
    t.ok('sales.rejectCharge', { id: rejected.id, note: 'No' }, users.ana.token);
    const charge = laptopCharge();
    t.ok('sales.approveCharge', { id: charge.id, note: null }, users.ana.token);
    // Ordered and sent (Pia, Tomás), received (Tomás) and ready (Tomás), delivered (Carla).
    const po = t.ok('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, charges: [{ chargeId: charge.id }] });
    t.ok('purchasing.submit', { id: po.id });
    t.ok('purchasing.receive', { lines: po.lines.map((l) => ({ lineId: l.id, qty: l.qtyOrdered, serials: ['SN-EVT-1', 'SN-EVT-2'] })) });
    t.ok('delivery.deliver', { method: 'deliver', lines: [{ chargeId: charge.id }] });
    // One laptop fails: Carla opens its RMA, the administrator works it (Carla and the ticket's technician hear of it).
    t.app.ctx.sqlite.prepare(`UPDATE products SET eligible_for_rma = 1 WHERE id = ?`).run(w.laptop.id);
    const failed = t.ok('devices.list', { serial: 'SN-EVT-1' }).rows[0]!;
    const rma = t.ok('rma.create', { deviceId: failed.id, type: 'replace', fault: 'Dead', vendorId: vendor.id }, users.carla.token);
    for (const step of ['rma.authorize', 'rma.receive', 'rma.sendToVendor'] as const) t.ok(step, { id: rma.id });
    t.ok('rma.receiveReplacement', { id: rma.id, serial: 'SN-EVT-R' });
    t.ok('rma.deliver', { id: rma.id });
    t.ok('rma.close', { id: rma.id });
    // A won quote's sales order, owned by Sam: fulfilled (Sam), its charges delivered (Sam: the admin added them).
    const acme = t.ok('catalog.createCompany', { name: 'Acme Two', isClient: true });
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 5, costMethod: 'catalogue', reason: null });
    const opportunity = t.ok('sales.createOpportunity', { companyId: acme.id, title: 'Cables', ownerUserId: sam.id });
    const quote = t.ok('sales.addQuoteItem', { opportunityId: opportunity.id, productId: w.cable.id, quantity: 2 });
    t.ok('stock.reserve', { quoteItemId: quote.items[0]!.id, locationId: w.main.id, qty: 2 });
    const won = t.ok('sales.winOpportunity', { id: opportunity.id, target: { kind: 'ticket', title: 'Cables', ownerUserId: w.tech.id } });
    const order = t.ok('sales.getSalesOrder', { id: won.id });
    t.ok('delivery.deliver', { method: 'deliver', lines: order.items.map((i) => ({ chargeId: i.chargeId })) });
    // Below minimum (Pia).
    t.ok('stock.createInventoryProduct', { productId: w.cable.id, locationId: w.shelf.id, bin: null, referenceNumber: null, min: 2, max: 5 });
    // An order of Pia's overdue, then its back order ageing (Pia); its e-mail to the vendor failing (Pia).
    const late = t.ok('purchasing.createOrder', { vendorId: vendor.id, expectedShipDate: '2026-01-20', lines: [{ productId: w.cable.id, qty: 10, locationId: w.main.id }] }, users.pia.token);
    t.ok('purchasing.submit', { id: late.id });
    t.clock.now = Date.UTC(2026, 0, 21, 9);
    t.app.sweepConditions();
    t.ok('purchasing.receive', { lines: [{ lineId: late.lines[0]!.id, qty: 4 }] });
    t.clock.now += 15 * 86_400_000;
    t.app.sweepConditions();
    const email = await t.app.callAsync('purchasing.emailOrder', { id: late.id, to: ['orders@ingram.example'], subject: 'Order', message: '', locale: 'en' }, t.token);
    expect(email.ok).toBe(false);

    const names = (sql: string) =>
      t.app.ctx.sqlite
        .prepare(sql)
        .all()
        .reduce<Record<string, string[]>>((by, r) => {
          const { event, name } = r as { event: string; name: string };
          by[event] = [...new Set([...(by[event] ?? []), name])].sort();
          return by;
        }, {});
    // Every event a row tells: its own and those of the same action it carries (details.also).
    const inApp = names(
      `SELECT n.event, u.username AS name FROM notifications n JOIN users u ON u.id = n.user_id
       UNION ALL SELECT json_extract(a.value, '$.event'), u.username FROM notifications n JOIN users u ON u.id = n.user_id, json_each(n.details, '$.also') a`,
    );
    const expected = {
      approvalNeeded: ['Ana'],
      rejected: ['Carla'],
      approved: ['Carla'],
      itemsNeedOrdering: ['Pia'],
      poSubmitted: ['Pia', 'tech'],
      itemsReceived: ['tech'],
      readyToDeliver: ['tech'],
      delivered: ['Carla', 'sam'],
      salesOrderFulfilled: ['sam'],
      belowMinimum: ['Pia'],
      poOverdue: ['Pia'],
      backOrderAgeing: ['Pia'],
      vendorEmailFailed: ['Pia'],
      rmaAuthorized: ['Carla', 'tech'],
      rmaReceived: ['Carla'],
      rmaSentToVendor: ['Carla'],
      rmaBack: ['Carla', 'tech'],
      rmaClosed: ['Carla'],
    };
    expect(inApp).toEqual(expected);
    // Every event was exercised (an e-mail given up: in 'gives up after the last attempt').
    expect(Object.keys(expected).sort()).toEqual(notificationEvents.filter((e) => e !== 'emailGivenUp').sort());
    // The same people by e-mail (each has an address, none muted): one message per reader per action, as in the bell.
    const mailed = names(`SELECT m.event, u.username AS name FROM mail_outbox m JOIN users u ON u.id = m.user_id ORDER BY m.id`);
    const firstEvents = names(`SELECT n.event, u.username AS name FROM notifications n JOIN users u ON u.id = n.user_id ORDER BY n.id`);
    expect(mailed).toEqual(firstEvents);
    expect(t.app.ctx.sqlite.prepare(`SELECT count(*) AS n FROM mail_outbox`).get()).toEqual(t.app.ctx.sqlite.prepare(`SELECT count(*) AS n FROM notifications`).get());
    expect(samToken).toBeTruthy();
  });
});
