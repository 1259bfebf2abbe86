import { Autocomplete, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DayInput } from '@renderer/lib/DayInput';
import { MoneyInput } from '@renderer/lib/MoneyInput';
import type { ZodForm } from '@renderer/lib/useZodForm';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';

/** What the header inputs hold; `headerToInput` turns it into the contract's header fields. */
export interface HeaderValues extends Record<string, unknown> {
  vendorId: number | null;
  purchaseForCompanyId: number | null;
  shipToName: string;
  shipToAddress: string;
  shippingType: string;
  expectedShipDate: string | null;
  freight: number | null;
  paymentTerms: string;
  memo: string;
}

export function headerToInput(v: HeaderValues) {
  return { ...v, vendorId: v.vendorId ?? undefined, freight: v.freight ?? 0 };
}

interface Props<Out> {
  // The create and update schemas differ only by `id`; the inputs are the same.
  form: ZodForm<HeaderValues, Out>;
  showFreight: boolean;
  vendorLocked?: boolean;
  vendorName?: string | null;
  purchaseForName?: string | null;
  autoFocusVendor?: boolean;
}

/** The header of a purchase order: vendor and client, where it ships, when, and on what terms. */
export function HeaderFields<Out>({ form, showFreight, vendorLocked = false, vendorName, purchaseForName, autoFocusVendor }: Props<Out>) {
  const { t } = useTranslation('purchasing');
  const list = (key: 'header.shippingTypes' | 'header.paymentTermsOptions'): string[] => t(key, { returnObjects: true });
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <CompanySelect
          role="vendor"
          label={t('po.vendor')}
          withAsterisk
          disabled={vendorLocked}
          description={vendorLocked ? t('header.vendorLocked') : undefined}
          placeholder={t('header.vendorPlaceholder')}
          selectedName={vendorName}
          data-autofocus={autoFocusVendor || undefined}
          value={form.values.vendorId}
          onChange={(id) => form.setFieldValue('vendorId', id)}
          error={form.errors.vendorId}
        />
        <CompanySelect
          role="client"
          label={t('po.purchaseFor')}
          placeholder={t('header.purchaseForPlaceholder')}
          clearable
          selectedName={purchaseForName}
          value={form.values.purchaseForCompanyId}
          onChange={(id) => form.setFieldValue('purchaseForCompanyId', id)}
          error={form.errors.purchaseForCompanyId}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Stack gap="md">
          <TextInput label={t('po.shipToName')} {...form.getInputProps('shipToName')} />
          <Textarea label={t('po.shipToAddress')} autosize minRows={3} maxRows={6} {...form.getInputProps('shipToAddress')} />
        </Stack>
        <Stack gap="md">
          <Autocomplete label={t('po.shippingType')} data={list('header.shippingTypes')} {...form.getInputProps('shippingType')} />
          <DayInput
            label={t('po.expectedShipDate')}
            value={form.values.expectedShipDate}
            onChange={(day) => form.setFieldValue('expectedShipDate', day)}
            error={form.errors.expectedShipDate}
          />
        </Stack>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Autocomplete label={t('po.paymentTerms')} data={list('header.paymentTermsOptions')} {...form.getInputProps('paymentTerms')} />
        {showFreight && <MoneyInput label={t('po.freight')} {...form.getInputProps('freight')} />}
      </SimpleGrid>
      <Textarea label={t('po.memo')} description={t('header.memoHint')} autosize minRows={2} maxRows={8} {...form.getInputProps('memo')} />
    </Stack>
  );
}
