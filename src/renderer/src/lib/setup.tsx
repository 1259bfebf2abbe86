// What the office has set up so far (settings.setupStatus): the first-run checklist's steps, and the counts
// empty screens use to lead to what must exist first (a location before stock, a vendor before an order).
import { Anchor, Button, Group, Paper, Progress, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EmptyStateProps } from './EmptyState';
import { useApiQuery } from './query';
import { useCan } from './session';

export const useSetupStatus = () => useApiQuery(['settings'], 'settings.setupStatus', {});

/** What a screen needs before it can have rows, in the order to create them. */
export type Prerequisite = 'locations' | 'twoLocations' | 'products' | 'vendors';

/**
 * The empty state of a list whose rows need something that does not exist yet: names it and links to where
 * it is made. Undefined while the counts load, or once everything needed exists (the list's own empty state).
 */
export function usePrerequisiteEmpty(needs: readonly Prerequisite[]): EmptyStateProps | undefined {
  const { t } = useTranslation('common');
  const status = useSetupStatus();
  const mayCreateLocations = useCan('locations.manage');
  const mayEditCatalog = useCan('catalog.manage');
  const counts = status.data?.counts;
  if (!counts) return undefined;
  const missing = needs.find((n) => (n === 'locations' ? counts.locations === 0 : n === 'twoLocations' ? counts.locations < 2 : n === 'products' ? counts.products === 0 : counts.vendors === 0));
  if (!missing) return undefined;
  const to = missing === 'vendors' ? '/catalog/companies' : missing === 'products' ? '/catalog/products' : '/locations';
  return {
    icon: IconChecklist,
    title: t(`setup.first.${missing}.title`),
    description: t(`setup.first.${missing}.text`),
    // Only for who may create it there; others read what is missing.
    action: (missing === 'locations' || missing === 'twoLocations' ? mayCreateLocations : mayEditCatalog) ? (
      <Button component={Link} to={to}>
        {t(`setup.first.${missing}.action`)}
      </Button>
    ) : undefined,
    testId: 'empty-prerequisite',
  };
}

/** For administrators, while the first-run checklist is not done: how far along it is, and a way back to it. */
export function SetupBanner() {
  const { t } = useTranslation('common');
  const isAdmin = useCan('admin');
  const status = useSetupStatus();
  const steps = status.data?.steps;
  if (!isAdmin || !steps) return null;
  const done = steps.filter((s) => s.done).length;
  if (done === steps.length) return null;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="setup-banner">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap" style={{ flex: 1 }}>
          <IconChecklist size={20} />
          <div style={{ flex: 1 }}>
            <Text size="sm" fw={600}>
              {t('setup.banner', { done, total: steps.length })}
            </Text>
            <Progress value={(done / steps.length) * 100} size="sm" mt={4} maw={320} aria-label={t('setup.banner', { done, total: steps.length })} />
          </div>
        </Group>
        <Anchor component={Link} to="/admin/setup" size="sm" underline="always">
          {t('setup.open')}
        </Anchor>
      </Group>
    </Paper>
  );
}
