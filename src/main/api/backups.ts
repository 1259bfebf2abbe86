import type { backupsContract } from '../../shared/contract/backups';
import { DomainError } from '../../shared/errors';
import type { BackupService } from '../backups/service';
import type { PartialHandlerTable } from './types';

/**
 * The backup channels, bound to the app's backup service by the composition root. Without one (a read
 * worker, which never serves them) they refuse.
 */
export function backupHandlers(backups: BackupService | null): PartialHandlerTable<keyof typeof backupsContract> {
  const service = (): BackupService => {
    if (!backups) throw new DomainError('BACKUP_FAILED', { reason: 'unavailable' });
    return backups;
  };
  return {
    'backups.list': () => service().list(),
    // Asynchronous (the backup API copies in steps); never inside a transaction: it reads the live file.
    'backups.create': () => service().create('manual'),
    // Asynchronous, and must not run inside a transaction: it writes the whole file through another connection.
    'backups.restore': (input) => service().restore({ name: input.name }),
  };
}
