// Admin › Backups: the backups in the host's folder, newest first, "Back up now", and restoring one. A
// restore replaces the whole database and signs everybody out, so its outcome is a dialog whose only way
// on is a reload.
import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconDatabase, IconDatabaseExport, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { backupReasons, type BackupInfo } from '@shared/contract/backups';
import { ConfirmModal } from '@renderer/lib/ConfirmModal';
import { csvLabels, ListPage, ListTable, useListView, type ListColumn } from '@renderer/lib/list';
import { useFormat } from '@renderer/lib/useFormat';
import { formatBytes } from '@shared/formats';
import { useBackups, useCreateBackup, useRestoreBackup } from './api';

export function BackupsPage() {
  const { t } = useTranslation(['backups', 'common']);
  const f = useFormat();
  const backups = useBackups();
  const create = useCreateBackup();
  const restore = useRestoreBackup();
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const known = backups.data?.schemaMigrations ?? Number.POSITIVE_INFINITY;
  const restored = restore.data;

  const columns: ListColumn<BackupInfo>[] = [
    { accessor: 'createdAt', title: t('columns.createdAt'), noWrap: true, alwaysShown: true, render: (b) => f.dateTimeSeconds(b.createdAt) },
    {
      accessor: 'reason',
      title: t('columns.reason'),
      csv: { labels: csvLabels(backupReasons, (reason) => t(`reasons.${reason}`)) },
      render: (b) => (
        <Badge variant="light" color={b.reason === 'manual' ? 'blue' : b.reason.startsWith('pre-') ? 'orange' : 'gray'} tt="none">
          {t(`reasons.${b.reason}`)}
        </Badge>
      ),
    },
    { accessor: 'size', title: t('columns.size'), textAlign: 'right', noWrap: true, render: (b) => formatBytes(b.size, f.formats) },
    {
      accessor: 'appVersion',
      title: t('columns.appVersion'),
      render: (b) => (
        <Group gap={6} wrap="nowrap">
          <Text span inherit ff="monospace">
            {b.appVersion}
          </Text>
          {b.schemaMigrations > known && (
            <Badge color="red" variant="outline" size="sm" tt="none">
              {t('newerThanApp')}
            </Badge>
          )}
        </Group>
      ),
    },
    { accessor: 'keyFile', title: t('columns.keyFile'), render: (b) => (b.keyFile ? t('keyFileIncluded') : t('keyFileNone')) },
    {
      accessor: 'actions',
      title: t('columns.actions'),
      textAlign: 'right',
      csv: false,
      alwaysShown: true,
      render: (b) => (
        <Button
          size="compact-sm"
          variant="light"
          color="red"
          leftSection={<IconRestore size={14} />}
          aria-label={t('restoreNamed', { when: f.dateTimeSeconds(b.createdAt) })}
          disabled={b.schemaMigrations > known}
          onClick={() => {
            restore.reset();
            setRestoring(b);
          }}
        >
          {t('restore')}
        </Button>
      ),
    },
  ];
  const view = useListView({ id: 'admin.backups', columns });
  const status = backups.data;

  return (
    <ListPage
      title={t('title')}
      description={t('description')}
      actions={
        <Button leftSection={<IconDatabaseExport size={16} />} loading={create.isPending} onClick={() => create.mutate({})} data-testid="back-up-now">
          {t('backUpNow')}
        </Button>
      }
      view={view}
      filters={
        status && (
          <Stack gap={2}>
            <Text size="sm" data-testid="backups-folder">
              {t('folder', { folder: status.folder })}
            </Text>
            <Text size="sm" c="dimmed">
              {status.nextScheduledAt === null ? t('scheduleOff') : t('nextScheduled', { when: f.dateTime(status.nextScheduledAt) })}{' '}
              <Anchor component={Link} to="/admin/settings" size="sm">
                {t('changeSettings')}
              </Anchor>
            </Text>
          </Stack>
        )
      }
    >
      <ListTable testId="backups-table" view={view} query={{ ...backups, data: status?.backups }} idAccessor="name" empty={{ icon: IconDatabase, title: t('empty') }} />
      {restoring && !restored && (
        <ConfirmModal
          title={t('restoreTitle', { when: f.dateTimeSeconds(restoring.createdAt) })}
          text={t('restoreText', { when: f.dateTimeSeconds(restoring.createdAt) })}
          confirmLabel={t('restoreConfirm')}
          color="red"
          loading={restore.isPending}
          error={restore.error}
          onClose={() => {
            if (!restore.isPending) setRestoring(null);
          }}
          onConfirm={() => restore.mutate({ name: restoring.name })}
        >
          <Text size="sm" c="dimmed">
            {t('restoreSteps')}
          </Text>
        </ConfirmModal>
      )}
      {restored && (
        <Modal opened onClose={() => window.location.reload()} withCloseButton={false} closeOnClickOutside={false} closeOnEscape={false} title={t('restoredTitle')}>
          <Stack>
            <Alert color="teal" icon={<IconCircleCheck size={20} />} data-testid="backup-restored">
              {t('restoredText', { when: f.dateTimeSeconds(restored.restored.createdAt), safety: f.dateTimeSeconds(restored.safetyBackup.createdAt) })}
            </Alert>
            <Text size="sm">{t('restoredNext')}</Text>
            <Group justify="flex-end">
              <Button onClick={() => window.location.reload()} data-autofocus>
                {t('reload')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </ListPage>
  );
}
