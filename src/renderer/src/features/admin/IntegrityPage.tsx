// Integrity check: recomputes every stock balance from the moves (stock.verifyLedger). There must
// never be a difference; if there is one, this table is what support needs to see. Below it, serial
// numbers that clash since serials became unique ignoring case and spaces, for someone to correct.
import { Alert, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Money, Qty } from '@renderer/lib/Amount';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useFormat } from '@renderer/lib/useFormat';
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
                  <Table.Td ta="right">{d.kind === 'month' ? <Money value={d.expected} /> : <Qty value={d.expected} />}</Table.Td>
                  <Table.Td ta="right">{d.kind === 'month' ? <Money value={d.actual} /> : <Qty value={d.actual} />}</Table.Td>
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
      {result && result.serialClashes.length > 0 && (
        <>
          <Alert color="yellow" icon={<IconAlertTriangle size={20} />} title={t('integrity.clashesTitle')} data-testid="integrity-serial-clashes">
            {t('integrity.clashes', { count: result.serialClashes.length })} {t('integrity.clashesHint')}
          </Alert>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('integrity.product')}</Table.Th>
                <Table.Th>{t('integrity.clashSerial')}</Table.Th>
                <Table.Th>{t('integrity.clashKept')}</Table.Th>
                <Table.Th>{t('integrity.clashSince')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.serialClashes.map((c) => (
                <Table.Tr key={c.lotId}>
                  <Table.Td>{c.sku}</Table.Td>
                  <Table.Td ff="monospace">{c.serialNumber}</Table.Td>
                  <Table.Td ff="monospace">{c.keptSerialNumber ?? `#${c.keptLotId}`}</Table.Td>
                  <Table.Td>{f.date(c.detectedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
