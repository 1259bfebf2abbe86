import { IconCheck, IconPlus } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { OpenLine } from '@shared/contract/purchasing';
import { AppLink } from '@renderer/lib/AppLink';
import { Qty } from '@renderer/lib/Amount';
import { skuAndName, type ListColumn } from '@renderer/lib/list';
import { OverdueBadge } from '../orders/ApprovalMarks';
import { dayToMs } from '../orders/days';

export type OpenLineSort = 'orderNumber' | 'sku' | 'estimatedArrival';

const num = (accessor: 'qtyOrdered' | 'qtyReceived' | 'outstanding' | 'backOrdered', t: TFunction<readonly ['purchasing', 'common']>, width: number): ListColumn<OpenLine> => ({
  accessor,
  title: t(`receiving.columns.${accessor}`),
  wrapTitle: true,
  textAlign: 'right',
  width,
  render: (row) => <Qty value={row[accessor]} c={accessor === 'backOrdered' && row.backOrdered > 0 ? 'orange' : undefined} fw={accessor === 'outstanding' ? 600 : undefined} />,
});

const block = { display: 'block' } as const;

/** Columns of the open lines list, in plain elements (lib/list/TableView.tsx: a component per cell is what made lists slow); the action comes first so it stays in view when the table scrolls sideways. The
 * purchase-for company shows under the PO: it belongs to the order, which its number opens (for users who may see orders).
 * What is late is marked as the server decided it (its clock, the office's day): a line expected by now under its
 * arrival, back-ordered units older than the settings allow under them; the badge is drawn only where it shows. */
export function openLineColumns(
  t: TFunction<readonly ['purchasing', 'common']>,
  formatDate: (ms: number) => string,
  inReceipt: (lineId: number) => boolean,
  /** `fromKeyboard`: pressed with Enter or Space rather than clicked. */
  onAdd: (row: OpenLine, fromKeyboard: boolean) => void,
  linkOrders: boolean,
): ListColumn<OpenLine>[] {
  return [
    {
      accessor: 'actions',
      title: '',
      width: 100,
      render: (row) =>
        inReceipt(row.lineId) ? (
          <button type="button" className="app-cell-button" disabled title={t('receiving.inReceiptHint')}>
            <IconCheck size={14} aria-hidden />
            {t('receiving.inReceipt')}
          </button>
        ) : (
          <button
            type="button"
            className="app-cell-button mantine-focus-auto"
            aria-label={t('receiving.addNamed', { sku: row.sku, number: row.orderNumber })}
            onClick={(e) => onAdd(row, e.detail === 0)}
          >
            <IconPlus size={14} aria-hidden />
            {t('common:actions.add')}
          </button>
        ),
    },
    // Two facts per cell (PO over its vendor, SKU over the product name) so every column fits a laptop screen.
    {
      accessor: 'orderNumber',
      title: t('receiving.columns.orderVendor'),
      wrapTitle: true,
      sortable: true,
      alwaysShown: true,
      width: 135,
      csv: [
        { header: t('receiving.columns.order') },
        { field: 'vendorName', header: t('receiving.vendor') },
        { field: 'chargeNumber', header: t('receiving.columns.charge') },
        { field: 'chargeCompanyName', header: t('receiving.columns.chargeClient') },
        { field: 'purchaseForName', header: t('receiving.columns.purchaseForName') },
      ],
      render: (row) => (
        <>
          {linkOrders ? (
            <AppLink className="app-row-link app-cell-line mantine-focus-auto" to={`/purchasing/orders/${row.orderId}`}>
              {row.orderNumber}
            </AppLink>
          ) : (
            <span className="app-cell-strong">{row.orderNumber}</span>
          )}
          <span className="app-cell-sub app-cell-truncate" title={row.vendorName}>
            {row.vendorName}
          </span>
          {row.chargeNumber ? (
            <span className="app-cell-sub app-cell-note" title={t('receiving.columns.charge')}>
              {t('receiving.forCharge', { charge: row.chargeNumber, company: row.chargeCompanyName ?? '' })}
            </span>
          ) : (
            row.purchaseForName && (
              <span className="app-cell-sub app-cell-note" title={t('receiving.columns.purchaseForName')}>
                {t('receiving.forCompany', { company: row.purchaseForName })}
              </span>
            )
          )}
        </>
      ),
    },
    {
      accessor: 'sku',
      title: t('receiving.columns.skuProduct'),
      wrapTitle: true,
      sortable: true,
      width: 195,
      csv: skuAndName(t('po.product')),
      render: (row) => (
        <>
          <span className="app-cell-strong">{row.sku}</span>
          <span className="app-cell-sub app-cell-clamp" title={row.productName}>
            {row.productName}
          </span>
        </>
      ),
    },
    { accessor: 'vendorPartNumber', title: t('receiving.columns.vendorPartNumber'), wrapTitle: true, width: 105, render: (row) => row.vendorPartNumber ?? '' },
    num('qtyOrdered', t, 85),
    num('qtyReceived', t, 90),
    num('outstanding', t, 115),
    {
      ...num('backOrdered', t, 90),
      csv: [{}, { field: 'backOrderOverdue', header: t('receiving.columns.backOrderOverdue') }],
      render: (row) => (
        <>
          <span style={block}>
            <Qty value={row.backOrdered} c={row.backOrdered > 0 ? 'orange' : undefined} />
          </span>
          {row.backOrderOverdue && <OverdueBadge overdue title={t('receiving.backOrderOverdue')} data-testid="back-order-overdue" />}
        </>
      ),
    },
    { accessor: 'locationName', title: t('receiving.columns.locationName'), wrapTitle: true, width: 120 },
    {
      accessor: 'estimatedArrival',
      title: t('receiving.columns.estimatedArrival'),
      wrapTitle: true,
      sortable: true,
      width: 110,
      noWrap: true,
      csv: [{}, { field: 'overdue', header: t('receiving.overdue') }],
      render: (row) => {
        const ms = dayToMs(row.estimatedArrival);
        return (
          <>
            {ms !== null && <span style={block}>{formatDate(ms)}</span>}
            {row.overdue && <OverdueBadge overdue title={t('receiving.overdue')} />}
          </>
        );
      },
    },
  ];
}
