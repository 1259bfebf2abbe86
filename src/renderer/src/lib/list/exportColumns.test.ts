// A list's CSV file holds what its screen shows (exportCsv.ts): every titled column yields a column of the
// file, every part a column names is a field of the row, coded values carry words for every value they can
// take, and products come as SKU and name. A column drawn from fields the row does not have is silently
// left out of a file, so the real column definitions are checked against the contract's rows here.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ChannelName } from '@shared/contract';
import { poLineSchema, type PoLine } from '@shared/contract/purchasing';
import { fieldSchema } from '@shared/csv';
import { lineColumns } from '@renderer/features/purchasing/orders/lineColumns';
import { orderColumns } from '@renderer/features/purchasing/orders/orderColumns';
import { openLineColumns as receivingColumns } from '@renderer/features/purchasing/receiving/openLineColumns';
import { chargeColumns } from '@renderer/features/sales/charges/chargeColumns';
import { containerColumns } from '@renderer/features/sales/containers/containerColumns';
import { deliveryColumns, openLineColumns as deliveryLineColumns } from '@renderer/features/sales/delivery/deliveryColumns';
import { deviceColumns } from '@renderer/features/sales/devices/deviceColumns';
import { fulfillmentColumns } from '@renderer/features/sales/fulfillment/fulfillmentColumns';
import { opportunityColumns } from '@renderer/features/sales/opportunities/opportunityColumns';
import { historyColumns } from '@renderer/features/stock/history/historyColumns';
import { itemColumns } from '@renderer/features/stock/items/itemColumns';
import { exportColumns, rowSchemaOf, type ExportColumn } from './exportCsv';
import { chooserLabel, type CsvPart, type ListColumn } from './useListView';

// The key for the words: enough to tell which translation a column uses.
const t = ((key: string) => key) as never;
// Formats are used only when cells are drawn.
const f = {} as never;
const none = () => null;

interface ListCase {
  name: string;
  /** The list channel whose rows the screen shows, or the row's schema for rows read inside a document. */
  rows: ChannelName | z.ZodType;
  columns: ListColumn<never>[];
  /** The fields a product column draws its SKU and name from. */
  product?: [string, string];
}

// Lines with canceled and back-ordered units, so every column of an order's lines is on screen.
const lines = [{ qtyCanceled: 1, backOrdered: 1 } as PoLine];

const lists: ListCase[] = [
  { name: 'stock history', rows: 'stock.history', columns: historyColumns(t, f), product: ['sku', 'productName'] },
  { name: 'inventory products', rows: 'stock.listInventoryProducts', columns: itemColumns(t, true, none), product: ['sku', 'productName'] },
  { name: 'purchase orders', rows: 'purchasing.listOrders', columns: orderColumns(t, f, true) },
  { name: 'purchase order lines', rows: poLineSchema, columns: lineColumns(t, f, lines, { showCosts: true, submitted: true }, none), product: ['sku', 'productName'] },
  { name: 'receiving', rows: 'purchasing.listOpenLines', columns: receivingColumns(t, f, () => false, none, true), product: ['sku', 'productName'] },
  { name: 'charges', rows: 'sales.listCharges', columns: chargeColumns(t, true, { container: true }), product: ['sku', 'description'] },
  { name: 'containers', rows: 'sales.listContainers', columns: containerColumns(t, f) },
  { name: 'opportunities', rows: 'sales.listOpportunities', columns: opportunityColumns(t, f) },
  { name: 'devices', rows: 'devices.list', columns: deviceColumns(t, f), product: ['sku', 'productName'] },
  { name: 'delivery lines', rows: 'delivery.listOpen', columns: deliveryLineColumns(t), product: ['sku', 'productName'] },
  { name: 'deliveries', rows: 'delivery.list', columns: deliveryColumns(t, f) },
  { name: 'fulfillment', rows: 'purchasing.listFulfillment', columns: fulfillmentColumns(t, f, { canSeeCosts: true, canPick: true, onPick: none }), product: ['sku', 'productName'] },
];

function rowOf(list: ListCase): z.ZodType {
  const row = typeof list.rows === 'string' ? rowSchemaOf({ kind: 'paged', channel: list.rows }) : list.rows;
  if (!row) throw new Error(`${String(list.rows)} is not a paged list`);
  return row;
}

/** The parts a column asks the file for: its own field under its title unless it names others. */
function partsOf(column: ListColumn<never>): readonly CsvPart[] {
  if (column.csv === false) return [];
  if (column.csv === undefined) return [{}];
  return Array.isArray(column.csv) ? column.csv : [column.csv as CsvPart];
}

/** The values a field can take when it is an enum (a status, a type), else null. */
function enumValues(schema: z.ZodType): readonly string[] | null {
  let node: z.ZodType = schema;
  while (node instanceof z.ZodNullable || node instanceof z.ZodOptional) node = node.unwrap() as z.ZodType;
  return node instanceof z.ZodEnum ? (node.options as string[]) : null;
}

describe.each(lists)('the $name file', (list) => {
  const row = rowOf(list);
  const titled = list.columns.filter((column) => chooserLabel(column) !== null);
  const file: ExportColumn[] = exportColumns(list.columns, row);

  it.each(titled.map((column) => [String(column.accessor), column] as const))('holds the %s column, each of its parts a field of the row', (_accessor, column) => {
    expect(exportColumns([column], row)).toHaveLength(partsOf(column).length);
  });

  it('writes each field once, under headers told apart', () => {
    const perColumn = titled.reduce((sum, column) => sum + exportColumns([column], row).length, 0);
    expect(file).toHaveLength(perColumn);
    expect(new Set(file.map((c) => c.header)).size).toBe(file.length);
  });

  it('has words for every value of its coded fields', () => {
    for (const column of file) {
      const values = enumValues(fieldSchema(row, column.field)!);
      if (!values) continue;
      expect(Object.keys(column.labels ?? {}).sort(), column.field).toEqual([...values].sort());
    }
  });

  it.runIf(list.product)('has the SKU and the name of the product', () => {
    expect(file.map((c) => c.field)).toEqual(expect.arrayContaining(list.product!));
  });
});

describe('status columns', () => {
  it('write the words the badges show', () => {
    const charges = exportColumns(chargeColumns(t, true), rowSchemaOf({ kind: 'paged', channel: 'sales.listCharges' }));
    expect(charges.find((c) => c.field === 'status')?.labels).toMatchObject({ waitingApproval: 'chargeStatus.waitingApproval', delivered: 'chargeStatus.delivered' });
    const orders = exportColumns(orderColumns(t, f, true), rowSchemaOf({ kind: 'paged', channel: 'purchasing.listOrders' }));
    expect(orders.find((c) => c.field === 'status')?.labels).toMatchObject({ receivedPartial: 'status.receivedPartial' });
    expect(orders.find((c) => c.field === 'approvalStatus')).toMatchObject({ header: 'po.approval', labels: { requested: 'approval.requested' } });
  });
});

describe('columns left out', () => {
  it('are those marked so and those without a title (row actions)', () => {
    const columns = fulfillmentColumns(t, f, { canSeeCosts: false, canPick: true, onPick: none });
    const file = exportColumns(columns, rowSchemaOf({ kind: 'paged', channel: 'purchasing.listFulfillment' }));
    expect(file.map((c) => c.field)).not.toContain('actions');
    // Without costs the cell shows no vendor cost, so the file does not ask for it.
    expect(file.map((c) => c.field)).not.toContain('vendorCost');
  });
});
