// "My van": what a technician's vans hold against their minimum, what is picked for the technician's
// charges, and the shipments on their way to refill them (a van refilled from the warehouse gets those
// from the reorder suggestions). One read (stock.myVan); each table shows at most a page of rows.
import { Alert, Anchor, Badge, Center, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowsExchange, IconCar, IconHandGrab, IconPackages } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Qty } from '@renderer/lib/Amount';
import { AppLink } from '@renderer/lib/AppLink';
import { EmptyState } from '@renderer/lib/EmptyState';
import { PageHeader } from '@renderer/lib/PageHeader';
import { translateError } from '@renderer/lib/errors';
import { useFormat } from '@renderer/lib/useFormat';
import { useMyVan } from '../api';

function Section({ icon: Icon, title, count, testId, children }: { icon: typeof IconCar; title: string; count: number; testId: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Group gap="xs" mb="sm">
        <Icon size={18} />
        <Title order={2} size="h4">
          {title}
        </Title>
        <Badge variant="light" color="gray">
          {count}
        </Badge>
      </Group>
      {children}
    </Paper>
  );
}

export function MyVanPage() {
  const { t } = useTranslation(['stock', 'common']);
  const f = useFormat();
  const query = useMyVan();
  const data = query.data;
  const none = (text: string) => (
    <Text size="sm" c="dimmed">
      {text}
    </Text>
  );
  return (
    <Stack gap="md">
      <PageHeader title={t('myVan.title')} description={data && data.vans.length > 0 ? data.vans.map((v) => v.name).join(' · ') : t('myVan.description')} />
      {query.isError && (
        <Alert color="red" title={t('myVan.loadError')}>
          {translateError(query.error)}
        </Alert>
      )}
      {!data && !query.isError && (
        <Center mih={200}>
          <Loader aria-label={t('common:loading')} />
        </Center>
      )}
      {data && data.vans.length === 0 && data.picks.length === 0 && <EmptyState icon={IconCar} title={t('myVan.noVanTitle')} description={t('myVan.noVanText')} testId="my-van-none" />}
      {data?.truncated && (
        <Alert color="yellow" variant="light">
          {t('myVan.truncated')}
        </Alert>
      )}
      {data && data.vans.length > 0 && (
        <Section icon={IconPackages} title={t('myVan.stock')} count={data.items.length} testId="my-van-stock">
          {data.items.length === 0 ? (
            none(t('myVan.stockEmpty'))
          ) : (
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('common.product')}</Table.Th>
                  {data.vans.length > 1 && <Table.Th>{t('common.location')}</Table.Th>}
                  <Table.Th>{t('myVan.bin')}</Table.Th>
                  <Table.Th ta="right">{t('myVan.onHand')}</Table.Th>
                  <Table.Th ta="right">{t('myVan.picked')}</Table.Th>
                  <Table.Th ta="right">{t('myVan.available')}</Table.Th>
                  <Table.Th ta="right">{t('myVan.minMax')}</Table.Th>
                  <Table.Th ta="right">{t('myVan.incoming')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((i) => (
                  <Table.Tr key={i.inventoryProductId}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {i.sku}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {i.productName}
                      </Text>
                    </Table.Td>
                    {data.vans.length > 1 && <Table.Td>{i.locationName}</Table.Td>}
                    <Table.Td>{i.bin ?? '—'}</Table.Td>
                    <Table.Td ta="right">
                      <Group gap={6} justify="flex-end" wrap="nowrap">
                        {i.onHand < i.min && (
                          <Badge color="orange" variant="light" size="sm">
                            {t('myVan.belowMin')}
                          </Badge>
                        )}
                        <Qty value={i.onHand} fw={600} c={i.onHand < i.min ? 'orange' : undefined} />
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Qty value={i.picked} c={i.picked === 0 ? 'dimmed' : undefined} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Qty value={i.available} />
                    </Table.Td>
                    <Table.Td ta="right">
                      {f.qty(i.min)} – {f.qty(i.max)}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Qty value={i.incoming} c={i.incoming === 0 ? 'dimmed' : 'teal'} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Section>
      )}
      {data && (data.vans.length > 0 || data.picks.length > 0) && (
        <Section icon={IconHandGrab} title={t('myVan.picks')} count={data.picks.length} testId="my-van-picks">
          {data.picks.length === 0 ? (
            none(t('myVan.picksEmpty'))
          ) : (
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('myVan.charge')}</Table.Th>
                  <Table.Th>{t('myVan.container')}</Table.Th>
                  <Table.Th>{t('myVan.client')}</Table.Th>
                  <Table.Th>{t('common.product')}</Table.Th>
                  <Table.Th>{t('common.location')}</Table.Th>
                  <Table.Th ta="right">{t('myVan.picked')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.picks.map((p) => (
                  <Table.Tr key={`${p.chargeId}:${p.locationId}`}>
                    <Table.Td>
                      <Anchor component={AppLink} to={`/sales/charges/${p.chargeId}`} size="sm" fw={600}>
                        {p.chargeNumber}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={AppLink} to={`/sales/containers/${p.containerId}`} size="sm">
                        {p.containerNumber}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {p.containerTitle}
                      </Text>
                    </Table.Td>
                    <Table.Td>{p.companyName}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{p.sku}</Text>
                      <Text size="xs" c="dimmed">
                        {p.productName}
                      </Text>
                    </Table.Td>
                    <Table.Td>{p.locationName}</Table.Td>
                    <Table.Td ta="right">
                      <Qty value={p.qty} fw={600} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Section>
      )}
      {data && data.vans.length > 0 && (
        <Section icon={IconArrowsExchange} title={t('myVan.coming')} count={data.incoming.length} testId="my-van-incoming">
          {data.incoming.length === 0 ? (
            none(t('myVan.comingEmpty'))
          ) : (
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('myVan.transfer')}</Table.Th>
                  <Table.Th>{t('myVan.from')}</Table.Th>
                  {data.vans.length > 1 && <Table.Th>{t('myVan.to')}</Table.Th>}
                  <Table.Th>{t('myVan.shipped')}</Table.Th>
                  <Table.Th>{t('myVan.status')}</Table.Th>
                  <Table.Th ta="right">{t('myVan.units')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.incoming.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={AppLink} to={`/stock/transfers/${s.id}`} size="sm" fw={600}>
                        {s.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{s.fromLocationName}</Table.Td>
                    {data.vans.length > 1 && <Table.Td>{s.toLocationName}</Table.Td>}
                    <Table.Td>{f.dateTime(s.createdAt)}</Table.Td>
                    <Table.Td>{t(`transfers.statuses.${s.status}`)}</Table.Td>
                    <Table.Td ta="right">
                      <Qty value={s.units} fw={600} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Section>
      )}
    </Stack>
  );
}
