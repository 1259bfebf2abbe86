import { AreaChart } from '@mantine/charts';
import { Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MONEY_SCALE } from '@shared/money';
import { useFormat } from '@renderer/lib/useFormat';
import { useValueSeries } from '../api';

const spans = ['6', '12', '24', '60'];

/** Month-end inventory value over the last months, one point per month. */
export function ValueChart() {
  const { t } = useTranslation('stock');
  const f = useFormat();
  const [months, setMonths] = useState('12');
  const series = useValueSeries(Number(months));
  // The chart works in currency units; the axis and tooltip format them back as money.
  const data = (series.data ?? []).map((p) => ({ month: f.month(p.at), value: Number(p.value ?? 0) / MONEY_SCALE }));
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('value.series')}
          </Title>
          <SegmentedControl size="xs" value={months} onChange={setMonths} data={spans.map((m) => ({ value: m, label: t('value.months', { count: Number(m) }) }))} />
        </Group>
        {series.data && data.every((p) => p.value === 0) ? (
          <Text c="dimmed" size="sm">
            {t('value.noSeries')}
          </Text>
        ) : (
          <AreaChart
            h={260}
            data={data}
            dataKey="month"
            series={[{ name: 'value', label: t('value.total'), color: 'teal.6' }]}
            curveType="monotone"
            valueFormatter={(v) => f.money(Math.round(v * MONEY_SCALE))}
            yAxisProps={{ tickFormatter: (v: number) => f.compactMoney(v), width: 80 }}
            withGradient
            data-testid="value-chart"
          />
        )}
      </Stack>
    </Paper>
  );
}
