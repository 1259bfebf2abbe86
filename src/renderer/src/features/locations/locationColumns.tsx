// The columns of the internal locations list, with their row actions: edit, make default,
// deactivate/reactivate, see stock, print its labels.
import { ActionIcon, Group, Menu, Text, Tooltip } from '@mantine/core';
import { IconDots, IconEdit, IconPackages, IconPlayerPlay, IconPlayerPause, IconStar, IconStarFilled, IconTag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { locationKinds, type Location } from '@shared/contract/locations';
import { Qty } from '@renderer/lib/Amount';
import { actionsColumn, activeColumn, CellBadge, csvLabels, type ListColumn } from '@renderer/lib/list';
import { notify } from '@renderer/lib/notify';
import { useCan } from '@renderer/lib/session';
import { useSetDefaultLocation, useSetLocationActive } from './api';
import { KindBadge } from './KindBadge';

export function useLocationColumns(onEdit: (location: Location) => void, onLabels: (location: Location) => void): ListColumn<Location>[] {
  const { t } = useTranslation(['locations', 'common', 'labels']);
  const navigate = useNavigate();
  const canManage = useCan('locations.manage');
  const canSeeStock = useCan('inventory.view');
  const setDefault = useSetDefaultLocation();
  const setActive = useSetLocationActive();
  return [
    {
      accessor: 'name',
      title: t('fields.name'),
      alwaysShown: true,
      // The star and the "Not offered" mark beside the name, as columns of their own in a file.
      csv: [{}, { field: 'isDefault', header: t('default') }, { field: 'offersStock', header: t('fields.offersStock') }],
      render: (l) => (
        <Group gap={6} wrap="nowrap">
          {l.isDefault && (
            <Tooltip label={t('default')}>
              <IconStarFilled size={14} color="var(--mantine-color-yellow-6)" aria-label={t('default')} />
            </Tooltip>
          )}
          <Text span inherit fw={500}>
            {l.name}
          </Text>
          {!l.offersStock && (
            <CellBadge color="gray" variant="outline" data-testid="location-not-offered">
              {t('notOffered')}
            </CellBadge>
          )}
        </Group>
      ),
    },
    { accessor: 'kind', title: t('fields.kind'), noWrap: true, csv: { labels: csvLabels(locationKinds, (kind) => t(`kinds.${kind}`)) }, render: (l) => <KindBadge kind={l.kind} /> },
    { accessor: 'ownerName', title: t('fields.owner'), truncate: 200, fullText: (l) => l.ownerName, render: (l) => l.ownerName ?? <Text span inherit c="dimmed">—</Text> },
    {
      accessor: 'refillFromName',
      title: t('fields.refillFrom'),
      truncate: 200,
      fullText: (l) => l.refillFromName,
      render: (l) => l.refillFromName ?? <Text span inherit c="dimmed">—</Text>,
    },
    activeColumn(t('fields.status')),
    { accessor: 'unitsOnHand', title: t('fields.unitsOnHand'), textAlign: 'right', render: (l) => <Qty value={l.unitsOnHand} /> },
    actionsColumn(t('actions'), (l) => (
      <>
        {canManage && (
          <Tooltip label={t('common:actions.edit')}>
            <ActionIcon variant="subtle" aria-label={t('editNamed', { name: l.name })} onClick={() => onEdit(l)}>
              <IconEdit size={16} />
            </ActionIcon>
          </Tooltip>
        )}
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('moreNamed', { name: l.name })}>
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {canSeeStock && (
              <Menu.Item leftSection={<IconPackages size={16} />} onClick={() => navigate(`/stock/items?locationId=${l.id}`)}>
                {t('viewStock')}
              </Menu.Item>
            )}
            {canSeeStock && (
              <Menu.Item leftSection={<IconTag size={16} />} onClick={() => onLabels(l)}>
                {t('labels:action')}
              </Menu.Item>
            )}
            {canManage && !l.isDefault && l.active && (
              <Menu.Item leftSection={<IconStar size={16} />} onClick={() => setDefault.mutate({ id: l.id })}>
                {t('makeDefault')}
              </Menu.Item>
            )}
            {canManage && l.active && (
              <Menu.Item
                color="red"
                leftSection={<IconPlayerPause size={16} />}
                onClick={() => setActive.mutate({ id: l.id, active: false }, { onSuccess: () => notify.success('locations:deactivated', { name: l.name }) })}
              >
                {t('common:actions.deactivate')}
              </Menu.Item>
            )}
            {canManage && !l.active && (
              <Menu.Item
                leftSection={<IconPlayerPlay size={16} />}
                onClick={() => setActive.mutate({ id: l.id, active: true }, { onSuccess: () => notify.success('locations:reactivated', { name: l.name }) })}
              >
                {t('common:actions.reactivate')}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      </>
    )),
  ];
}
