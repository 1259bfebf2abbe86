import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconShoppingCartPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChannelOutput } from '@shared/contract';
import type { Suggestion } from '@shared/contract/purchasing';
import { FilterBar, isFiltered, useListView, useServerTable } from '@renderer/lib/list';
import { notify } from '@renderer/lib/notify';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useClearUrlParams, useUrlId } from '@renderer/lib/useUrlParam';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';
import { useCreateFromSuggestions, useSuggestions } from '../api';
import { CompanySelect } from '@renderer/lib/pickers/CompanySelect';
import { amountOf, selectable, suggestionQtys, SuggestionsTable, useSuggestionColumns, validQtys } from './SuggestionsTable';

/**
 * Reorder suggestions: inventory products below their minimum with the quantity that brings them to
 * their maximum, a transfer from the location that refills them first and a purchase for the rest; the
 * chosen ones become one New purchase order per default vendor and one shipped transfer per route.
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
  const [buys, setBuys] = useState<Record<number, number | string>>({});
  const [moves, setMoves] = useState<Record<number, number | string>>({});
  const [created, setCreated] = useState<ChannelOutput<'purchasing.createFromSuggestions'> | null>(null);

  const canTransfer = useCan('stock.transfer');
  const qtys = suggestionQtys(buys, moves, canTransfer);
  const chosen = Object.values(selected);
  const toBuy = chosen.filter((s) => amountOf(qtys.buyOf(s)) > 0);
  const toMove = chosen.filter((s) => amountOf(qtys.transferOf(s)) > 0);
  const vendorCount = new Set(toBuy.map((s) => s.vendorId)).size;
  const routeCount = new Set(toMove.map((s) => `${s.refillFromId}:${s.locationId}`)).size;
  const amount = toBuy.reduce((sum, s) => sum + (s.vendorCost ?? 0) * amountOf(qtys.buyOf(s)), 0);
  const invalid = chosen.filter((s) => !validQtys(s, qtys));

  const select = (rows: Suggestion[], on: boolean) =>
    setSelected((prev) => {
      const next = { ...prev };
      for (const r of rows) {
        if (on && selectable(r, canTransfer)) next[r.inventoryProductId] = r;
        else delete next[r.inventoryProductId];
      }
      return next;
    });

  const createOrders = () =>
    create.mutate(
      {
        lines: toBuy.map((s) => ({ inventoryProductId: s.inventoryProductId, qty: amountOf(qtys.buyOf(s)) })),
        // Left out when nothing moves: buying alone needs no permission to transfer.
        ...(toMove.length > 0
          ? { transfers: toMove.map((s) => ({ inventoryProductId: s.inventoryProductId, qty: amountOf(qtys.transferOf(s)) })), transferNote: t('suggestions.transferNote') }
          : {}),
      },
      {
        onSuccess: (result) => {
          setCreated(result);
          setSelected({});
          setBuys({});
          setMoves({});
          notify.success(result.orders.length > 0 ? 'purchasing:suggestions.createdToast' : 'purchasing:suggestions.createdTransfers', { count: result.orders.length || result.transfers.length });
        },
      },
    );

  const onQty = (s: Suggestion, which: 'buy' | 'transfer', qty: number | string) => (which === 'buy' ? setBuys : setMoves)((prev) => ({ ...prev, [s.inventoryProductId]: qty }));
  const view = useListView({
    id: 'purchasing.suggestions',
    columns: useSuggestionColumns(qtys, onQty, canTransfer),
    filtered: isFiltered(filters),
    onClearFilters: useClearUrlParams('locationId', 'vendorId'),
  });
  const rows = list.data?.rows ?? [];

  return (
    <Stack gap="md">
      <PageHeader title={t('suggestions.title')} description={t('suggestions.description')} />
      {created && (
        <Alert
          color="teal"
          icon={<IconCircleCheck />}
          title={[
            created.orders.length > 0 && t('suggestions.createdTitle', { count: created.orders.length }),
            created.transfers.length > 0 && t('suggestions.createdTransfers', { count: created.transfers.length }),
          ]
            .filter(Boolean)
            .join(' · ')}
          withCloseButton
          closeButtonLabel={t('common:actions.close')}
          onClose={() => setCreated(null)}
          data-testid="suggestions-created"
        >
          <Group gap="md" wrap="wrap">
            {created.orders.map((o) => (
              <Anchor key={o.id} component={Link} to={`/purchasing/orders/${o.id}`} fw={600}>
                {t('suggestions.createdLink', { number: o.number, vendor: o.vendorName, count: o.lineCount })}
              </Anchor>
            ))}
            {created.transfers.map((r) => (
              <Anchor key={r.id} component={Link} to={`/stock/transfers/${r.id}`} fw={600}>
                {r.number}
              </Anchor>
            ))}
          </Group>
          <Text size="sm" mt={6}>
            {[created.orders.length > 0 && t('suggestions.createdHint'), created.transfers.length > 0 && t('suggestions.createdTransfersHint')].filter(Boolean).join(' ')}
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
                : t('suggestions.selectedSummary', { count: chosen.length, vendors: vendorCount }) +
                  (routeCount > 0 ? ` · ${t('suggestions.transferSummary', { count: routeCount })}` : '') +
                  (canSeeCosts ? ` · ${f.money(amount)}` : '')}
            </Text>
            <Group gap="xs">
              {chosen.length > 0 && (
                <Button variant="subtle" onClick={() => setSelected({})}>
                  {t('suggestions.clearSelection')}
                </Button>
              )}
              <Button leftSection={<IconShoppingCartPlus size={16} />} disabled={chosen.length === 0 || invalid.length > 0} loading={create.isPending} onClick={createOrders}>
                {toMove.length > 0 ? t('suggestions.createWithTransfers') : t('suggestions.create')}
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
        qtys={qtys}
        canTransfer={canTransfer}
      />
    </Stack>
  );
}
