// One client return (RET-n): from whom, where the units went and in what condition, each line with the
// charge and delivery it came back from, its cost (for those who may see costs) and serials, and the credit.
// /sales/returns/:id
import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Money, Qty } from '@renderer/lib/Amount';
import { BackLink } from '@renderer/lib/BackLink';
import { dash, DetailField } from '@renderer/lib/DetailField';
import { documentState, useRouteId } from '@renderer/lib/DocumentState';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useClientReturn } from '../api';
import { ReturnConditionBadge } from '../Badges';
import { ProductCell } from '@renderer/lib/ProductCell';

export function ReturnPage() {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const id = useRouteId();
  const doc = useClientReturn(id);
  const canSeeCosts = useCan('costs.view');
  const back = <BackLink to="/sales/returns">{t('returns.back')}</BackLink>;
  const waiting = documentState(id, doc, back, t('returns.notFound'));
  if (waiting || !doc.data) return waiting;
  const r = doc.data;
  const link = (to: string, text: string | null) => (
    <Anchor component={Link} to={to} size="sm">
      {text}
    </Anchor>
  );
  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={t('returns.docTitle', { number: r.number })}
        description={
          <Group gap="xs" component="span">
            <ReturnConditionBadge condition={r.condition} />
            <Text span size="sm" c="dimmed">
              {r.companyName} · {f.dateTime(r.createdAt)} · {r.userName}
            </Text>
          </Group>
        }
      />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
          <DetailField label={t('returns.client')}>{link(`/sales/clients/${r.companyId}`, r.companyName)}</DetailField>
          <DetailField label={t('returns.location')}>{r.locationName}</DetailField>
          <DetailField label={t('returns.reason')}>{r.reason}</DetailField>
          <DetailField label={t('returns.credit')}>
            {r.creditChargeId ? (
              <Group gap={6}>
                {link(`/sales/charges/${r.creditChargeId}`, t('returns.creditOn', { number: r.creditChargeNumber, container: r.creditContainerNumber ?? '' }))}
                <Text size="sm">
                  <Money value={-(r.creditAmount ?? 0)} />
                </Text>
              </Group>
            ) : (
              t('returns.noCredit')
            )}
          </DetailField>
          {r.note && <DetailField label={t('returns.note')}>{r.note}</DetailField>}
        </SimpleGrid>
      </Paper>
      <Text fw={700}>{t('returns.lines')}</Text>
      <Table withTableBorder striped data-testid="return-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('returns.product')}</Table.Th>
            <Table.Th>{t('returns.charge')}</Table.Th>
            <Table.Th>{t('returns.delivery')}</Table.Th>
            <Table.Th ta="right">{t('returns.qty')}</Table.Th>
            {canSeeCosts && <Table.Th ta="right">{t('returns.cost')}</Table.Th>}
            <Table.Th>{t('returns.serials')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.lines.map((l) => (
            <Table.Tr key={l.lineNo}>
              <Table.Td>
                <ProductCell sku={l.sku} name={l.productName} />
              </Table.Td>
              <Table.Td>{l.chargeId ? link(`/sales/charges/${l.chargeId}`, l.chargeNumber) : l.deliveryId ? dash : t('returns.notSold')}</Table.Td>
              <Table.Td>{l.deliveryId ? link(`/sales/deliveries/${l.deliveryId}`, l.deliveryNumber) : dash}</Table.Td>
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
      {r.devices.length > 0 && (
        <Group gap="xs" data-testid="return-devices">
          <Text size="sm">{t('returns.devices')}:</Text>
          {r.devices.map((d) => (
            <Anchor key={d.id} component={Link} to={`/sales/devices/${d.id}`} size="sm" underline="always">
              {d.serialNumber}
            </Anchor>
          ))}
        </Group>
      )}
    </Stack>
  );
}
