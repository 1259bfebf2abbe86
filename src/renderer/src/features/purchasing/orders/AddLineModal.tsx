import { Alert, Button, Checkbox, Group, Modal, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { purchasingContract, type PurchaseOrder } from '@shared/contract/purchasing';
import { ApiError } from '@renderer/lib/api';
import { translateError } from '@renderer/lib/errors';
import { DayInput } from '@renderer/lib/DayInput';
import { MoneyInput } from '@renderer/lib/MoneyInput';
import { notify } from '@renderer/lib/notify';
import { useCan } from '@renderer/lib/session';
import { useZodForm } from '@renderer/lib/useZodForm';
import { LocationSelect, useDefaultLocationId } from '@renderer/lib/pickers/LocationSelect';
import { ProductSelect } from '@renderer/lib/pickers/ProductSelect';
import { useAddLine, useProductVendors } from '../api';
import { ProductVendorsHint } from './ProductVendorsHint';

type Values = {
  productId: number | null;
  serialized: boolean;
  qty: number | string;
  /** Set once the user types a cost; until then the vendor's cost applies. */
  costTouched: boolean;
  unitCost: number | null;
  locationId: number | null;
  estimatedArrival: string | null;
  linkVendor: boolean;
  vendorPartNumber: string;
  vendorCost: number | null;
};

const blankProduct = { productId: null, serialized: false, qty: 1, costTouched: false, unitCost: null, linkVendor: false, vendorPartNumber: '', vendorCost: null };

/**
 * Adds a line to a New order: the product (searched as the user types), how many, at what cost (the
 * vendor's by default), where it is received and when it should arrive. A product not yet bought
 * from this vendor can be linked to it on the spot.
 */
export function AddLineModal({ order, onClose }: { order: PurchaseOrder; onClose: () => void }) {
  const { t } = useTranslation(['purchasing', 'common']);
  const canSeeCosts = useCan('costs.view');
  const add = useAddLine();
  const defaultLocationId = useDefaultLocationId();
  const again = useRef(false);
  const form = useZodForm(
    purchasingContract['purchasing.addLine'].input,
    { ...blankProduct, locationId: null, estimatedArrival: null } as Values,
    {
      toInput: (v) => ({
        orderId: order.id,
        productId: v.productId ?? undefined,
        qty: typeof v.qty === 'number' ? v.qty : undefined,
        unitCost: v.costTouched && v.unitCost !== null ? v.unitCost : undefined,
        locationId: v.locationId ?? defaultLocationId ?? undefined,
        estimatedArrival: v.estimatedArrival,
        addVendor: v.linkVendor ? { vendorPartNumber: v.vendorPartNumber, vendorCost: v.vendorCost ?? undefined } : undefined,
      }),
    },
  );
  const v = form.values;
  const vendors = useProductVendors(v.productId);
  const link = vendors.data?.find((pv) => pv.vendorId === order.vendorId) ?? null;
  const notLinked = v.productId !== null && vendors.isSuccess && link === null;
  const defaultCost = link ? link.vendorCost : v.linkVendor ? v.vendorCost : null;
  const onLines = order.lines.filter((l) => l.productId === v.productId);

  const submit = form.onSubmit((input) => {
    if (notLinked && !v.linkVendor) {
      form.setFieldError('linkVendor', t('lineForm.vendorNeeded', { vendor: order.vendorName }));
      return;
    }
    add.mutate(input, {
      onSuccess: (o) => {
        const line = o.lines[o.lines.length - 1];
        notify.success('purchasing:lineForm.added', { lineNo: line?.lineNo ?? '', sku: line?.sku ?? '' });
        if (again.current) form.setValues(blankProduct);
        else onClose();
      },
      onError: (err) => {
        if (err instanceof ApiError && err.code === 'VENDOR_NOT_LINKED') form.setFieldError('linkVendor', translateError(err));
        else if (!form.applyApiError(err)) notify.error(err);
      },
    });
  });
  const save = (next: boolean) => {
    again.current = next;
    submit();
  };

  return (
    <Modal opened onClose={onClose} title={t('lineForm.addTitle', { number: order.number })} size="xl">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save(false);
        }}
      >
        <Stack>
          <ProductSelect
            label={t('po.product')}
            placeholder={t('lineForm.productPlaceholder')}
            activeOnly
            withAsterisk
            data-autofocus
            value={v.productId}
            onChange={(p) => {
              form.setValues({ ...blankProduct, productId: p?.id ?? null, serialized: p?.serialized ?? false, qty: v.qty });
              form.clearErrors();
            }}
            error={form.errors.productId}
          />
          {v.productId !== null && vendors.data && <ProductVendorsHint vendors={vendors.data} orderVendorId={order.vendorId} showCost={canSeeCosts} />}
          {onLines.length > 0 && (
            <Alert color="yellow" icon={<IconInfoCircle />} py="xs">
              {t('lineForm.alreadyOnOrder', { lines: onLines.map((l) => l.lineNo).join(', ') })}
            </Alert>
          )}
          {notLinked && (
            <Paper withBorder p="sm" bg="var(--mantine-color-orange-light)" data-testid="line-add-vendor">
              <Stack gap="xs">
                <Group gap="xs" wrap="nowrap">
                  <IconAlertTriangle size={18} color="var(--mantine-color-orange-7)" />
                  <Text size="sm" fw={600}>
                    {t('lineForm.notLinked', { vendor: order.vendorName })}
                  </Text>
                </Group>
                <Checkbox
                  label={t('lineForm.linkVendor', { vendor: order.vendorName })}
                  description={t('lineForm.linkVendorHint')}
                  {...form.getInputProps('linkVendor', { type: 'checkbox' })}
                />
                {v.linkVendor && (
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <TextInput label={t('po.vendorPartNumber')} {...form.getInputProps('vendorPartNumber')} />
                    <MoneyInput label={t('lineForm.vendorCost')} withAsterisk {...form.getInputProps('vendorCost')} error={form.errors['addVendor.vendorCost']} />
                  </SimpleGrid>
                )}
              </Stack>
            </Paper>
          )}
          <SimpleGrid cols={{ base: 1, sm: canSeeCosts ? 2 : 1 }}>
            <NumberInput
              label={t('lineForm.qty')}
              withAsterisk
              min={1}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator={false}
              description={v.serialized ? t('lineForm.serializedHint') : undefined}
              {...form.getInputProps('qty')}
            />
            {canSeeCosts && (
              <MoneyInput
                label={t('lines.unitCost')}
                description={v.costTouched ? t('lineForm.costTyped') : defaultCost !== null ? t('lineForm.costDefault') : undefined}
                value={v.costTouched ? v.unitCost : defaultCost}
                // An emptied box goes back to the vendor's cost, which is what the server then uses.
                onChange={(cost) => form.setValues({ unitCost: cost, costTouched: cost !== null })}
                error={form.errors.unitCost}
              />
            )}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <LocationSelect
              label={t('lines.location')}
              withAsterisk
              value={v.locationId ?? defaultLocationId}
              onChange={(id) => form.setFieldValue('locationId', id)}
              error={form.errors.locationId}
            />
            <DayInput
              label={t('lines.estimatedArrival')}
                value={v.estimatedArrival}
              onChange={(day) => form.setFieldValue('estimatedArrival', day)}
              error={form.errors.estimatedArrival}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.close')}
            </Button>
            <Button variant="light" loading={add.isPending && again.current} onClick={() => save(true)}>
              {t('lineForm.addAnother')}
            </Button>
            <Button type="submit" loading={add.isPending && !again.current}>
              {t('lineForm.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
