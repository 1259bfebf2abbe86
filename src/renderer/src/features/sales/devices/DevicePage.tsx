// One device: the unit at its client, where it came from (purchase order, receipt, vendor invoice, its
// cost for those who may see costs) and every movement of it. /sales/devices/:id
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconArrowBackUp, IconArrowsExchange, IconTool } from '@tabler/icons-react';
import { useState } from 'react';
import { useModuleOn } from '@renderer/lib/activations';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Money } from '@renderer/lib/Amount';
import { BackLink } from '@renderer/lib/BackLink';
import { dash, DetailField } from '@renderer/lib/DetailField';
import { documentState, useRouteId } from '@renderer/lib/DocumentState';
import { locationLabel } from '@renderer/lib/locationLabel';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useDevice } from '../api';
import { DeviceStatusBadge } from '../Badges';
import { RmaFormModal } from '../rma/RmaFormModal';

/** The documents a unit's moves belong to that have a page of their own. */
const movePages: Partial<Record<string, string>> = {
  delivery: '/sales/deliveries',
  return: '/sales/returns',
  rma: '/sales/rma',
  transfer: '/stock/transfers',
  vendorReturn: '/purchasing/vendor-returns',
};

export function DevicePage() {
  const { t } = useTranslation(['sales', 'common', 'locations']);
  const f = useFormat();
  const id = useRouteId();
  const device = useDevice(id);
  const canSeeCosts = useCan('costs.view');
  const canReturn = useCan('stock.deliver');
  const rmaOn = useModuleOn('rma');
  const canRma = useCan('rma.manage') && rmaOn;
  const [openingRma, setOpeningRma] = useState(false);
  const back = <BackLink to="/sales/devices">{t('devices.back')}</BackLink>;
  const waiting = documentState(id, device, back, t('devices.notFound'));
  if (waiting || !device.data) return waiting;
  const d = device.data;
  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={t('devices.deviceTitle', { serial: d.serialNumber })}
        description={
          <Group gap="xs" component="span">
            <DeviceStatusBadge status={d.status} />
            <Text span size="sm" c="dimmed">
              {d.sku} · {d.productName} · {d.companyName}
            </Text>
          </Group>
        }
        actions={
          d.status === 'installed' && (canReturn || (canRma && d.eligibleForRma)) ? (
            <Group gap="xs">
              {canRma && d.eligibleForRma && (
                <Button variant="default" leftSection={<IconTool size={16} />} onClick={() => setOpeningRma(true)}>
                  {t('rma.open')}
                </Button>
              )}
              {canReturn && (
                <Button component={Link} to={`/sales/devices/${d.id}/swap`} leftSection={<IconArrowsExchange size={16} />}>
                  {t('swap.open')}
                </Button>
              )}
              {canReturn && (
                <Button component={Link} to={`/sales/returns/new?deviceId=${d.id}`} variant="default" leftSection={<IconArrowBackUp size={16} />}>
                  {t('returns.fromDevice')}
                </Button>
              )}
            </Group>
          ) : undefined
        }
      />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
          <DetailField label={t('devices.client')}>{d.companyName}</DetailField>
          <DetailField label={t('devices.container')}>
            {d.containerId ? (
              <Anchor component={Link} to={`/sales/containers/${d.containerId}`} size="sm">
                {d.containerNumber}
              </Anchor>
            ) : (
              dash
            )}
          </DetailField>
          <DetailField label={t('devices.charge')}>
            {d.chargeId ? (
              <Anchor component={Link} to={`/sales/charges/${d.chargeId}`} size="sm">
                {d.chargeNumber}
              </Anchor>
            ) : (
              dash
            )}
          </DetailField>
          <DetailField label={t('devices.delivery')}>
            <Anchor component={Link} to={`/sales/deliveries/${d.deliveryId}`} size="sm">
              {d.deliveryNumber}
            </Anchor>
          </DetailField>
          <DetailField label={t('devices.installed')}>{f.date(d.installedAt)}</DetailField>
          <DetailField label={t('devices.warrantyEnd')}>{d.warrantyEnd ? f.date(d.warrantyEnd) : t('devices.noWarranty')}</DetailField>
          <DetailField label={t('devices.contract')}>{d.contractNumber ?? dash}</DetailField>
          {d.rmaId && rmaOn && (
            <DetailField label={t('rma.number')}>
              <Anchor component={Link} to={`/sales/rma/${d.rmaId}`} size="sm">
                {d.rmaNumber}
              </Anchor>
            </DetailField>
          )}
          {d.returnId && (
            <DetailField label={t('devices.returned')}>
              <Anchor component={Link} to={`/sales/returns/${d.returnId}`} size="sm">
                {d.returnNumber}
              </Anchor>
              {d.returnedAt && (
                <Text size="xs" c="dimmed">
                  {f.date(d.returnedAt)}
                </Text>
              )}
            </DetailField>
          )}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Text fw={700} size="sm" mb="sm">
          {t('devices.origin')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
          <DetailField label={t('devices.receivedAt')}>{f.date(d.receivedAt)}</DetailField>
          <DetailField label={t('devices.vendor')}>{d.vendorName ?? dash}</DetailField>
          <DetailField label={t('devices.purchaseOrder')}>
            {d.purchaseOrderId ? (
              <Anchor component={Link} to={`/purchasing/orders/${d.purchaseOrderId}`} size="sm">
                {d.purchaseOrderNumber}
              </Anchor>
            ) : (
              dash
            )}
          </DetailField>
          <DetailField label={t('devices.receipt')}>{d.receiptNumber ?? dash}</DetailField>
          <DetailField label={t('devices.vendorInvoice')}>{d.vendorInvoiceNumber ?? dash}</DetailField>
          {canSeeCosts && (
            <DetailField label={t('devices.unitCost')}>
              <Money value={d.unitCost} />
            </DetailField>
          )}
        </SimpleGrid>
      </Paper>
      <Stack gap="xs">
        <Text fw={700}>{t('devices.moves')}</Text>
        <Table withTableBorder striped data-testid="device-moves">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('devices.date')}</Table.Th>
              <Table.Th>{t('devices.from')}</Table.Th>
              <Table.Th>{t('devices.to')}</Table.Th>
              <Table.Th>{t('devices.document')}</Table.Th>
              <Table.Th>{t('devices.user')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.moves.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{f.dateTime(m.occurredAt)}</Table.Td>
                <Table.Td>{locationLabel(m.fromName, m.fromKind)}</Table.Td>
                <Table.Td>{locationLabel(m.toName, m.toKind)}</Table.Td>
                <Table.Td>
                  {movePages[m.documentType] ? (
                    <Anchor component={Link} to={`${movePages[m.documentType]}/${m.documentId}`} size="sm">
                      {m.documentNumber}
                    </Anchor>
                  ) : (
                    (m.documentNumber ?? '—')
                  )}
                </Table.Td>
                <Table.Td>{m.userName ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      {openingRma && <RmaFormModal device={{ id: d.id, serialNumber: d.serialNumber, vendorName: d.vendorName }} onClose={() => setOpeningRma(false)} />}
    </Stack>
  );
}
