// One product: its details, the vendors it is bought from and where it is stocked.
// /catalog/products/new creates one; /catalog/products/:id?tab=details|vendors|stock edits one.
import { Alert, Badge, Button, Center, Group, Loader, Stack, Tabs } from '@mantine/core';
import { IconFileDescription, IconPackages, IconTag, IconTruck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { BackLink } from '@renderer/lib/BackLink';
import { PrintLabelsModal } from '@renderer/lib/labels/PrintLabelsModal';
import { translateError } from '@renderer/lib/errors';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useCan } from '@renderer/lib/session';
import { useProduct } from './api';
import { ProductForm } from './ProductForm';
import { useModuleOn } from '@renderer/lib/activations';
import { ProductStock } from './ProductStock';
import { ProductVendors } from './ProductVendors';

const tabs = ['details', 'vendors', 'stock'] as const;
type Tab = (typeof tabs)[number];

export function ProductPage() {
  const { t } = useTranslation(['catalog', 'common', 'labels']);
  const params = useParams();
  const [labelling, setLabelling] = useState(false);
  const [search, setSearch] = useSearchParams();
  // The stock tab is Inventory's (Admin › Activations).
  const mayViewStock = useCan('inventory.view');
  const inventoryOn = useModuleOn('inventory');
  const canSeeStock = mayViewStock && inventoryOn;
  const isNew = params.id === 'new';
  const id = isNew ? null : Number(params.id);
  const product = useProduct(id !== null && Number.isInteger(id) && id > 0 ? id : null);
  const tab: Tab = tabs.find((x) => x === search.get('tab')) ?? 'details';

  const back = <BackLink to="/catalog/products">{t('products.backToList')}</BackLink>;

  if (isNew) {
    return (
      <Stack gap="xs">
        {back}
        <PageHeader title={t('products.newTitle')} description={t('products.newHint')} />
        <ProductForm product={null} />
      </Stack>
    );
  }
  if (product.isError || id === null || !Number.isInteger(id)) {
    return (
      <Stack>
        {back}
        <Alert color="red">{product.isError ? translateError(product.error) : t('products.notFound')}</Alert>
      </Stack>
    );
  }
  if (!product.data) {
    return (
      <Center mih={200}>
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  }
  const p = product.data;
  return (
    <Stack gap="xs">
      {back}
      <PageHeader
        title={p.name}
        description={
          <Group gap="xs" component="span">
            <span>{p.sku}</span>
            {!p.active && <Badge color="gray">{t('common:inactive')}</Badge>}
            {p.serialized && <Badge variant="light">{t('fields.serialized')}</Badge>}
          </Group>
        }
        actions={
          // Labels are Inventory's, like the stock tab.
          canSeeStock && (
            <Button variant="default" leftSection={<IconTag size={16} />} onClick={() => setLabelling(true)}>
              {t('labels:action')}
            </Button>
          )
        }
      />
      {labelling && <PrintLabelsModal targets={{ productIds: [p.id], codes: [p.sku] }} onClose={() => setLabelling(false)} />}
      <Tabs value={tab} onChange={(value) => setSearch(value && value !== 'details' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="details" leftSection={<IconFileDescription size={16} />}>
            {t('products.tabs.details')}
          </Tabs.Tab>
          <Tabs.Tab value="vendors" leftSection={<IconTruck size={16} />}>
            {t('products.tabs.vendors')}
          </Tabs.Tab>
          {canSeeStock && (
            <Tabs.Tab value="stock" leftSection={<IconPackages size={16} />}>
              {t('products.tabs.stock')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="details">
          <ProductForm key={p.id} product={p} />
        </Tabs.Panel>
        <Tabs.Panel value="vendors">
          <ProductVendors productId={p.id} />
        </Tabs.Panel>
        {canSeeStock && (
          <Tabs.Panel value="stock">
            <ProductStock productId={p.id} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
