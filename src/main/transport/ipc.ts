// IPC transport: one ipcMain.handle per contract channel, in front of the same dispatch as HTTP, and
// the change event (CHANGE_EVENT) sent to every signed-in window after a mutation commits.
// The renderer never holds the session token: it lives here, per webContents, so a compromised
// page cannot read it. A window the user opens from a signed-in one (Ctrl or middle click on a link)
// gets a session of its own for the same user, made here (shareSession); no page can ask for one.
// New notifications of a signed-in user pop up as operating-system notifications (showDesktopNotice),
// once per user however many windows they have open, worded in the user's language.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames } from '@shared/contract';
import type { Result } from '@shared/errors';
import { CHANGE_EVENT, changeSeenBy } from '@shared/events';
import { errorResult } from '../api/dispatch';
import type { App } from '../app';

export type IpcMainLike = Pick<IpcMain, 'handle'>;

/** The parts of a window's webContents this transport uses; electron's WebContents satisfies it. */
export type SenderLike = Pick<IpcMainInvokeEvent['sender'], 'id' | 'once' | 'send' | 'isDestroyed'>;

/** The parts of an invoke event this transport reads; electron's IpcMainInvokeEvent satisfies it. */
export type InvokeEvent = {
  senderFrame: { url: string } | null;
  sender: SenderLike;
};

const signInChannels = new Set<string>(['auth.login', 'auth.setup']);

export interface IpcTransport {
  /** Stops forwarding change events. */
  stop: () => void;
  /** Signs `opened` in as the user of the window `openerId`, with a session of its own (none when the opener is signed out). */
  shareSession: (openerId: number, opened: SenderLike) => void;
}

export interface IpcOptions {
  /** Shows one notification by the operating system for the user of window `sender` (Electron's Notification). */
  showDesktopNotice?: (sender: SenderLike, notice: { title: string; body: string }) => void;
}

/** More new notifications than this in one change pop up as one summary (the bell lists them). */
const SHOWN_APART = 3;

/** Registers the handlers and starts forwarding changes. */
export function registerIpc(ipcMain: IpcMainLike, app: App, isTrustedSender: (url: string) => boolean, options: IpcOptions = {}): IpcTransport {
  const tokens = new Map<number, string>();
  const watched = new Set<number>();
  /** The webContents of each signed-in window, by id: where change events go. */
  const windows = new Map<number, SenderLike>();
  /** Per user, the last notification already popped up (or there when they signed in: those are not new). */
  const announced = new Map<number, number>();

  function forget(senderId: number): void {
    const token = tokens.get(senderId);
    // Signed out, the user's pop-ups start again from where their notifications stand at the next sign-in.
    const userId = app.sessions.peek(token ?? null);
    if (userId !== null) announced.delete(userId);
    if (token) app.sessions.end(token);
    tokens.delete(senderId);
    windows.delete(senderId);
  }

  function remember(sender: SenderLike, token: string, signedIn = false): void {
    const id = sender.id;
    const previous = tokens.get(id);
    if (previous && previous !== token) app.sessions.end(previous);
    tokens.set(id, token);
    windows.set(id, sender);
    const userId = app.sessions.peek(token);
    // What waited while the user was away (or before a restore) is in the bell, not popped up; a window
    // opened from a signed-in one keeps its place.
    if (options.showDesktopNotice && userId !== null && (signedIn || !announced.has(userId))) announced.set(userId, app.desktopNotices(userId, null).lastId);
    if (!watched.has(id)) {
      watched.add(id);
      sender.once('destroyed', () => {
        forget(id);
        watched.delete(id);
      });
    }
  }

  async function handle(channel: string, event: InvokeEvent, input: unknown): Promise<Result<unknown>> {
    const url = event.senderFrame?.url;
    if (!url || !isTrustedSender(url)) return errorResult('FORBIDDEN', { reason: 'untrustedSender' });
    const senderId = event.sender.id;
    let result: Result<unknown>;
    try {
      // One desktop user at one keyboard: sign-in throttling counts all windows as one address.
      result = await app.dispatch(channel, input, tokens.get(senderId) ?? null, 'local');
    } catch (error) {
      // A throw would reach the renderer as a rejected promise carrying our message; errors cross as data.
      app.log.error('Unexpected error on an IPC channel', error, { channel });
      return errorResult('INTERNAL');
    }
    // Even a failed logout (an expired session) must leave this window signed out.
    if (channel === 'auth.logout') forget(senderId);
    if (result.ok && signInChannels.has(channel)) {
      const { token, ...answer } = result.data as { token: string };
      remember(event.sender, token, true);
      return { ok: true, data: answer };
    }
    return result;
  }

  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, input: unknown) => handle(channel, event, input));
  }

  // Every window whose session is live (and whose user is still active) learns of every committed
  // change, its own included; a signed-out or closing window learns nothing.
  const stop = app.onChange((change) => {
    const toldUsers = new Set(change.notified ?? []);
    for (const [id, contents] of windows) {
      if (contents.isDestroyed()) {
        windows.delete(id);
        continue;
      }
      const userId = app.liveUser(tokens.get(id) ?? null);
      if (userId === null) continue;
      try {
        contents.send(CHANGE_EVENT, changeSeenBy(change, userId));
      } catch (error) {
        // A window torn down between the check and the send must not keep the others from hearing.
        console.error('Could not send a change event to a window', error);
      }
      if (toldUsers.delete(userId)) popUp(userId, contents);
    }
  });

  /** The user's notifications since the last pop-up, by the operating system: a few apart, many as one. */
  function popUp(userId: number, contents: SenderLike): void {
    if (!options.showDesktopNotice) return;
    try {
      const { lastId, notices } = app.desktopNotices(userId, announced.get(userId) ?? null);
      announced.set(userId, lastId);
      if (notices.length === 0) return;
      const shown = notices.length > SHOWN_APART ? [{ title: notices[0]!.title, body: notices.map((n) => n.body.split('\n')[0]).join('\n') }] : notices;
      for (const n of shown) options.showDesktopNotice(contents, { title: n.title, body: n.body });
    } catch (error) {
      app.log.error('Could not show a desktop notification', error);
    }
  }
  return {
    stop,
    shareSession(openerId, opened) {
      const userId = app.sessions.peek(tokens.get(openerId) ?? null);
      if (userId === null || opened.isDestroyed()) return;
      remember(opened, app.sessions.create(userId));
    },
  };
}
