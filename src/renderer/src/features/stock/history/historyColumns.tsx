import type { TFunction } from 'i18next';
import type { HistoryRow } from '@shared/contract/stock';
import { AppLink } from '@renderer/lib/AppLink';
import { Qty } from '@renderer/lib/Amount';
import { CellBadge, csvLabels, skuAndName, type ListColumn } from '@renderer/lib/list';
import { locationLabel, virtualLocationWords } from '@renderer/lib/locationLabel';

const typeColors: Record<HistoryRow['type'], string> = {
  'inventoryProduct.created': 'grape',
  'inventoryProduct.updated': 'violet',
  'serial.edited': 'indigo',
  adjustment: 'yellow',
  transfer: 'blue',
  'transfer.ship': 'cyan',
  'transfer.receive': 'teal',
  stocktake: 'lime',
  receipt: 'green',
  reversal: 'orange',
  'stock.picked': 'pink',
  'stock.unpicked': 'gray',
  'stock.reserved': 'grape',
  'stock.released': 'gray',
  delivery: 'red',
  shipment: 'red',
  return: 'teal',
  'rma.toVendor': 'orange',
  'rma.fromVendor': 'lime',
  'vendorReturn.toVendor': 'orange',
  'vendorReturn.fromVendor': 'lime',
};

function Changes({ row, t }: { row: HistoryRow; t: TFunction<readonly ['stock', 'locations']> }) {
  if (row.changes.length === 0) return null;
  const shown = (v: string | null) => (v === null || v === '' ? t('history.empty') : v);
  return row.changes.map((c) => (
    <span key={c.field} className="app-cell-small">
      <strong>{t(`history.fields.${c.field}`, { defaultValue: c.field })}</strong>: {shown(c.before)} → {shown(c.after)}
    </span>
  ));
}

/** The documents with a page of their own, by type. */
const documentPages: Partial<Record<NonNullable<HistoryRow['documentType']>, string>> = {
  transfer: '/stock/transfers',
  stocktake: '/stock/counts',
  charge: '/sales/charges',
  delivery: '/sales/deliveries',
  return: '/sales/returns',
  rma: '/sales/rma',
  vendorReturn: '/purchasing/vendor-returns',
  opportunity: '/sales/opportunities',
};

/**
 * The row's document as a link where it has a page (a transfer, a stocktake, a charge, a delivery, a return,
 * an opportunity); a receipt the Receipts tab of the order its line came from, with that order's number (one
 * receipt can take lines of several orders). Adjustments have no page of their own: their number is text.
 */
function DocumentRef({ row }: { row: HistoryRow }) {
  if (row.documentNumber === null) return null;
  const page = row.documentType ? documentPages[row.documentType] : undefined;
  if (page && row.documentId !== null) {
    return (
      <AppLink className="app-row-link" to={`${page}/${row.documentId}`}>
        {row.documentNumber}
      </AppLink>
    );
  }
  if (row.documentType === 'receipt' && row.orderId !== null) {
    return (
      <>
        <AppLink className="app-row-link app-cell-line" to={`/purchasing/orders/${row.orderId}?tab=receipts`}>
          {row.documentNumber}
        </AppLink>
        <AppLink className="app-row-link app-cell-small" to={`/purchasing/orders/${row.orderId}`}>
          {row.orderNumber}
        </AppLink>
      </>
    );
  }
  return <>{row.documentNumber}</>;
}

function where(row: HistoryRow): string {
  if (row.fromLocationName || row.toLocationName) {
    return `${locationLabel(row.fromLocationName, row.fromLocationKind)} → ${locationLabel(row.toLocationName, row.toLocationKind)}`;
  }
  return row.locationName ?? '';
}

export function historyColumns(t: TFunction<readonly ['stock', 'locations']>, dateTime: (ms: number) => string): ListColumn<HistoryRow>[] {
  return [
    { accessor: 'occurredAt', title: t('columns.date'), sortable: true, noWrap: true, alwaysShown: true, render: (r) => dateTime(r.occurredAt) },
    {
      accessor: 'type',
      title: t('columns.type'),
      csv: { labels: csvLabels(Object.keys(typeColors) as HistoryRow['type'][], (type) => t(`history.types.${type}`)) },
      render: (r) => (
<CellBadge color={typeColors[r.type]}>{t(`history.types.${r.type}`)}</CellBadge>
      ),
    },
    {
      accessor: 'productName',
      title: t('columns.product'),
      csv: skuAndName(t('columns.product')),
      render: (r) =>
        r.sku && (
          <>
            <span className="app-cell-strong">{r.sku}</span>
            <span className="app-cell-sub app-cell-truncate" style={{ maxWidth: 200 }} title={r.productName ?? undefined}>
              {r.productName}
            </span>
          </>
        ),
    },
    { accessor: 'serialNumber', title: t('columns.serial'), noWrap: true, render: (r) => r.serialNumber ?? '' },
    { accessor: 'qty', title: t('columns.qty'), textAlign: 'right', render: (r) => (r.qty === null ? '' : <Qty value={r.qty} />) },
    {
      accessor: 'where',
      title: t('columns.fromTo'),
      truncate: 240,
      csv: [
        { field: 'fromLocationName', header: t('columns.from'), labels: virtualLocationWords() },
        { field: 'toLocationName', header: t('columns.to'), labels: virtualLocationWords() },
        { field: 'locationName', header: t('columns.location') },
      ],
      render: (r) => where(r),
    },
    { accessor: 'documentNumber', title: t('columns.document'), noWrap: true, render: (r) => <DocumentRef row={r} /> },
    { accessor: 'reason', title: t('columns.reason'), truncate: 180, render: (r) => r.reason ?? '' },
    { accessor: 'userName', title: t('columns.user'), truncate: 140, render: (r) => r.userName ?? '' },
    // Each change is a field with its value before and after: a list of objects, which a file column cannot hold.
    { accessor: 'changes', title: t('columns.changes'), width: 220, csv: false, render: (r) => <Changes row={r} t={t} /> },
  ];
}
