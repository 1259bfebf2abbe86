import { Modal, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { purchasingContract, type PoLine } from '@shared/contract/purchasing';
import { DayInput } from '@renderer/lib/DayInput';
import { MoneyInput } from '@renderer/lib/MoneyInput';
import { notify } from '@renderer/lib/notify';
import { useZodForm } from '@renderer/lib/useZodForm';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';
import { useUpdateLine } from '../api';
import { FormFooter } from '@renderer/lib/FormFooter';

type Values = { qty: number | string; unitCost: number | null; locationId: number | null; estimatedArrival: string | null };

/** Changes a line of a New order: quantity, cost (with costs.view), receiving location, arrival. */
export function EditLineModal({ line, onClose }: { line: PoLine; onClose: () => void }) {
  const { t } = useTranslation(['purchasing', 'common']);
  const update = useUpdateLine();
  // Without costs.view the cost is not known here; leaving it out keeps the line's cost.
  const showCost = line.unitCost !== null;
  const form = useZodForm(
    purchasingContract['purchasing.updateLine'].input,
    { qty: line.qtyOrdered, unitCost: line.unitCost, locationId: line.locationId, estimatedArrival: line.estimatedArrival } as Values,
    {
      toInput: (v) => ({
        id: line.id,
        qty: typeof v.qty === 'number' ? v.qty : undefined,
        unitCost: showCost ? (v.unitCost ?? undefined) : undefined,
        locationId: v.locationId ?? undefined,
        estimatedArrival: v.estimatedArrival,
      }),
    },
  );
  const submit = form.onSubmit((input) =>
    update.mutate(input, {
      onSuccess: () => {
        notify.success('purchasing:lineForm.saved', { lineNo: line.lineNo, sku: line.sku });
        onClose();
      },
      onError: (err) => form.applyApiError(err) || notify.error(err),
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('lineForm.editTitle', { lineNo: line.lineNo, sku: line.sku })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {line.productName}
            {line.vendorPartNumber && ` · ${t('po.vendorPartNumber')}: ${line.vendorPartNumber}`}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: showCost ? 2 : 1 }}>
            <NumberInput label={t('lineForm.qty')} withAsterisk min={1} allowDecimal={false} allowNegative={false} thousandSeparator={false} data-autofocus {...form.getInputProps('qty')} />
            {showCost && <MoneyInput label={t('lines.unitCost')} withAsterisk {...form.getInputProps('unitCost')} />}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <LocationSelect
              label={t('lines.location')}
              withAsterisk
              value={form.values.locationId}
              onChange={(id) => form.setFieldValue('locationId', id)}
              error={form.errors.locationId}
            />
            <DayInput
              label={t('lines.estimatedArrival')}
                value={form.values.estimatedArrival}
              onChange={(day) => form.setFieldValue('estimatedArrival', day)}
              error={form.errors.estimatedArrival}
            />
          </SimpleGrid>
          <FormFooter onCancel={onClose} submitLabel={t('common:actions.saveChanges')} loading={update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
