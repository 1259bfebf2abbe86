// One contract, project or ticket: who it is for, its owner and contract, and its charges (added,
// then picked and delivered from each charge's page). /sales/containers/:id
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconLock, IconLockOpen, IconPencil, IconPlus, IconReceipt } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BackLink } from '@renderer/lib/BackLink';
import { dash, DetailField } from '@renderer/lib/DetailField';
import { documentState, useRouteId } from '@renderer/lib/DocumentState';
import { QueryTable, useListView, useServerTable } from '@renderer/lib/list';
import { notify } from '@renderer/lib/notify';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useCharges, useContainer, useSetContainerStatus } from '../api';
import { ContainerKindBadge, ContainerStatusBadge } from '../Badges';
import { chargeColumns } from '../charges/chargeColumns';
import { ChargeFormModal } from '../charges/ChargeFormModal';
import { ContainerFormModal } from './ContainerFormModal';

type SortColumn = 'number' | 'createdAt' | 'status' | 'quantity' | 'productName';

export function ContainerPage() {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const id = useRouteId();
  const container = useContainer(id);
  const canManage = useCan('sales.manage');
  const canSeeCosts = useCan('costs.view');
  const setStatus = useSetContainerStatus();
  const [dialog, setDialog] = useState<'edit' | 'charge' | null>(null);
  const table = useServerTable<SortColumn>({ sortBy: 'number', sortDirection: 'asc', filters: { id } });
  const view = useListView({ id: 'sales.containerCharges', columns: chargeColumns(t, canSeeCosts) });
  const back = <BackLink to="/sales/containers">{t('containers.backToList')}</BackLink>;
  const waiting = documentState(id, container, back, t('containers.notFound'));
  if (waiting || !container.data) return waiting;
  const c = container.data;
  const open = c.status === 'open';
  const close = () => setDialog(null);
  const toggle = () =>
    setStatus.mutate({ id: c.id, action: open ? 'close' : 'reopen' }, { onSuccess: () => notify.success(open ? 'sales:containers.closed' : 'sales:containers.reopened', { number: c.number }) });
  const addButton = canManage && open && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog('charge')}>
      {t('charges.add')}
    </Button>
  );
  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={`${c.number} · ${c.title}`}
        description={
          <Group gap="xs" component="span">
            <ContainerKindBadge kind={c.kind} />
            <ContainerStatusBadge status={c.status} data-testid="container-status" />
            <Text span size="sm" c="dimmed">
              {c.companyName}
            </Text>
          </Group>
        }
        actions={
          canManage && (
            <Group gap="xs">
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setDialog('edit')}>
                {t('containers.edit')}
              </Button>
              <Button variant="default" leftSection={open ? <IconLock size={16} /> : <IconLockOpen size={16} />} onClick={toggle} loading={setStatus.isPending}>
                {open ? t('containers.close') : t('containers.reopen')}
              </Button>
            </Group>
          )
        }
      />
      {!open && <Alert color="gray">{t('containers.closedNotice')}</Alert>}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
          <DetailField label={t('containers.client')}>
            <Anchor component={Link} to={`/sales/clients/${c.companyId}`} size="sm" fw={600}>
              {c.companyName}
            </Anchor>
            <Anchor component={Link} to={`/sales/clients/${c.companyId}?tab=devices`} size="sm" display="block">
              {t('containers.devicesLink', { company: c.companyName })}
            </Anchor>
          </DetailField>
          <DetailField label={c.kind === 'ticket' ? t('containers.technician') : t('containers.owner')}>{c.ownerName ?? dash}</DetailField>
          <DetailField label={t('containers.contract')}>
            {c.contractId ? (
              <Anchor component={Link} to={`/sales/containers/${c.contractId}`} size="sm">
                {c.contractNumber} · {c.contractTitle}
              </Anchor>
            ) : (
              dash
            )}
          </DetailField>
          <DetailField label={t('containers.created')}>{f.date(c.createdAt)}</DetailField>
        </SimpleGrid>
        {c.description && (
          <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
            {c.description}
          </Text>
        )}
      </Paper>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Text fw={700}>{t('charges.title')}</Text>
          <Text size="xs" c="dimmed">
            {t('charges.pricesNet')}
          </Text>
        </Stack>
        {addButton}
      </Group>
      <QueryTable
        testId="container-charges"
        view={view}
        table={table}
        useRows={useCharges}
        input={{ ...table.input, containerId: c.id }}
        rowHref={(ch) => `/sales/charges/${ch.id}`}
        fit={false}
        chooser
        empty={{ icon: IconReceipt, title: t('charges.emptyTitle'), description: t('charges.emptyText'), action: addButton }}
      />
      {dialog === 'edit' && <ContainerFormModal editing={c} onClose={close} />}
      {dialog === 'charge' && <ChargeFormModal container={c} editing={null} onClose={close} />}
    </Stack>
  );
}
