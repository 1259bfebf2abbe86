// DetailField — one labelled value of a document's header card (a PO's vendor, a delivery's carrier):
// <DetailField label={t('po.vendor')}>{order.vendorName}</DetailField>; `dash` stands for no value.
import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function DetailField({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <div style={{ fontSize: 'var(--mantine-font-size-sm)' }}>{children}</div>
    </Stack>
  );
}

export const dash = (
  <Text span c="dimmed" size="sm">
    —
  </Text>
);
