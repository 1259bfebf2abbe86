import { Anchor, Checkbox, Group, NumberInput, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconTrendingDown, IconTruck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '@shared/contract/purchasing';
import { AppLink } from '@renderer/lib/AppLink';
import { Money, Qty } from '@renderer/lib/Amount';
import { ListTable, useServerPager, type ListColumn, type ListView, type ServerTableState } from '@renderer/lib/list';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';

interface Props {
  view: ListView<Suggestion>;
  table: ServerTableState<'vendorName'>;
  query: { data?: { rows: Suggestion[]; total: number }; isFetching: boolean; error: unknown };
  selected: Record<number, Suggestion>;
  onSelect: (rows: Suggestion[], on: boolean) => void;
  qtyOf: (s: Suggestion) => number | string;
}

const key = (s: Suggestion) => s.inventoryProductId;

const qtyNumber = (q: number | string) => (typeof q === 'number' ? q : 0);

/** The columns of the suggestions list; costs only for users who may see them. */
export function useSuggestionColumns(qtyOf: (s: Suggestion) => number | string, onQty: (s: Suggestion, qty: number | string) => void): ListColumn<Suggestion>[] {
  const { t } = useTranslation('purchasing');
  const canSeeCosts = useCan('costs.view');
  const canEditCatalog = useCan('catalog.manage');
  return [
    { accessor: 'sku', title: t('po.sku'), noWrap: true, alwaysShown: true },
    {
      accessor: 'productName',
      title: t('po.product'),
      render: (s) => (
        <Stack gap={0} miw={200} maw={320}>
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
    { accessor: 'locationName', title: t('suggestions.location'), truncate: 160 },
    { accessor: 'onHand', title: t('suggestions.onHand'), wrapTitle: true, textAlign: 'right', width: 118, render: (s) => <Qty value={s.onHand} c={s.onHand < s.min ? 'orange' : undefined} fw={600} /> },
    { accessor: 'min', title: t('suggestions.min'), textAlign: 'right', render: (s) => <Qty value={s.min} /> },
    { accessor: 'max', title: t('suggestions.max'), textAlign: 'right', render: (s) => <Qty value={s.max} /> },
    { accessor: 'onOrder', title: t('suggestions.onOrder'), wrapTitle: true, textAlign: 'right', width: 92, render: (s) => <Qty value={s.onOrder} c={s.onOrder === 0 ? 'dimmed' : undefined} /> },
    {
      accessor: 'suggestedQty',
      title: t('suggestions.qtyToOrder'),
      wrapTitle: true,
      textAlign: 'right',
      width: 100,
      render: (s) =>
        s.vendorId === null ? (
          <Qty value={s.suggestedQty} c="dimmed" />
        ) : (
          <NumberInput
            size="xs"
            w={80}
            ml="auto"
            hideControls
            min={1}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={false}
            aria-label={t('suggestions.qtyLabel', { sku: s.sku, location: s.locationName })}
            value={qtyOf(s)}
            onChange={(v) => onQty(s, v)}
            onClick={(e) => e.stopPropagation()}
            error={qtyOf(s) === '' || qtyNumber(qtyOf(s)) < 1}
            styles={{ input: { textAlign: 'right' } }}
          />
        ),
    },
    { accessor: 'vendorCost', title: t('lineForm.vendorCost'), wrapTitle: true, textAlign: 'right', width: 100, hidden: !canSeeCosts, render: (s) => <Money value={s.vendorCost} /> },
    {
      accessor: 'amount',
      title: t('lines.amount'),
      textAlign: 'right',
      noWrap: true,
      hidden: !canSeeCosts,
      render: (s) => (s.vendorCost === null || s.vendorId === null ? '' : <Money value={s.vendorCost * qtyNumber(qtyOf(s))} fw={600} />),
    },
  ];
}

/**
 * Suggestions grouped by default vendor, one header row per vendor (each vendor becomes one order);
 * products without a default vendor come last and cannot be chosen until one is added.
 */
export function SuggestionsTable({ view, table, query, selected, onSelect, qtyOf }: Props) {
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
    const value = group.reduce((sum, r) => sum + (r.vendorCost ?? 0) * qtyNumber(qtyOf(r)), 0);
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
        isRecordSelectable: (s) => s.vendorId !== null,
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
