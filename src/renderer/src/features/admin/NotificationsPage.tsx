// Admin › Notifications: for each event, whether it is told, on which channels (in the app, a desktop
// pop-up, e-mail) and to whom (the document's people by kind, and named users); below, the e-mail outbox —
// what waits for its next attempt, what was sent, what was given up and why — with "Send again".
import { Alert, Anchor, Badge, Button, Checkbox, Group, MultiSelect, Paper, SegmentedControl, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '@shared/contract';
import { eventRecipients, neverEmailed, outboxStatuses, type EventSetting, type OutboxMail } from '@shared/contract/notifications';
import { AppLink } from '@renderer/lib/AppLink';
import { translateError } from '@renderer/lib/errors';
import { csvLabels, ListTable, useListView, useServerPager, useServerTable, type ListColumn } from '@renderer/lib/list';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useFormat } from '@renderer/lib/useFormat';
import { useUsers } from '@renderer/lib/lookups';
import { useEventSettings, useMailOutbox, useRetryMail, useSaveEventSettings, useSmtp } from './api';

export function NotificationsPage() {
  const { t } = useTranslation(['admin', 'common']);
  return (
    <Stack gap="md">
      <PageHeader title={t('notices.title')} description={t('notices.description')} />
      <EventSettings />
      <Outbox />
    </Stack>
  );
}

