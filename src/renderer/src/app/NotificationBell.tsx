// The bell in the header: how many of the signed-in user's notifications are unread (refreshed by the
// change events that name the notifications area), and the latest ones with links to their documents.
// Opening one marks it read; "Mark all read" clears the count.
import { ActionIcon, Anchor, Badge, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell, IconSettings } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Notification, NotifiedDocument } from '@shared/contract/notifications';
import { call } from '../lib/api';
import { alertChannel, currentEnvironment, mayAskPermission } from '../lib/desktopAlert';
import { notify } from '../lib/notify';
import { useApiMutation, useApiQuery } from '../lib/query';
import { FormatProvider, useFormat } from '../lib/useFormat';
import { MyNotificationSettings } from './MyNotificationSettings';

const LATEST = { pageSize: 15 };

const paths: Record<NotifiedDocument['type'], (id: number) => string> = {
  charge: (id) => `/sales/charges/${id}`,
  purchaseOrder: (id) => `/purchasing/orders/${id}`,
  salesOrder: (id) => `/sales/orders/${id}`,
  // A product below its minimum: reorder suggestions say what to order or transfer.
  inventoryProduct: () => '/purchasing/suggestions',
  // An e-mail given up: the outbox says why and sends it again.
  mailOutbox: () => '/admin/notifications',
  rma: (id) => `/sales/rma/${id}`,
};
const hrefOf = (d: NotifiedDocument) => paths[d.type](d.id);

/** In the header, outside the screens' FormatProvider (routes.tsx): it brings its own for the times it shows. */
export function NotificationBell() {
  return (
    <FormatProvider>
      <Bell />
    </FormatProvider>
  );
}

function Bell() {
  const { t } = useTranslation('common');
  const f = useFormat();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [settingsShown, setSettingsShown] = useState(false);
  const unread = useApiQuery(['notifications'], 'notifications.unreadCount', {}).data?.unread;
  const count = unread ?? 0;
  useAnnounceNew(unread);
  const [askable, setAskable] = useState(() => mayAskPermission(currentEnvironment()));
  const latest = useApiQuery(['notifications'], 'notifications.list', LATEST, { enabled: opened });
  const markRead = useApiMutation('notifications.markRead', { invalidate: [['notifications']] });
  const open = (n: Notification, d: NotifiedDocument) => {
    if (n.readAt === null) markRead.mutate({ ids: [n.id] });
    setOpened(false);
    void navigate(hrefOf(d));
  };
  const rows = latest.data?.rows ?? [];
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" withinPortal>
      {/* The target is the button itself (it takes aria-expanded); the count decorates it. */}
      <Indicator label={count > 99 ? '99+' : count} size={16} disabled={count === 0} offset={4} color="red" data-testid="bell-count">
        <Popover.Target>
          <ActionIcon variant="default" size="lg" onClick={() => setOpened((o) => !o)} aria-label={t('notifications.bell', { count })} data-testid="bell">
            <IconBell size={18} />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p={0} data-testid="notifications">
        <Group justify="space-between" px="sm" py="xs" wrap="nowrap">
          <Text fw={700} size="sm">
            {t('notifications.title')}
          </Text>
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" variant="subtle" disabled={count === 0} loading={markRead.isPending} onClick={() => markRead.mutate({ all: true })}>
              {t('notifications.markAllRead')}
            </Button>
            <ActionIcon
              variant={settingsShown ? 'light' : 'subtle'}
              size="sm"
              onClick={() => setSettingsShown((s) => !s)}
              aria-label={t('notifications.mine.title')}
              aria-expanded={settingsShown}
              data-testid="my-notifications-toggle"
            >
              <IconSettings size={16} />
            </ActionIcon>
          </Group>
        </Group>
        {settingsShown && <MyNotificationSettings />}
        {askable && (
          <Button
            size="compact-xs"
            variant="light"
            mx="sm"
            mb="xs"
            onClick={() => void Notification.requestPermission().then(() => setAskable(mayAskPermission(currentEnvironment())))}
          >
            {t('notifications.enableDesktop')}
          </Button>
        )}
        <ScrollArea.Autosize mah={420}>
          {rows.length === 0 ? (
            <Text size="sm" c="dimmed" px="sm" pb="sm">
              {latest.isLoading ? t('loading') : t('notifications.empty')}
            </Text>
          ) : (
            <Stack gap={0}>
              {rows.map((n) => (
                <UnstyledButton
                  key={n.id}
                  px="sm"
                  py={8}
                  onClick={() => open(n, n.documents[0]!)}
                  style={{ borderTop: '1px solid var(--mantine-color-default-border)', background: n.readAt === null ? 'var(--mantine-primary-color-light)' : undefined }}
                  data-testid="notification"
                  data-unread={n.readAt === null}
                >
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Stack gap={2}>
                      <Text size="sm" fw={n.readAt === null ? 600 : 400}>
                        {notificationText(t, n)}
                      </Text>
                      {n.also.map((part) => (
                        <Text key={part.event} size="sm" fw={n.readAt === null ? 600 : 400} data-testid="notification-also">
                          {notificationText(t, part)}
                        </Text>
                      ))}
                      {n.note && (
                        <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                          {n.note}
                        </Text>
                      )}
                      {n.documents.length > 1 && (
                        <Group gap={6}>
                          {n.documents.map((d) => (
                            <Anchor
                              key={`${d.type}:${d.id}`}
                              size="xs"
                              component="span"
                              onClick={(e: React.MouseEvent) => {
                                e.stopPropagation();
                                open(n, d);
                              }}
                            >
                              {d.number}
                            </Anchor>
                          ))}
                        </Group>
                      )}
                      <Text size="xs" c="dimmed">
                        {n.byName ? `${f.dateTime(n.createdAt)} · ${n.byName}` : f.dateTime(n.createdAt)}
                      </Text>
                    </Stack>
                    {n.readAt === null && (
                      <Badge size="xs" variant="filled" color="red" aria-label={t('notifications.unread')}>
                        {t('notifications.new')}
                      </Badge>
                    )}
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}

/**
 * When the unread count grows (a change event refetched it), the newest notification is announced: by the
 * operating system where the page may (desktop app, allowed localhost page), else as a toast. The first
 * count after sign-in announces nothing: those are not new to this window.
 */
function useAnnounceNew(unread: number | undefined): void {
  const { t } = useTranslation('common');
  const seen = useRef<number | undefined>(undefined);
  useEffect(() => {
    const before = seen.current;
    seen.current = unread;
    if (unread === undefined || before === undefined || unread <= before) return;
    void call('notifications.list', { unread: true, pageSize: 1 }).then((page) => {
      const newest = page.rows[0];
      // Events an administrator keeps off the desktop stay in the bell.
      if (!newest?.desktop) return;
      const text = [newest, ...newest.also].map((part) => notificationText(t, part)).join(' · ');
      const channel = alertChannel(currentEnvironment());
      if (channel === 'system') new Notification(t('appName'), { body: text, tag: `notification-${newest.id}` });
      else if (channel === 'toast') notify.info('common:notifications.toast', { text });
    });
  }, [unread, t]);
}

/** The sentence of a notification in the reader's language: what happened, to which document, by whom. */
export function notificationText(t: TFunction<'common'>, n: Pick<Notification, 'event' | 'documents' | 'count' | 'byName'>): string {
  const first = n.documents[0];
  const values = { number: first?.number ?? '', count: n.count, by: n.byName ?? t('notifications.someone') };
  return t(`notifications.events.${n.event}.${n.count > 1 ? 'many' : 'one'}`, values);
}
