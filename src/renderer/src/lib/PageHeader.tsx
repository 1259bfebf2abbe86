// PageHeader — the title every screen opens with (an h1 for screen readers and tests) and its
// main actions on the right: <PageHeader title={t('…')} description={…} actions={<Button …/>} />
// The h1 takes keyboard focus when its screen opens (lib/focus.tsx), so it can be focused by script
// (tabIndex -1) but is not a Tab stop.
import { Group, Stack, Text, Title } from '@mantine/core';
import { useRef, type ReactNode } from 'react';
import { usePageHeadingFocus } from './focus';

export interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

export function PageHeader({ title, description, actions }: PageHeaderProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  usePageHeadingFocus(heading);
  return (
    // app-page-header: where a toast must never sit (its actions are what a user clicks next; e2e watchToasts).
    <Group justify="space-between" align="flex-start" mb="md" wrap="wrap" gap="sm" className="app-page-header">
      <Stack gap={2}>
        <Title order={1} size="h2" ref={heading} tabIndex={-1} className="app-page-heading">
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}
