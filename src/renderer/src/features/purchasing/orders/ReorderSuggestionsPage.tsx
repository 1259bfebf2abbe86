import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconShoppingCartPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PoSummary, Suggestion } from '@shared/contract/purchasing';
import { FilterBar, isFiltered, useListView, useServerTable } from '@renderer/lib/list';
import { notify } from '@renderer/lib/notify';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useClearUrlParams, useUrlId } from '@renderer/lib/useUrlParam';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';
import { useCreateFromSuggestions, useSuggestions } from '../api';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';
import { SuggestionsTable, useSuggestionColumns } from './SuggestionsTable';

/**
 * Reorder suggestions: inventory products below their minimum with the quantity that brings them to
 * their maximum; the chosen ones become one New purchase order per default vendor.
 */
export function ReorderSuggestionsPage() {
  const { t } = useTranslation(['purchasing', 'common']);
  const f = useFormat();
  const canSeeCosts = useCan('costs.view');
  const [locationId, setLocationId] = useUrlId('locationId');
  const [vendorId, setVendorId] = useUrlId('vendorId');
  const filters = { locationId: locationId ?? undefined, vendorId: vendorId ?? undefined };
  const table = useServerTable<'vendorName'>({ sortBy: 'vendorName', pageSize: 100, filters });
  const list = useSuggestions({ ...table.input, ...filters });
  const create = useCreateFromSuggestions();
  const [selected, setSelected] = useState<Record<number, Suggestion>>({});
  const [qtys, setQtys] = useState<Record<number, number | string>>({});
  const [created, setCreated] = useState<PoSummary[] | null>(null);

  const qtyOf = (s: Suggestion) => qtys[s.inventoryProductId] ?? s.suggestedQty;
  const chosen = Object.values(selected);
  const vendorCount = new Set(chosen.map((s) => s.vendorId)).size;
  const amount = chosen.reduce((sum, s) => sum + (s.vendorCost ?? 0) * (Number(qtyOf(s)) || 0), 0);
  const invalid = chosen.filter((s) => {
    const q = qtyOf(s);
    return typeof q !== 'number' || !Number.isInteger(q) || q < 1;
  });

  const select = (rows: Suggestion[], on: boolean) =>
    setSelected((prev) => {
      const next = { ...prev };
      for (const r of rows) {
        if (on && r.vendorId !== null) next[r.inventoryProductId] = r;
        else delete next[r.inventoryProductId];
      }
      return next;
    });

  const createOrders = () =>
    create.mutate(
      { lines: chosen.map((s) => ({ inventoryProductId: s.inventoryProductId, qty: qtyOf(s) as number })) },
      {
        onSuccess: (orders) => {
          setCreated(orders);
          setSelected({});
          setQtys({});
          notify.success('purchasing:suggestions.createdToast', { count: orders.length });
        },
      },
    );

  const onQty = (s: Suggestion, qty: number | string) => setQtys((prev) => ({ ...prev, [s.inventoryProductId]: qty }));
  const view = useListView({
    id: 'purchasing.suggestions',
    columns: useSuggestionColumns(qtyOf, onQty),
    filtered: isFiltered(filters),
    onClearFilters: useClearUrlParams('locationId', 'vendorId'),
  });
  const rows = list.data?.rows ?? [];

  return (
    <Stack gap="md">
      <PageHeader title={t('suggestions.title')} description={t('suggestions.description')} />
      {created && (
        <Alert color="teal" icon={<IconCircleCheck />} title={t('suggestions.createdTitle', { count: created.length })} withCloseButton closeButtonLabel={t('common:actions.close')} onClose={() => setCreated(null)} data-testid="suggestions-created">
          <Group gap="md" wrap="wrap">
            {created.map((o) => (
              <Anchor key={o.id} component={Link} to={`/purchasing/orders/${o.id}`} fw={600}>
                {t('suggestions.createdLink', { number: o.number, vendor: o.vendorName, count: o.lineCount })}
              </Anchor>
            ))}
          </Group>
          <Text size="sm" mt={6}>
            {t('suggestions.createdHint')}
          </Text>
        </Alert>
      )}
      <FilterBar view={view}>
        <LocationSelect
          label={t('suggestions.location')}
          placeholder={t('suggestions.allLocations')}
          clearable
          value={locationId}
          onChange={setLocationId}
          w={240}
        />
        <CompanySelect role="vendor" label={t('po.vendor')} placeholder={t('orders.anyVendor')} clearable value={vendorId} onChange={setVendorId} w={240} />
      </FilterBar>
      {(rows.length > 0 || chosen.length > 0) && (
        <Paper withBorder p="sm" data-testid="suggestions-selection">
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">
              {chosen.length === 0
                ? t('suggestions.noneSelected')
                : t('suggestions.selectedSummary', { count: chosen.length, vendors: vendorCount }) + (canSeeCosts ? ` · ${f.money(amount)}` : '')}
            </Text>
            <Group gap="xs">
              {chosen.length > 0 && (
                <Button variant="subtle" onClick={() => setSelected({})}>
                  {t('suggestions.clearSelection')}
                </Button>
              )}
              <Button leftSection={<IconShoppingCartPlus size={16} />} disabled={chosen.length === 0 || invalid.length > 0} loading={create.isPending} onClick={createOrders}>
                {t('suggestions.create')}
              </Button>
            </Group>
          </Group>
          {invalid.length > 0 && (
            <Text size="sm" c="red" mt={4} role="alert">
              {t('suggestions.invalidQty', { skus: invalid.map((s) => s.sku).join(', ') })}
            </Text>
          )}
        </Paper>
      )}
      <SuggestionsTable
        view={view}
        table={table}
        query={list}
        selected={selected}
        onSelect={select}
        qtyOf={qtyOf}
      />
    </Stack>
  );
}
