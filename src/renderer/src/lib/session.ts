// Session state of this window (zustand; UI/session only, never database rows):
//   useSession((s) => s.user)   the signed-in user (permissions, isAdmin) or null
//   useSession((s) => s.demo)   true while a user still has the public demo password
//   useCan('stock.adjust')      whether the signed-in user may use a channel of that permission
//   can(user, permission)       the same outside React
// The main process enforces permissions on every call; these only hide what would be refused.
import { create } from 'zustand';
import type { User } from '@shared/contract/auth';
import type { ChannelPermission } from '@shared/contract/define';

export interface SessionState {
  /** False until auth.status has answered once. */
  known: boolean;
  needsSetup: boolean;
  demo: boolean;
  user: User | null;
  setStatus: (status: { needsSetup: boolean; demo: boolean; user: User | null }) => void;
  signedIn: (user: User) => void;
  signedOut: () => void;
}

export const useSession = create<SessionState>((set) => ({
  known: false,
  needsSetup: false,
  demo: false,
  user: null,
  setStatus: (status) => set({ known: true, ...status }),
  signedIn: (user) => set({ user, needsSetup: false }),
  signedOut: () => set({ user: null }),
}));

export function can(user: User | null, permission: ChannelPermission): boolean {
  if (permission === 'public') return true;
  if (!user) return false;
  if (permission === 'signedIn' || user.isAdmin) return true;
  return user.permissions.includes(permission);
}

export function useCan(permission: ChannelPermission): boolean {
  return useSession((s) => can(s.user, permission));
}
