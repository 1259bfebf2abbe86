// Calls of Admin › Backups.
import { useApiMutation, useApiQuery } from '@renderer/lib/query';

export const BACKUPS_KEY = ['backups'];

export const useBackups = () => useApiQuery(BACKUPS_KEY, 'backups.list', {});
export const useCreateBackup = () => useApiMutation('backups.create', { invalidate: [BACKUPS_KEY], successKey: 'backups:created' });
/** The page shows the outcome itself (a restore signs everybody out: the next step is a reload). */
export const useRestoreBackup = () => useApiMutation('backups.restore', { silentError: true, refetch: false });
