import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@renderer/lib/useFormat';

interface Event {
  id: number;
  occurredAt: number;
  userName: string | null;
}

/** A document's history, newest first: when, who, and what the caller says happened. */
export function EventHistory<E extends Event>({ events, testId, describe }: { events: E[]; testId: string; describe: (event: E) => ReactNode }) {
  const { t } = useTranslation('common');
  const f = useFormat();
  return (
    <Stack gap="xs">
      <Text fw={700}>{t('history')}</Text>
      <Stack gap={4} data-testid={testId}>
        {events.map((e) => (
          <Text key={e.id} size="sm">
            <Text span c="dimmed" size="sm">
              {f.dateTime(e.occurredAt)} · {e.userName ?? '—'} ·{' '}
            </Text>
            {describe(e)}
          </Text>
        ))}
      </Stack>
    </Stack>
  );
}
