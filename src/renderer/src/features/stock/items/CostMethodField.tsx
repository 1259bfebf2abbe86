import { Input, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { costMethods } from '@shared/contract/stock';
import { MoneyInput } from '@renderer/lib/MoneyInput';
import { useFormat } from '@renderer/lib/useFormat';

export type CostMethod = (typeof costMethods)[number];
export type CostCandidates = { average: number | null; last: number | null; catalogue: number | null };

interface Props {
  method: CostMethod;
  onMethodChange: (method: CostMethod) => void;
  candidates: CostCandidates | undefined;
  unitCost: number | null;
  onUnitCostChange: (value: number | null) => void;
  unitCostError?: React.ReactNode;
}

/** The unit cost of added units: one of the candidates the server computed, or typed by hand. */
export function CostMethodField({ method, onMethodChange, candidates, unitCost, onUnitCostChange, unitCostError }: Props) {
  const { t } = useTranslation('stock');
  const f = useFormat();
  const candidate = (m: CostMethod) => (m === 'manual' || !candidates ? null : candidates[m]);
  const data = costMethods.map((m) => ({
    value: m,
    // A method without a value (nothing received yet) cannot give a cost.
    disabled: m !== 'manual' && candidates !== undefined && candidate(m) === null,
    label: (
      <Stack gap={0} align="center">
        <Text size="sm" fw={500}>
          {t(`add.methods.${m}`)}
        </Text>
        <Text size="xs" c="dimmed">
          {m === 'manual' ? '\u00a0' : !candidates ? '…' : candidate(m) === null ? t('add.noCandidate') : f.money(candidate(m))}
        </Text>
      </Stack>
    ),
  }));
  return (
    <Stack gap="xs">
      <Input.Wrapper label={t('add.costMethod')}>
        <SegmentedControl fullWidth data={data} value={method} onChange={(v) => onMethodChange(v as CostMethod)} data-testid="cost-method" />
      </Input.Wrapper>
      {method === 'manual' && <MoneyInput label={t('add.manualCost')} value={unitCost} onChange={onUnitCostChange} error={unitCostError} required />}
    </Stack>
  );
}
