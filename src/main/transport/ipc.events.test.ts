// Desktop change events without Electron: a fake ipcMain and fake windows (their webContents) in front
// of a real app. A mutation in one window reaches every signed-in window, and no other.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '@shared/errors';
import { CHANGE_EVENT, type ChangeEvent } from '@shared/events';
import { createTestApp, seedWorld, type TestApp } from '../testing/harness';
import { APP_ORIGIN, isAppUrl } from '../window';
import { registerIpc, type IpcMainLike } from './ipc';

type Handler = (event: unknown, input: unknown) => unknown;

/** A window's webContents as the transport sees it: an id, `destroyed`, send and isDestroyed. */
class FakeWebContents extends EventEmitter {
  readonly sent: [string, ChangeEvent][] = [];
  destroyed = false;
  failSend = false;
  constructor(readonly id: number) {
    super();
  }
  send(channel: string, payload: ChangeEvent): void {
    if (this.destroyed || this.failSend) throw new Error('Object has been destroyed');
    this.sent.push([channel, payload]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Closing a window: Electron marks it destroyed, then emits `destroyed`. */
  close(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
  changes(): ChangeEvent[] {
    return this.sent.filter(([name]) => name === CHANGE_EVENT).map(([, change]) => change);
  }
}

class FakeWindow {
  readonly webContents: FakeWebContents;
  constructor(id: number) {
    this.webContents = new FakeWebContents(id);
  }
}

let t: TestApp;
let world: ReturnType<typeof seedWorld>;
let handlers: Map<string, Handler>;
let stopForwarding: () => void;
let nextId = 1;

function invoke(window: FakeWindow, channel: string, input: unknown): Promise<Result<any>> {
  const handler = handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return Promise.resolve(handler({ sender: window.webContents, senderFrame: { url: `${APP_ORIGIN}/index.html` } }, input)) as Promise<Result<any>>;
}

async function signedInWindow(username: string, password: string): Promise<FakeWindow> {
  const window = new FakeWindow(nextId++);
  const answer = await invoke(window, 'auth.login', { username, password });
  expect(answer.ok, `${username} signs in`).toBe(true);
  return window;
}

const asAdmin = () => signedInWindow('admin', 'correct horse battery');
const asTech = () => signedInWindow('tech', 'tech-password');

beforeEach(() => {
  t = createTestApp();
  world = seedWorld(t);
  handlers = new Map();
  const ipcMain = { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) } as unknown as IpcMainLike;
  stopForwarding = registerIpc(ipcMain, t.app, isAppUrl).stop;
});

afterEach(() => {
  stopForwarding();
  t.close();
});

describe('IPC change events', () => {
  it('sends a mutation in one window to every signed-in window, its own included, and to no other', async () => {
    const acting = await asAdmin();
    const otherAdmin = await asAdmin();
    const tech = await asTech();
    const neverSignedIn = new FakeWindow(nextId++);
    expect((await invoke(neverSignedIn, 'auth.status', {})).ok).toBe(true);
    const failedSignIn = new FakeWindow(nextId++);
    expect((await invoke(failedSignIn, 'auth.login', { username: 'admin', password: 'wrong password!' })).ok).toBe(false);
    const signedOut = await asTech();
    expect((await invoke(signedOut, 'auth.logout', {})).ok).toBe(true);

    const created = await invoke(acting, 'locations.create', { name: 'Back room', kind: 'shelf' });
    expect(created.ok).toBe(true);
    const adminId = t.app.sessions.peek(t.token);
    const expected = [{ areas: ['locations'], userId: adminId, at: t.clock.now, channel: 'locations.create' }];
    for (const window of [acting, otherAdmin, tech]) expect(window.webContents.changes(), `window ${window.webContents.id}`).toEqual(expected);
    for (const window of [neverSignedIn, failedSignIn, signedOut]) expect(window.webContents.sent, `window ${window.webContents.id}`).toEqual([]);

    // The technician's own change names the technician; queries and refused calls send nothing.
    expect((await invoke(tech, 'stock.transfer', { fromLocationId: world.main.id, toLocationId: world.shelf.id, lines: [{ productId: world.cable.id, qty: 1 }] })).ok).toBe(false);
    expect((await invoke(tech, 'stock.add', { productId: world.cable.id, locationId: world.main.id, qty: 1, costMethod: 'catalogue' })).ok).toBe(false);
    expect((await invoke(tech, 'stock.listInventoryProducts', {})).ok).toBe(true);
    expect(otherAdmin.webContents.changes()).toHaveLength(1);
    expect((await invoke(acting, 'stock.add', { productId: world.cable.id, locationId: world.main.id, qty: 3, costMethod: 'catalogue', reason: null })).ok).toBe(true);
    expect((await invoke(tech, 'stock.transfer', { fromLocationId: world.main.id, toLocationId: world.shelf.id, lines: [{ productId: world.cable.id, qty: 1 }] })).ok).toBe(true);
    expect(otherAdmin.webContents.changes().map((c) => [c.channel, c.userId])).toEqual([
      ['locations.create', adminId],
      ['stock.add', adminId],
      ['stock.transfer', world.tech.id],
    ]);
  });

  it('skips destroyed windows, whether or not Electron has told yet, and keeps sending to the others', async () => {
    const closed = await asAdmin();
    const dying = await asAdmin();
    const broken = await asAdmin();
    const alive = await asTech();
    closed.webContents.close();
    // Marked destroyed, `destroyed` not yet emitted: sending would throw.
    dying.webContents.destroyed = true;
    broken.webContents.failSend = true;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect((await invoke(alive, 'auth.changePassword', { currentPassword: 'tech-password', newPassword: 'a brand new password' })).ok).toBe(true);
    expect(alive.webContents.changes().map((c) => c.channel)).toEqual(['auth.changePassword']);
    for (const window of [closed, dying, broken]) expect(window.webContents.changes()).toEqual([]);
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });

  it("stops sending to a window once its session ends or its user is deactivated", async () => {
    const admin = await asAdmin();
    const tech = await asTech();
    expect((await invoke(admin, 'users.update', { id: world.tech.id, displayName: 'Tech One', permissions: ['inventory.view'], isAdmin: false, active: false })).ok).toBe(true);
    expect(admin.webContents.changes().map((c) => c.channel)).toEqual(['users.update']);
    expect(tech.webContents.changes()).toEqual([]);
    expect((await invoke(admin, 'auth.logout', {})).ok).toBe(true);
    t.ok('catalog.saveCategory', { name: 'Docks' });
    expect(admin.webContents.changes().map((c) => c.channel)).toEqual(['users.update']);
  });

  it('stops forwarding when the returned function is called', async () => {
    const admin = await asAdmin();
    stopForwarding();
    t.ok('catalog.saveCategory', { name: 'Docks' });
    expect(admin.webContents.sent).toEqual([]);
  });
});

describe('desktop pop-ups', () => {
  let shown: Array<{ window: number; title: string; body: string }>;
  beforeEach(() => {
    shown = [];
    stopForwarding();
    handlers = new Map();
    const ipcMain = { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) } as unknown as IpcMainLike;
    stopForwarding = registerIpc(ipcMain, t.app, isAppUrl, { showDesktopNotice: (sender, notice) => shown.push({ window: sender.id, ...notice }) }).stop;
    // Charges to order are told to the technician by name (Spanish: the default language).
    const setting = t.ok('notifications.settings', {}).find((s) => s.event === 'itemsNeedOrdering')!;
    t.ok('notifications.saveSettings', { events: [{ ...setting, recipients: [], userIds: [world.tech.id] }] });
  });
  const container = () => {
    const acme = t.ok('catalog.createCompany', { name: `Acme ${nextId}`, isClient: true });
    return t.ok('sales.createContainer', { kind: 'ticket', title: 'Cables', companyId: acme.id });
  };
  const chargeToOrder = (ticketId: number) => t.ok('sales.createCharge', { containerId: ticketId, productId: world.cable.id, quantity: 2 });

  it('pops up once per user however many windows, in their language, only what is new, and tells no other window who was told', async () => {
    const ticket = container();
    const admin = await asAdmin();
    const tech = await asTech();
    const techAgain = await asTech();
    const first = chargeToOrder(ticket.id);
    expect(shown).toEqual([{ window: tech.webContents.id, title: 'MSP Inventory', body: `Hay que pedir ${first.number}` }]);
    // Who was told is the told user's business only.
    expect(tech.webContents.changes().at(-1)!.notified).toEqual([world.tech.id]);
    expect(techAgain.webContents.changes().at(-1)!.notified).toEqual([world.tech.id]);
    expect(admin.webContents.changes().at(-1)).not.toHaveProperty('notified');
    expect(admin.webContents.changes().at(-1)!.areas).toContain('notifications');

    // Signed out everywhere, then back: what came meanwhile is in the bell, not popped up.
    await invoke(tech, 'auth.logout', {});
    await invoke(techAgain, 'auth.logout', {});
    chargeToOrder(ticket.id);
    chargeToOrder(ticket.id);
    expect(shown).toHaveLength(1);
    const back = await asTech();
    expect(shown).toHaveLength(1);
    const next = chargeToOrder(ticket.id);
    expect(shown.map((s) => [s.window, s.body])).toEqual([
      [tech.webContents.id, `Hay que pedir ${first.number}`],
      [back.webContents.id, `Hay que pedir ${next.number}`],
    ]);
  });
});
