// One delivery (DLV-n): to whom, how it left (carrier, tracking), its lines and serials, the packing
// list, and its reversal. /sales/deliveries/:id
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconArrowBackUp, IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Money, Qty } from '@renderer/lib/Amount';
import { BackLink } from '@renderer/lib/BackLink';
import { ConfirmModal } from '@renderer/lib/ConfirmModal';
import { dash, DetailField } from '@renderer/lib/DetailField';
import { documentState, useRouteId } from '@renderer/lib/DocumentState';
import { notify } from '@renderer/lib/notify';
import { PageHeader } from '@renderer/lib/PageHeader';
import { downloadBlob, pdfBlob } from '@renderer/lib/pdf';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useDelivery, usePackingListPdf, useReverseDelivery } from '../api';
import { DeliveryStatusBadge } from '../Badges';
import { ProductCell } from '@renderer/lib/ProductCell';

export function DeliveryPage() {
  const { t, i18n } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const id = useRouteId();
  const delivery = useDelivery(id);
  const canDeliver = useCan('stock.deliver');
  const canSeeCosts = useCan('costs.view');
  const reverse = useReverseDelivery();
  const packingList = usePackingListPdf();
  const [reversing, setReversing] = useState(false);
  const back = <BackLink to="/sales/delivery?tab=deliveries">{t('deliveryDoc.back')}</BackLink>;
  const waiting = documentState(id, delivery, back, t('deliveryDoc.notFound'));
  if (waiting || !delivery.data) return waiting;
  const d = delivery.data;
  const packing = () =>
    packingList.mutate(
      { deliveryId: d.id, locale: i18n.language === 'es' ? 'es' : 'en' },
      {
        onSuccess: (pdf) => {
          downloadBlob(pdfBlob(pdf.base64), pdf.filename);
          notify.success('sales:delivery.pdfSaved', { filename: pdf.filename });
        },
      },
    );
  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={t('deliveryDoc.title', { number: d.number })}
        description={
          <Group gap="xs" component="span">
            <DeliveryStatusBadge status={d.status} method={d.method} data-testid="delivery-status" />
            <Text span size="sm" c="dimmed">
              {d.companyName} · {f.dateTime(d.createdAt)} · {d.userName}
            </Text>
          </Group>
        }
        actions={
          <Group gap="xs">
            <Button variant="default" leftSection={<IconFileText size={16} />} loading={packingList.isPending} onClick={packing}>
              {t('delivery.packingList')}
            </Button>
            {canDeliver && d.status === 'delivered' && (
              <Button variant="default" color="red" leftSection={<IconArrowBackUp size={16} />} onClick={() => setReversing(true)}>
                {t('deliveryDoc.reverse')}
              </Button>
            )}
          </Group>
        }
      />
      {d.status === 'reversed' && <Alert color="gray">{t('deliveryDoc.reversedNotice', { reason: d.reverseReason ?? '—' })}</Alert>}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
          <DetailField label={t('deliveryDoc.shipTo')}>
            <Text size="sm" fw={600}>
              {d.shipToName ?? d.companyName}
            </Text>
            {d.shipToAddress && (
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {d.shipToAddress}
              </Text>
            )}
          </DetailField>
          <DetailField label={t('delivery.carrier')}>{d.carrier ?? dash}</DetailField>
          <DetailField label={t('delivery.tracking')}>{d.trackingNumber ?? dash}</DetailField>
          <DetailField label={t('delivery.shipDate')}>{d.shipDate ?? dash}</DetailField>
          {d.reason && <DetailField label={t('deliveryDoc.reason')}>{d.reason}</DetailField>}
          {d.note && <DetailField label={t('deliveryDoc.note')}>{d.note}</DetailField>}
          {d.freightChargeId && (
            <DetailField label={t('deliveryDoc.freight')}>
              <Anchor component={Link} to={`/sales/charges/${d.freightChargeId}`} size="sm">
                {d.freightChargeNumber}
              </Anchor>
            </DetailField>
          )}
        </SimpleGrid>
      </Paper>
      <Table withTableBorder striped data-testid="delivery-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('deliveryDoc.lineNo')}</Table.Th>
            <Table.Th>{t('deliveryDoc.charge')}</Table.Th>
            <Table.Th>{t('deliveryDoc.product')}</Table.Th>
            <Table.Th>{t('deliveryDoc.location')}</Table.Th>
            <Table.Th ta="right">{t('deliveryDoc.qty')}</Table.Th>
            {canSeeCosts && <Table.Th ta="right">{t('deliveryDoc.cost')}</Table.Th>}
            <Table.Th>{t('deliveryDoc.serials')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{l.lineNo}</Table.Td>
              <Table.Td>
                {l.chargeId ? (
                  <Anchor component={Link} to={`/sales/charges/${l.chargeId}`} size="sm">
                    {l.chargeNumber}
                  </Anchor>
                ) : (
                  dash
                )}
                {l.containerNumber && (
                  <Text size="xs" c="dimmed">
                    {l.containerNumber}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <ProductCell sku={l.sku} name={l.productName} />
              </Table.Td>
              <Table.Td>{l.locationName ?? dash}</Table.Td>
              <Table.Td ta="right">
                <Qty value={l.qty} />
              </Table.Td>
              {canSeeCosts && (
                <Table.Td ta="right">
                  <Money value={l.cost} />
                </Table.Td>
              )}
              <Table.Td>
                <Text size="xs">{l.serials.join(', ')}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {reversing && (
        <ConfirmModal
          title={t('deliveryDoc.reverseTitle', { number: d.number })}
          text={t('deliveryDoc.reverseText')}
          confirmLabel={t('deliveryDoc.reverse')}
          color="red"
          reason={{ label: t('deliveryDoc.reason') }}
          loading={reverse.isPending}
          error={reverse.error}
          onClose={() => setReversing(false)}
          onConfirm={(reason) =>
            reverse.mutate(
              { id: d.id, reason: reason || null },
              {
                onSuccess: () => {
                  notify.success('sales:deliveryDoc.reversed', { number: d.number });
                  setReversing(false);
                },
              },
            )
          }
        />
      )}
    </Stack>
  );
}
