import { Anchor, Checkbox, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconTruck } from '@tabler/icons-react';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Suggestion } from '@shared/contract/purchasing';
import { Money, Qty } from '@renderer/lib/Amount';
import { useServerPager, type ServerTableState } from '@renderer/lib/ServerTable';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { wrapping } from './columnTitle';

interface Props {
  table: ServerTableState<'vendorName'>;
  rows: Suggestion[];
  total: number;
  fetching: boolean;
  selected: Record<number, Suggestion>;
  onSelect: (rows: Suggestion[], on: boolean) => void;
  qtyOf: (s: Suggestion) => number | string;
  onQty: (s: Suggestion, qty: number | string) => void;
}

const key = (s: Suggestion) => s.inventoryProductId;

/**
 * Suggestions grouped by default vendor, one header row per vendor (each vendor becomes one order);
 * products without a default vendor come last and cannot be chosen until one is added.
 */
export function SuggestionsTable({ table, rows, total, fetching, selected, onSelect, qtyOf, onQty }: Props) {
  const { t } = useTranslation('purchasing');
  const f = useFormat();
  const canSeeCosts = useCan('costs.view');
  const canEditCatalog = useCan('catalog.manage');
  const pager = useServerPager(table, total);
  const qtyNumber = (s: Suggestion) => {
    const q = qtyOf(s);
    return typeof q === 'number' ? q : 0;
  };

  const columns: DataTableColumn<Suggestion>[] = [
    { accessor: 'sku', title: t('po.sku'), noWrap: true },
    {
      accessor: 'productName',
      title: t('po.product'),
      render: (s) => (
        <Stack gap={0} miw={200}>
          {s.vendorId === null && canEditCatalog ? (
            <Anchor component={Link} to={`/catalog/products/${s.productId}?tab=vendors`} size="sm">
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
    { accessor: 'locationName', title: t('suggestions.location') },
    { accessor: 'onHand', title: wrapping(t('suggestions.onHand')), textAlign: 'right', width: 118, render: (s) => <Qty value={s.onHand} c={s.onHand < s.min ? 'orange' : undefined} fw={600} /> },
    { accessor: 'min', title: t('suggestions.min'), textAlign: 'right', render: (s) => <Qty value={s.min} /> },
    { accessor: 'max', title: t('suggestions.max'), textAlign: 'right', render: (s) => <Qty value={s.max} /> },
    { accessor: 'onOrder', title: wrapping(t('suggestions.onOrder')), textAlign: 'right', width: 92, render: (s) => <Qty value={s.onOrder} c={s.onOrder === 0 ? 'dimmed' : undefined} /> },
    {
      accessor: 'suggestedQty',
      title: wrapping(t('suggestions.qtyToOrder')),
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
            error={qtyOf(s) === '' || qtyNumber(s) < 1}
            styles={{ input: { textAlign: 'right' } }}
          />
        ),
    },
  ];
  if (canSeeCosts) {
    columns.push(
      { accessor: 'vendorCost', title: wrapping(t('lineForm.vendorCost')), textAlign: 'right', width: 100, render: (s) => <Money value={s.vendorCost} /> },
      {
        accessor: 'amount',
        title: t('lines.amount'),
        textAlign: 'right',
        noWrap: true,
        render: (s) => (s.vendorCost === null || s.vendorId === null ? '' : <Money value={s.vendorCost * qtyNumber(s)} fw={600} />),
      },
    );
  }

  const groupHeader = (first: Suggestion) => {
    const group = rows.filter((r) => r.vendorId === first.vendorId);
    const colSpan = columns.length + 1;
    if (first.vendorId === null) {
      return (
        <Table.Tr data-testid="suggestions-group" data-vendor="none">
          <Table.Td colSpan={colSpan} bg="var(--mantine-color-orange-light)">
            <Group gap="xs" wrap="nowrap">
              <IconAlertTriangle size={18} color="var(--mantine-color-orange-7)" />
              <Text fw={700} size="sm">
                {t('suggestions.noVendor', { count: group.length })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('suggestions.noVendorHint')}
              </Text>
            </Group>
          </Table.Td>
        </Table.Tr>
      );
    }
    const chosen = group.filter((r) => selected[key(r)]);
    const value = group.reduce((sum, r) => sum + (r.vendorCost ?? 0) * qtyNumber(r), 0);
    return (
      <Table.Tr data-testid="suggestions-group" data-vendor={first.vendorName ?? ''}>
        <Table.Td colSpan={colSpan} bg="var(--mantine-color-gray-light)">
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
        </Table.Td>
      </Table.Tr>
    );
  };

  return (
    <DataTable<Suggestion>
      data-testid="suggestions-table"
      withTableBorder
      borderRadius="sm"
      highlightOnHover
      records={rows}
      columns={columns}
      idAccessor="inventoryProductId"
      fetching={fetching}
      {...pager}
      selectedRecords={rows.filter((r) => selected[key(r)])}
      onSelectedRecordsChange={(now) => {
        const ids = new Set(now.map(key));
        onSelect(rows.filter((r) => !ids.has(key(r))), false);
        onSelect(now, true);
      }}
      isRecordSelectable={(s) => s.vendorId !== null}
      allRecordsSelectionCheckboxProps={{ 'aria-label': t('suggestions.selectPage') }}
      getRecordSelectionCheckboxProps={(s) => ({ 'aria-label': t('suggestions.selectRow', { sku: s.sku, location: s.locationName }) })}
      rowFactory={({ record, index, rowProps, children, expandedElement }) => (
        <>
          {(index === 0 || rows[index - 1]!.vendorId !== record.vendorId) && groupHeader(record)}
          <Table.Tr {...rowProps}>{children}</Table.Tr>
          {expandedElement}
        </>
      )}
    />
  );
}
