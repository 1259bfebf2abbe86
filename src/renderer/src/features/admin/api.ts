// Calls of the admin screens.
import type { ChannelInput } from '@shared/contract';
import { useApiMutation, useApiQuery } from '@renderer/lib/query';

const quiet = { silentError: true } as const;

export const useCreateUser = () => useApiMutation('users.create', { ...quiet, invalidate: [['users']], successKey: 'admin:users.created' });
export const useUpdateUser = () => useApiMutation('users.update', { ...quiet, invalidate: [['users'], ['locations']], successKey: 'admin:users.saved' });
export const useSetUserActive = () => useApiMutation('users.update', { invalidate: [['users'], ['locations']] });
/** The form shows the refusal itself; the page says whose password changed. */
export const useResetPassword = () => useApiMutation('users.resetPassword', { ...quiet, invalidate: [['users']] });
// Currency and rules show on every screen: refetch everything after a change.
export const useUpdateSettings = () => useApiMutation('settings.update', { ...quiet, successKey: 'admin:settings.saved' });
export const useAllLocations = () => useApiQuery(['locations'], 'locations.list', { includeVirtual: true, includeInactive: true });
/** Checking the ledger reads every move: run it when asked, not on each visit. */
export const useVerifyLedger = () => useApiMutation('stock.verifyLedger', { invalidate: [] });
export const useSmtp = () => useApiQuery(['smtp'], 'settings.getSmtp', {});
export const useUpdateSmtp = () => useApiMutation('settings.updateSmtp', { ...quiet, invalidate: [['smtp']], successKey: 'admin:smtp.saved' });
/** Sends through the saved server; the form shows the refusal itself (the SMTP server's reason). */
export const useTestSmtp = () => useApiMutation('settings.testSmtp', { ...quiet, invalidate: [] });
export const useRoles = () => useApiQuery(['users'], 'roles.list', {});
export const useSaveRole = () => useApiMutation('roles.save', { ...quiet, invalidate: [['users']], successKey: 'admin:roles.saved' });
export const useDeleteRole = () => useApiMutation('roles.delete', { invalidate: [['users']], successKey: 'admin:roles.deleted' });
export const useSaveApprovalLimit = () => useApiMutation('purchasing.saveApprovalLimit', { ...quiet, invalidate: [['users']], successKey: 'admin:tiers.saved' });
export const useDeleteApprovalLimit = () => useApiMutation('purchasing.deleteApprovalLimit', { invalidate: [['users']], successKey: 'admin:tiers.deleted' });
/** Every screen may gain or lose what a module shows: refetch everything after a change (as settings). */
export const useSetActivations = () => useApiMutation('activations.set', { ...quiet, successKey: 'admin:activations.saved' });
/** Admin › Notifications: how each event is told, and the e-mail outbox. */
export const useEventSettings = () => useApiQuery(['notificationSettings'], 'notifications.settings', {});
export const useSaveEventSettings = () => useApiMutation('notifications.saveSettings', { ...quiet, invalidate: [['notificationSettings']], successKey: 'admin:notices.saved' });
export const useMailOutbox = (input: ChannelInput<'notifications.outbox'>) => useApiQuery(['notifications', 'outbox'], 'notifications.outbox', input);
export const useRetryMail = () => useApiMutation('notifications.retryMail', { invalidate: [['notifications']], successKey: 'admin:notices.outbox.requeued' });
