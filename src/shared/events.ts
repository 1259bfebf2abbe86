// Live change events: what the host tells every connected client after a mutation commits (the serve
// host over GET /api/events, the desktop app over the IPC event below). Type-only imports, so the
// preload can take the event name without bundling the contract.
import type { Area, ChannelName } from './contract';

/** The IPC event the desktop main process sends to each signed-in window. */
export const CHANGE_EVENT = 'app:change';

/** What a committed mutation changed. */
export interface ChangeEvent {
  /** The channel's declared `changes` (never empty). */
  areas: readonly Area[];
  /** Who made the change; null when the call had no session (a first setup). */
  userId: number | null;
  /** When it committed, by the host's clock (ms). */
  at: number;
  /** The mutation; null for the host's own work (the sweep that tells what became overdue). */
  channel: ChannelName | null;
  /** Users the change notified (their bells refresh; `notifications` is then among the areas). */
  notified?: readonly number[];
}

/**
 * The change as one client may see it: of the users notified, only itself (whom the office tells of
 * what — which approvers cover an amount — is not every client's business).
 */
export function changeSeenBy(change: ChangeEvent, userId: number | null): ChangeEvent {
  if (!change.notified) return change;
  const { notified, ...rest } = change;
  return userId !== null && notified.includes(userId) ? { ...rest, notified: [userId] } : rest;
}
