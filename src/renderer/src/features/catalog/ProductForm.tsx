// Every field of a product, validated by the contract's product schema. New products go on to their
// page so a vendor can be added next (a product needs one before it can be ordered).
import { Fieldset, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { contract } from '@shared/contract';
import { billingPeriods, type Product } from '@shared/contract/catalog';
import { MoneyInput } from '@renderer/lib/MoneyInput';
import { notify } from '@renderer/lib/notify';
import { useCan } from '@renderer/lib/session';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useCategories, useCreateProduct, useUpdateProduct } from './api';
import { FormFooter } from '@renderer/lib/FormFooter';

type BillingPeriod = (typeof billingPeriods)[number];

function initialValues(p: Product | null) {
  return {
    sku: p?.sku ?? '',
    name: p?.name ?? '',
    description: p?.description ?? '',
    categoryId: p?.categoryId ?? null,
    manufacturer: p?.manufacturer ?? '',
    manufacturerPartNumber: p?.manufacturerPartNumber ?? '',
    barcode: p?.barcode ?? '',
    unitCost: (p?.unitCost ?? 0) as number | null,
    unitPrice: (p?.unitPrice ?? 0) as number | null,
    msrp: (p?.msrp ?? 0) as number | null,
    serialized: p?.serialized ?? false,
    active: p?.active ?? true,
    eligibleForRma: p?.eligibleForRma ?? false,
    doesNotRequireProcurement: p?.doesNotRequireProcurement ?? false,
    trackedInStock: p?.trackedInStock ?? true,
    warrantyMonths: (p?.warrantyMonths ?? 0) as number | string,
    billingPeriod: (p?.billingPeriod ?? 'oneTime') as BillingPeriod,
  };
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="sm">
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function ProductForm({ product }: { product: Product | null }) {
  const { t } = useTranslation(['catalog', 'common']);
  const navigate = useNavigate();
  const canManage = useCan('catalog.manage');
  const canSeeCosts = useCan('costs.view');
  const categories = useCategories();
  const create = useCreateProduct();
  const update = useUpdateProduct();
  // The fields are those of a new product; editing adds the id on submit.
  // Without costs.view the cost is neither shown nor sent: the server keeps it (0 for a new product).
  const form = useZodForm(contract['catalog.createProduct'].input, initialValues(product), {
    toInput: (v) => (canSeeCosts ? v : { ...v, unitCost: undefined }),
  });
  const onError = (err: unknown) => form.applyApiError(err) || notify.error(err);

  return (
    <form
      noValidate
      data-testid="product-form"
      onSubmit={form.onSubmit((input) => {
        if (product) update.mutate({ ...input, id: product.id }, { onSuccess: () => form.resetDirty(), onError });
        else create.mutate(input, { onSuccess: (created) => navigate(`/catalog/products/${created.id}?tab=vendors`, { replace: true }), onError });
      })}
    >
      <Fieldset variant="unstyled" disabled={!canManage}>
        <Stack gap="md">
          <Section title={t('products.sections.identification')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('fields.sku')} withAsterisk autoFocus={!product} {...form.getInputProps('sku')} />
              <TextInput label={t('fields.name')} withAsterisk {...form.getInputProps('name')} />
              <Select<number>
                label={t('fields.category')}
                placeholder={t('common:none')}
                clearable
                searchable
                data={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                {...form.getInputProps('categoryId')}
              />
              <TextInput label={t('fields.barcode')} description={t('products.barcodeHint')} {...form.getInputProps('barcode')} />
            </SimpleGrid>
            <Textarea mt="sm" label={t('fields.description')} autosize minRows={2} maxRows={8} {...form.getInputProps('description')} />
          </Section>
          <Section title={t('products.sections.manufacturer')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('fields.manufacturer')} {...form.getInputProps('manufacturer')} />
              <TextInput label={t('fields.manufacturerPartNumber')} {...form.getInputProps('manufacturerPartNumber')} />
            </SimpleGrid>
          </Section>
          <Section title={t('products.sections.pricing')}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              {canSeeCosts && <MoneyInput label={t('fields.unitCost')} withAsterisk {...form.getInputProps('unitCost')} />}
              <MoneyInput label={t('fields.unitPrice')} withAsterisk {...form.getInputProps('unitPrice')} />
              <MoneyInput label={t('fields.msrp')} withAsterisk {...form.getInputProps('msrp')} />
              <Select<BillingPeriod>
                label={t('fields.billingPeriod')}
                allowDeselect={false}
                data={billingPeriods.map((b) => ({ value: b, label: t(`billingPeriods.${b}`) }))}
                {...form.getInputProps('billingPeriod')}
              />
            </SimpleGrid>
          </Section>
          <Section title={t('products.sections.settings')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Switch label={t('fields.serialized')} description={t('products.serializedHint')} {...form.getInputProps('serialized', { type: 'checkbox' })} />
              <Switch label={t('fields.active')} description={t('products.activeHint')} {...form.getInputProps('active', { type: 'checkbox' })} />
              <Switch label={t('fields.eligibleForRma')} description={t('products.rmaHint')} {...form.getInputProps('eligibleForRma', { type: 'checkbox' })} />
              <Switch
                label={t('fields.doesNotRequireProcurement')}
                description={t('products.procurementHint')}
                {...form.getInputProps('doesNotRequireProcurement', { type: 'checkbox' })}
              />
              <Switch label={t('fields.trackedInStock')} description={t('products.trackedHint')} {...form.getInputProps('trackedInStock', { type: 'checkbox' })} />
              <NumberInput
                label={t('fields.warrantyMonths')}
                description={t('products.warrantyHint')}
                min={0}
                max={240}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps('warrantyMonths')}
              />
            </SimpleGrid>
          </Section>
          {canManage && (
            <FormFooter onCancel={() => navigate('/catalog/products')} submitLabel={product ? t('common:actions.saveChanges') : t('products.create')} loading={create.isPending || update.isPending} />
          )}
        </Stack>
      </Fieldset>
    </form>
  );
}
