import { Anchor, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { PoLine } from '@shared/contract/purchasing';
import { Money, Qty, type AmountTone } from '@renderer/lib/Amount';
import { AppLink } from '@renderer/lib/AppLink';
import type { useFormat } from '@renderer/lib/useFormat';
import { skuAndName, type ListColumn } from '@renderer/lib/list';
import { dayToMs } from './days';

type Format = ReturnType<typeof useFormat>;
const noWrap = { whiteSpace: 'nowrap' } as const;

// One-word titles size their column; two-word ones get a width and wrap (wrapTitle).
const qtyColumn = (accessor: keyof PoLine, title: string, render: (l: PoLine) => ReactNode, width?: number): ListColumn<PoLine> => ({
  accessor,
  title,
  wrapTitle: width !== undefined,
  textAlign: 'right',
  width,
  render,
});

const zeroDimmed = (n: number, color?: AmountTone) => <Qty value={n} c={n === 0 ? 'dimmed' : color} fw={n === 0 ? undefined : 600} />;

/**
 * Columns of the order's lines; cost and amount only for users who may see costs. Received and
 * outstanding appear once the order is submitted, canceled and back ordered once a line has any
 * (until then they are columns of zeros). SKU, name and vendor part number share one cell, so every
 * column fits a laptop screen.
 */
export function lineColumns(t: TFunction<readonly ['purchasing', 'common']>, f: Format, lines: PoLine[], opts: { showCosts: boolean; submitted: boolean }, actions: ((l: PoLine) => ReactNode) | null): ListColumn<PoLine>[] {
  const columns: ListColumn<PoLine>[] = [
    { accessor: 'lineNo', title: '#', width: 36, textAlign: 'right', alwaysShown: true },
    {
      accessor: 'sku',
      title: t('lines.product'),
      alwaysShown: true,
      csv: [
        ...skuAndName(t('lines.product')),
        { field: 'vendorPartNumber', header: t('po.vendorPartNumber') },
        { field: 'serialized', header: t('receiving.line.serialized') },
        { field: 'chargeNumber', header: t('receiving.columns.charge') },
        { field: 'chargeCompanyName', header: t('receiving.columns.chargeClient') },
      ],
      render: (l) => (
        <Stack gap={0} miw={180}>
          <Text size="sm" fw={600}>
            {l.sku}
          </Text>
          <Text size="sm">{l.productName}</Text>
          {(l.vendorPartNumber || l.serialized) && (
            <Text size="xs" c="dimmed">
              {[l.vendorPartNumber && t('lines.vendorPart', { part: l.vendorPartNumber }), l.serialized && t('lines.serialized')].filter(Boolean).join(' · ')}
            </Text>
          )}
          {l.chargeId !== null && (
            <Anchor component={AppLink} to={`/sales/charges/${l.chargeId}`} size="xs" onClick={(e) => e.stopPropagation()}>
              {t('lines.forCharge', { charge: l.chargeNumber, company: l.chargeCompanyName })}
            </Anchor>
          )}
        </Stack>
      ),
    },
    qtyColumn('qtyOrdered', t('lines.ordered'), (l) => <Qty value={l.qtyOrdered} fw={600} />),
  ];
  if (opts.submitted) columns.push(qtyColumn('qtyReceived', t('lines.received'), (l) => zeroDimmed(l.qtyReceived, 'teal')));
  if (lines.some((l) => l.qtyCanceled > 0)) columns.push(qtyColumn('qtyCanceled', t('lines.canceled'), (l) => zeroDimmed(l.qtyCanceled, 'red')));
  if (opts.submitted) columns.push(qtyColumn('outstanding', t('lines.outstanding'), (l) => zeroDimmed(l.outstanding)));
  if (lines.some((l) => l.backOrdered > 0)) columns.push(qtyColumn('backOrdered', t('lines.backOrdered'), (l) => zeroDimmed(l.backOrdered, 'orange'), 100));
  if (opts.showCosts) {
    columns.push(
      { accessor: 'unitCost', title: t('lines.unitCost'), wrapTitle: true, textAlign: 'right', width: 95, render: (l) => <Money value={l.unitCost} /> },
      { accessor: 'extended', title: t('lines.amount'), textAlign: 'right', render: (l) => <Money value={l.extended} fw={600} /> },
    );
  }
  columns.push(
    { accessor: 'locationName', title: t('lines.location'), wrapTitle: true, width: 115 },
    {
      accessor: 'estimatedArrival',
      title: t('lines.estimatedArrival'), wrapTitle: true,
      width: 100,
      render: (l) => (l.estimatedArrival ? <span style={noWrap}>{f.date(dayToMs(l.estimatedArrival))}</span> : ''),
    },
  );
  if (actions) columns.push({ accessor: 'actions', title: '', textAlign: 'right', csv: false, render: actions });
  return columns;
}
