// Integrity check: recomputes every stock balance from the moves (stock.verifyLedger). There must
// never be a difference; if there is one, this table is what support needs to see.
import { Alert, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Qty } from '../../lib/Amount';
import { PageHeader } from '../../lib/PageHeader';
import { useFormat } from '../../lib/useFormat';
import { useAllLocations, useVerifyLedger } from './api';

export function IntegrityPage() {
  const { t } = useTranslation('admin');
  const f = useFormat();
  const verify = useVerifyLedger();
  const locations = useAllLocations();
  const locationName = (id: number | null) => (id === null ? '—' : (locations.data?.find((l) => l.id === id)?.name ?? `#${id}`));
  const result = verify.data;

  return (
    <Stack gap="md">
      <PageHeader
        title={t('integrity.title')}
        description={t('integrity.description')}
        actions={
          <Button leftSection={<IconShieldCheck size={16} />} loading={verify.isPending} onClick={() => verify.mutate({})} data-testid="run-integrity-check">
            {result ? t('integrity.runAgain') : t('integrity.run')}
          </Button>
        }
      />
      {!result && !verify.isPending && (
        <Paper withBorder p="lg" radius="sm">
          <Text c="dimmed">{t('integrity.notRun')}</Text>
        </Paper>
      )}
      {result?.ok && (
        <Alert color="teal" icon={<IconCircleCheck size={20} />} title={t('integrity.okTitle')} data-testid="integrity-ok">
          {t('integrity.ok', { count: result.checkedBalances, formatted: f.qty(result.checkedBalances) })}
        </Alert>
      )}
      {result && !result.ok && (
        <>
          <Alert color="red" icon={<IconAlertTriangle size={20} />} title={t('integrity.failedTitle')} data-testid="integrity-failed">
            {t('integrity.failed', { count: result.differences.length, checked: f.qty(result.checkedBalances) })}
          </Alert>
          <Table withTableBorder striped data-testid="integrity-differences">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('integrity.kind')}</Table.Th>
                <Table.Th>{t('integrity.lot')}</Table.Th>
                <Table.Th>{t('integrity.location')}</Table.Th>
                <Table.Th ta="right">{t('integrity.expected')}</Table.Th>
                <Table.Th ta="right">{t('integrity.actual')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.differences.map((d, i) => (
                <Table.Tr key={`${d.kind}-${d.lotId}-${d.locationId ?? 'all'}-${i}`}>
                  <Table.Td>{t(`integrity.kinds.${d.kind}`)}</Table.Td>
                  <Table.Td>{d.lotId !== null ? `#${d.lotId}` : d.month !== null ? d.month : `${t('integrity.product')} #${d.productId}`}</Table.Td>
                  <Table.Td>{locationName(d.locationId)}</Table.Td>
                  <Table.Td ta="right">
                    <Qty value={d.expected} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Qty value={d.actual} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <Text size="sm" c="dimmed">
              {t('integrity.whatNext')}
            </Text>
          </Group>
        </>
      )}
    </Stack>
  );
}