function EventSettings() {
  const { t } = useTranslation(['admin', 'common']);
  const saved = useEventSettings().data;
  const save = useSaveEventSettings();
  const smtp = useSmtp().data;
  const users = useUsers().data ?? [];
  const [edited, setEdited] = useState<EventSetting[] | null>(null);
  const rows = edited ?? saved ?? [];
  const dirty = edited !== null && JSON.stringify(edited) !== JSON.stringify(saved);
  const change = (event: EventSetting['event'], patch: Partial<EventSetting>) => {
    setEdited(rows.map((r) => (r.event === event ? { ...r, ...patch } : r)));
    save.reset();
  };
  // Inactive users stay listed (marked) so one named before it was deactivated can be seen and removed.
  const userOptions = users.map((u) => ({ value: String(u.id), label: u.active ? u.displayName : `${u.displayName} (${t('common:inactive')})` }));
  return (
    <Paper withBorder p="lg" radius="sm">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (edited) save.mutate({ events: edited }, { onSuccess: () => setEdited(null) });
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h4">
            {t('notices.events')}
          </Title>
          {smtp && (!smtp.host.trim() || !smtp.fromAddress.trim()) && (
            <Alert color="yellow" data-testid="notices-no-smtp">
              {t('notices.noSmtp')}{' '}
              <Anchor component={AppLink} to="/admin/settings" inherit>
                {t('nav.settings')}
              </Anchor>
            </Alert>
          )}
          <Table.ScrollContainer minWidth={980}>
            <Table verticalSpacing="sm" data-testid="notice-settings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('notices.event')}</Table.Th>
                  <Table.Th>{t('notices.on')}</Table.Th>
                  <Table.Th>{t('notices.inApp')}</Table.Th>
                  <Table.Th>{t('notices.desktop')}</Table.Th>
                  <Table.Th>{t('notices.email')}</Table.Th>
                  <Table.Th>{t('notices.recipients')}</Table.Th>
                  <Table.Th>{t('notices.named')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => {
                  const name = t(`notices.eventNames.${r.event}`);
                  return (
                    <Table.Tr key={r.event} data-testid={`notice-${r.event}`}>
                      <Table.Td maw={260}>
                        <Text size="sm" fw={500}>
                          {name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`notices.eventHints.${r.event}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Switch checked={r.enabled} onChange={(e) => change(r.event, { enabled: e.currentTarget.checked })} aria-label={t('notices.onFor', { event: name })} />
                      </Table.Td>
                      <Table.Td>
                        <Checkbox disabled={!r.enabled} checked={r.inApp} onChange={(e) => change(r.event, { inApp: e.currentTarget.checked })} aria-label={t('notices.inAppFor', { event: name })} />
                      </Table.Td>
                      <Table.Td>
                        {/* A pop-up announces an in-app notification: without one there is nothing to pop up. */}
                        <Checkbox
                          disabled={!r.enabled || !r.inApp}
                          checked={r.inApp && r.desktop}
                          onChange={(e) => change(r.event, { desktop: e.currentTarget.checked })}
                          aria-label={t('notices.desktopFor', { event: name })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Checkbox
                          disabled={!r.enabled || neverEmailed.includes(r.event)}
                          checked={r.email}
                          onChange={(e) => change(r.event, { email: e.currentTarget.checked })}
                          aria-label={t('notices.emailFor', { event: name })}
                        />
                      </Table.Td>
                      <Table.Td miw={220}>
                        {/* Left editable while the event is off: its recipients can be set before it is switched on. */}
                        <MultiSelect
                          size="xs"
                          aria-label={t('notices.recipientsFor', { event: name })}
                          data={eventRecipients[r.event].offered.map((k) => ({ value: k, label: t(`notices.kinds.${k}`) }))}
                          value={r.recipients}
                          onChange={(v) => change(r.event, { recipients: v as EventSetting['recipients'] })}
                          placeholder={r.recipients.length === 0 ? t('notices.nobody') : undefined}
                        />
                      </Table.Td>
                      <Table.Td miw={200}>
                        <MultiSelect
                          size="xs"
                          searchable
                          aria-label={t('notices.namedFor', { event: name })}
                          data={userOptions}
                          value={r.userIds.map(String)}
                          onChange={(v) => change(r.event, { userIds: v.map(Number) })}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {save.error !== null && (
            <Alert color="red" data-testid="notices-error">
              {translateError(save.error)}
            </Alert>
          )}
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('notices.actorNotTold')}
            </Text>
            <Group>
              <Button variant="default" disabled={!dirty} onClick={() => (setEdited(null), save.reset())}>
                {t('settings.discard')}
              </Button>
              <Button type="submit" disabled={!dirty} loading={save.isPending} data-testid="notices-save">
                {t('notices.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

type OutboxPage = ChannelOutput<'notifications.outbox'>;
const statusColor: Record<OutboxMail['status'], string> = { queued: 'yellow', sent: 'green', failed: 'red' };

function Outbox() {
  const { t } = useTranslation(['admin', 'common']);
  const f = useFormat();
  const [status, setStatus] = useState<'all' | OutboxMail['status']>('all');
  const table = useServerTable<'createdAt'>({ sortBy: 'createdAt', sortDirection: 'desc', filters: status });
  const query = useMailOutbox({ ...table.input, ...(status === 'all' ? {} : { status }) });
  const retry = useRetryMail();
  const page: OutboxPage | undefined = query.data;
  const pager = useServerPager(table, page?.total ?? 0, page?.totalCapped);
  const columns: ListColumn<OutboxMail>[] = [
    { accessor: 'createdAt', title: t('notices.outbox.created'), render: (m) => f.dateTime(m.createdAt), width: 150 },
    {
      accessor: 'to',
      title: t('notices.outbox.to'),
      alwaysShown: true,
      csv: [{ field: 'recipientName', header: t('notices.outbox.recipient') }, {}],
      render: (m) => (
        <div>
          <Text size="sm">{m.recipientName ?? m.to}</Text>
          {m.recipientName && (
            <Text size="xs" c="dimmed">
              {m.to}
            </Text>
          )}
        </div>
      ),
    },
    { accessor: 'subject', title: t('notices.outbox.subject'), truncate: 360 },
    {
      accessor: 'status',
      title: t('notices.outbox.status'),
      csv: { labels: csvLabels(outboxStatuses, (s) => t(`notices.outbox.statuses.${s}`)) },
      render: (m) => (
        <Badge color={statusColor[m.status]} variant="light">
          {t(`notices.outbox.statuses.${m.status}`)}
        </Badge>
      ),
    },
    { accessor: 'attempts', title: t('notices.outbox.attempts'), textAlign: 'right' },
    {
      accessor: 'when',
      title: t('notices.outbox.when'),
      csv: [
        { field: 'sentAt', header: t('notices.outbox.sentColumn') },
        { field: 'nextAttemptAt', header: t('notices.outbox.nextColumn') },
      ],
      render: (m) =>
        m.status === 'sent' && m.sentAt !== null
          ? t('notices.outbox.sentAt', { at: f.dateTime(m.sentAt) })
          : m.nextAttemptAt !== null
            ? t('notices.outbox.nextAt', { at: f.dateTime(m.nextAttemptAt) })
            : '',
    },
    { accessor: 'lastError', title: t('notices.outbox.reason'), truncate: 300, render: (m) => m.lastError ?? '' },
    {
      accessor: 'actions',
      title: '',
      width: 120,
      render: (m) =>
        m.status !== 'sent' && (
          <Button size="compact-xs" variant="light" onClick={() => retry.mutate({ ids: [m.id] })} aria-label={t('notices.outbox.retryOne', { to: m.to })}>
            {t('notices.outbox.retry')}
          </Button>
        ),
    },
  ];
  const view = useListView({ id: 'admin.outbox', columns });
  return (
    <Paper withBorder p="lg" radius="sm">
      <Stack gap="md">
        <Group justify="space-between">
          <div>
            <Title order={2} size="h4">
              {t('notices.outbox.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('notices.outbox.description')}
            </Text>
          </div>
          <Group gap="xs">
            {page && page.failed > 0 && (
              <Badge color="red" size="lg" variant="light" data-testid="outbox-failed">
                {t('notices.outbox.failedCount', { count: page.failed })}
              </Badge>
            )}
            {page && page.waiting > 0 && (
              <Badge color="yellow" size="lg" variant="light" data-testid="outbox-waiting">
                {t('notices.outbox.waitingCount', { count: page.waiting })}
              </Badge>
            )}
            <Button variant="default" disabled={!page || page.failed + page.waiting === 0} loading={retry.isPending} onClick={() => retry.mutate({ all: true })} data-testid="outbox-retry-all">
              {t('notices.outbox.retryAll')}
            </Button>
          </Group>
        </Group>
        <SegmentedControl
          w="fit-content"
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          aria-label={t('notices.outbox.status')}
          data={(['all', 'queued', 'failed', 'sent'] as const).map((s) => ({ value: s, label: s === 'all' ? t('common:all') : t(`notices.outbox.statuses.${s}`) }))}
        />
        <ListTable
          testId="outbox-table"
          view={view}
          query={{ ...query, data: page?.rows }}
          total={page?.total}
          pager={pager}
          empty={{ icon: IconMail, title: t('notices.outbox.empty'), description: t('notices.outbox.emptyHint') }}
        />
      </Stack>
    </Paper>
  );
}
