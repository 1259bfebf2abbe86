import type { backupsContract } from '@shared/contract/backups';
import { DomainError } from '@shared/errors';
import type { BackupService } from '../backups/service';
import { ioHandler } from './io';
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
    // Only I/O and no transaction at all: the backup API copies the live file in steps.
    'backups.create': ioHandler({ before: () => service().create('manual') }),
    // Only I/O and no transaction at all: it writes the whole file through another connection.
    'backups.restore': ioHandler({ before: (input) => service().restore({ name: input.name }) }),
  };
}
