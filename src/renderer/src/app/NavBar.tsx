// The navigation, grouped Inventory / Purchasing / Catalogue / Admin, listing only the screens the user may open.
import { Badge, Box, NavLink, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useApiQuery } from '../lib/query';
import { can, useSession } from '../lib/session';
import { translateKey } from '../lib/translation';
import { mayOpen, useActivations } from '../lib/activations';
import { featureRoutes, navGroups } from './routes';

export function NavBar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation(['common']);
  const user = useSession((s) => s.user);
  const { pathname } = useLocation();
  const queryClient = useQueryClient();
  // The procurement queues' badges, refetched whenever a change touches what they count.
  const activations = useActivations();
  const queues = useApiQuery(['purchasing'], 'purchasing.queueCounts', {}, { enabled: can(user, 'inventory.view') && activations.inventory });
  return (
    // A native scroll box: Mantine's ScrollArea measured itself on every navigation (a forced layout of the new screen).
    <Box component="nav" aria-label={t('common:nav.main')} h="100%" style={{ overflowY: 'auto', scrollbarWidth: 'thin' }}>
      <Stack gap="md" p="sm">
        {navGroups.map((group) => {
          const routes = featureRoutes.filter((r) => r.navGroup === group && r.navLabelKey && mayOpen(user, activations, r));
          if (routes.length === 0) return null;
          return (
            <Stack gap={2} key={group} role="group" aria-label={t(`common:nav.${group}`)}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4}>
                {t(`common:nav.${group}`)}
              </Text>
              {routes.map((route) => {
                const Icon = route.navIcon;
                const active = pathname === route.path || pathname.startsWith(`${route.path}/`);
                const waiting = route.queue ? (queues.data?.[route.queue] ?? 0) : 0;
                // The count is described, not part of the link's name: "Receiving" stays "Receiving".
                const countId = `nav-queue-${route.queue ?? ''}`;
                return (
                  <Box key={route.path}>
                  <NavLink
                    component={Link}
                    to={route.path}
                    label={translateKey(route.navLabelKey!)}
                    leftSection={Icon ? <Icon size={18} stroke={1.6} /> : undefined}
                    rightSection={
                      waiting > 0 ? (
                        <Badge size="sm" variant="light" aria-hidden data-testid={`nav-queue-${route.queue}`}>
                          {waiting > 999 ? '999+' : waiting}
                        </Badge>
                      ) : undefined
                    }
                    aria-describedby={waiting > 0 ? countId : undefined}
                    active={active}
                    aria-current={active ? 'page' : undefined}
                    onClick={() => {
                      // The screen's first queries leave with the click, not after its first render.
                      if (!active) route.prefetch?.(queryClient);
                      onNavigate();
                    }}
                    variant="light"
                    style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                  />
                  {waiting > 0 && <VisuallyHidden id={countId}>{t('common:nav.waiting', { count: waiting })}</VisuallyHidden>}
                  </Box>
                );
              })}
            </Stack>
          );
        })}
      </Stack>
    </Box>
  );
}
