import { Anchor, Checkbox, Group, NumberInput, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconTrendingDown, IconTruck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '@shared/contract/purchasing';
import { AppLink } from '@renderer/lib/AppLink';
import { Money, Qty } from '@renderer/lib/Amount';
import { ListTable, useServerPager, type ListColumn, type ListView, type ServerTableState } from '@renderer/lib/list';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';

/** The quantities the user set on a row (a number, or the text being typed), else the suggested ones. */
export interface SuggestionQtys {
  buyOf: (s: Suggestion) => number | string;
  transferOf: (s: Suggestion) => number | string;
}

interface Props {
  view: ListView<Suggestion>;
  table: ServerTableState<'vendorName'>;
  query: { data?: { rows: Suggestion[]; total: number }; isFetching: boolean; error: unknown };
  selected: Record<number, Suggestion>;
  onSelect: (rows: Suggestion[], on: boolean) => void;
  qtys: SuggestionQtys;
  canTransfer: boolean;
}

const key = (s: Suggestion) => s.inventoryProductId;

/**
 * The quantities of each row: what the user typed, else the suggestion's. Nothing is bought by default for a
 * product with no vendor (it cannot be); without the permission to transfer, nothing is transferred and
 * what the transfer would have covered is bought instead.
 */
export function suggestionQtys(buys: Record<number, number | string>, moves: Record<number, number | string>, canTransfer: boolean): SuggestionQtys {
  return {
    buyOf: (s) => buys[s.inventoryProductId] ?? (s.vendorId === null ? 0 : canTransfer ? s.buyQty : s.suggestedQty),
    transferOf: (s) => (canTransfer ? (moves[s.inventoryProductId] ?? s.transferQty) : 0),
  };
}

/** A quantity as typed, 0 while it is not a number yet. */
export const amountOf = (q: number | string) => (typeof q === 'number' ? q : 0);

/** A row can be chosen when something can be done with it: bought from its vendor, or transferred from its source. */
export const selectable = (s: Suggestion, canTransfer: boolean) => s.vendorId !== null || (canTransfer && s.refillFromId !== null);

/** Whole numbers, at least one unit in all, nothing bought without a vendor nor transferred without a source. */
export function validQtys(s: Suggestion, { buyOf, transferOf }: SuggestionQtys): boolean {
  const buy = buyOf(s);
  const move = transferOf(s);
  const whole = (q: number | string) => typeof q === 'number' && Number.isInteger(q) && q >= 0;
  if (!whole(buy) || !whole(move)) return false;
  if ((buy as number) + (move as number) < 1) return false;
  return !((buy as number) > 0 && s.vendorId === null) && !((move as number) > 0 && s.refillFromId === null);
}

function QtyInput({ value, label, onChange }: { value: number | string; label: string; onChange: (v: number | string) => void }) {
  return (
    <NumberInput
      size="xs"
      w={80}
      ml="auto"
      hideControls
      min={0}
      allowDecimal={false}
      allowNegative={false}
      thousandSeparator={false}
      aria-label={label}
      value={value}
      onChange={onChange}
      onClick={(e) => e.stopPropagation()}
      error={value === ''}
      styles={{ input: { textAlign: 'right' } }}
    />
  );
}

/** The columns of the suggestions list; costs only for users who may see them. */
export function useSuggestionColumns(qtys: SuggestionQtys, onQty: (s: Suggestion, which: 'buy' | 'transfer', qty: number | string) => void, canTransfer: boolean): ListColumn<Suggestion>[] {
  const { t } = useTranslation('purchasing');
  const canSeeCosts = useCan('costs.view');
  const canEditCatalog = useCan('catalog.manage');
  return [
    // The list groups its rows under their default vendor, who has no column: in a file, beside the SKU (always there).
    { accessor: 'sku', title: t('po.sku'), noWrap: true, alwaysShown: true, csv: [{}, { field: 'vendorName', header: t('po.vendor') }] },
    {
      accessor: 'productName',
      title: t('po.product'),
      csv: [{}, { field: 'vendorPartNumber', header: t('po.vendorPartNumber') }],
      render: (s) => (
        <Stack gap={0} miw={160} maw={280}>
          {s.vendorId === null && canEditCatalog ? (
            <Anchor component={AppLink} to={`/catalog/products/${s.productId}?tab=vendors`} size="sm">
              {s.productName}
            </Anchor>
          ) : (
            <Text size="sm">{s.productName}</Text>
          )}
          {s.vendorPartNumber && (
            <Text size="xs" c="dimmed">
              {t('lines.vendorPart', { part: s.vendorPartNumber })}
            </Text>
          )}
        </Stack>
      ),
    },
    { accessor: 'locationName', title: t('suggestions.location'), truncate: 140 },
    { accessor: 'onHand', title: t('suggestions.onHand'), wrapTitle: true, textAlign: 'right', width: 118, render: (s) => <Qty value={s.onHand} c={s.onHand < s.min ? 'orange' : undefined} fw={600} /> },
    { accessor: 'min', title: t('suggestions.min'), textAlign: 'right', render: (s) => <Qty value={s.min} /> },
    { accessor: 'max', title: t('suggestions.max'), textAlign: 'right', render: (s) => <Qty value={s.max} /> },
    { accessor: 'onOrder', title: t('suggestions.onOrder'), wrapTitle: true, textAlign: 'right', width: 92, render: (s) => <Qty value={s.onOrder} c={s.onOrder === 0 ? 'dimmed' : undefined} /> },
    { accessor: 'incoming', title: t('suggestions.incoming'), wrapTitle: true, textAlign: 'right', width: 92, render: (s) => <Qty value={s.incoming} c={s.incoming === 0 ? 'dimmed' : undefined} /> },
    {
      accessor: 'transferQty',
      title: t('suggestions.qtyToTransfer'),
      wrapTitle: true,
      textAlign: 'right',
      width: 116,
      hidden: !canTransfer,
      csv: [{}, { field: 'refillFromName', header: t('suggestions.refillFrom') }],
      render: (s) =>
        s.refillFromId === null ? (
          <Text span size="sm" c="dimmed">
            —
          </Text>
        ) : (
          <Stack gap={2} align="flex-end">
            <QtyInput value={qtys.transferOf(s)} label={t('suggestions.transferLabel', { sku: s.sku, location: s.locationName, from: s.refillFromName })} onChange={(v) => onQty(s, 'transfer', v)} />
            <Text size="xs" c="dimmed" ta="right">
              {t('suggestions.fromSource', { name: s.refillFromName })}
            </Text>
          </Stack>
        ),
    },
    {
      accessor: 'buyQty',
      title: t('suggestions.qtyToOrder'),
      wrapTitle: true,
      textAlign: 'right',
      width: 100,
      render: (s) =>
        s.vendorId === null ? (
          // Nothing can be bought without a vendor: what the transfer leaves uncovered, for information.
          <Qty value={s.suggestedQty - amountOf(qtys.transferOf(s))} c="dimmed" />
        ) : (
          <QtyInput value={qtys.buyOf(s)} label={t('suggestions.qtyLabel', { sku: s.sku, location: s.locationName })} onChange={(v) => onQty(s, 'buy', v)} />
        ),
    },
    { accessor: 'vendorCost', title: t('lineForm.vendorCost'), wrapTitle: true, textAlign: 'right', width: 100, hidden: !canSeeCosts, render: (s) => <Money value={s.vendorCost} /> },
    {
      accessor: 'amount',
      title: t('lines.amount'),
      textAlign: 'right',
      noWrap: true,
      hidden: !canSeeCosts,
      // Priced from the quantities typed on screen, which are not the list's: the file has the vendor cost and the suggested quantity.
      csv: false,
      render: (s) => (s.vendorCost === null || s.vendorId === null ? '' : <Money value={s.vendorCost * amountOf(qtys.buyOf(s))} fw={600} />),
    },
  ];
}

/**
 * Suggestions grouped by default vendor, one header row per vendor (each vendor becomes one order);
 * products without a default vendor come last and cannot be chosen until one is added.
 */
export function SuggestionsTable({ view, table, query, selected, onSelect, qtys, canTransfer }: Props) {
  const { t } = useTranslation('purchasing');
  const f = useFormat();
  const canSeeCosts = useCan('costs.view');
  const pager = useServerPager(table, query.data?.total ?? 0);
  const records = query.data?.rows ?? [];

  const groupHeader = (first: Suggestion) => {
    const group = records.filter((r) => r.vendorId === first.vendorId);
    const colSpan = view.shown.length + 1;
    if (first.vendorId === null) {
      return (
        <tr data-testid="suggestions-group" data-vendor="none">
          <td colSpan={colSpan} style={{ background: 'var(--mantine-color-orange-light)' }}>
            <Group gap="xs" wrap="nowrap">
              <IconAlertTriangle size={18} color="var(--mantine-color-orange-7)" />
              <Text fw={700} size="sm">
                {t('suggestions.noVendor', { count: group.length })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('suggestions.noVendorHint')}
              </Text>
            </Group>
          </td>
        </tr>
      );
    }
    const chosen = group.filter((r) => selected[key(r)]);
    const value = group.reduce((sum, r) => sum + (r.vendorCost ?? 0) * amountOf(qtys.buyOf(r)), 0);
    return (
      <tr data-testid="suggestions-group" data-vendor={first.vendorName ?? ''}>
        <td colSpan={colSpan} style={{ background: 'var(--mantine-color-gray-light)' }}>
          <Group gap="sm" wrap="nowrap">
            <Checkbox
              size="xs"
              aria-label={t('suggestions.selectVendor', { vendor: first.vendorName })}
              checked={chosen.length === group.length}
              indeterminate={chosen.length > 0 && chosen.length < group.length}
              onChange={(e) => onSelect(group, e.currentTarget.checked)}
            />
            <IconTruck size={16} />
            <Text fw={700} size="sm">
              {first.vendorName}
            </Text>
            <Text size="sm" c="dimmed">
              {t('suggestions.groupCount', { count: group.length })}
              {canSeeCosts && ` · ${f.money(value)}`}
            </Text>
          </Group>
        </td>
      </tr>
    );
  };

  return (
    <ListTable<Suggestion>
      testId="suggestions-table"
      view={view}
      query={{ ...query, data: query.data?.rows }}
      total={query.data?.total}
      idAccessor="inventoryProductId"
      pager={pager}
      empty={{ icon: IconTrendingDown, testId: 'suggestions-empty', title: t('suggestions.emptyTitle'), description: t('suggestions.emptyText') }}
      extra={{
        selectedRecords: records.filter((r) => selected[key(r)]),
        onSelectedRecordsChange: (now) => {
          const ids = new Set(now.map(key));
          onSelect(records.filter((r) => !ids.has(key(r))), false);
          onSelect(now, true);
        },
        isRecordSelectable: (s) => selectable(s, canTransfer),
        allRecordsSelectionCheckboxProps: { 'aria-label': t('suggestions.selectPage') },
        getRecordSelectionCheckboxProps: (s) => ({ 'aria-label': t('suggestions.selectRow', { sku: s.sku, location: s.locationName }) }),
        rowFactory: ({ record, index, rowProps, children, expandedElement }) => (
          <>
            {(index === 0 || records[index - 1]!.vendorId !== record.vendorId) && groupHeader(record)}
            <tr {...rowProps}>{children}</tr>
            {expandedElement}
          </>
        ),
      }}
    />
  );
}
