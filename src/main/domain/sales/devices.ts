// Devices (configuration items): one per serialized unit delivered to a client, created by its delivery
// (deliveries.ts). Searched by serial through the serial key index, whatever the spelling typed.
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { DeviceDetail } from '@shared/contract/sales';
import { DomainError } from '@shared/errors';
import { serialKey } from '@shared/serials';
import { devices } from '@main/db/schema';
import { prepared, type Ctx } from '../context';
import { countUpTo, Filters, listPage, type SortColumns } from '../paging';
import { defineWorkflow } from '../workflow/transitions';
import { moveDocumentNumberSql } from '../stock/history';

type DeviceStatus = (typeof devices.status.enumValues)[number];

/**
 * The device's one transition table. Installed when its delivery leaves; voided when that delivery is
 * reversed (the unit is back in stock, picked again); returned when the client gives it back (a client
 * return, domain/returns). A returned device keeps its row: the unit's history and the return name it.
 */
export const deviceWorkflow = defineWorkflow<DeviceStatus, { id: number; number: string; status: DeviceStatus }>()({
  document: 'device',
  table: 'devices',
  column: 'status',
  states: devices.status.enumValues,
  read: (ctx, id) => prepared<[number], { id: number; number: string; status: DeviceStatus }>(ctx, `SELECT id, serial_number AS number, status FROM devices WHERE id = ?`).get(id),
  state: (row) => row.status,
  history: { table: 'device_events', key: 'device_id' },
  creations: { installed: { to: 'installed' } },
  transitions: {
    void: { from: ['installed'], to: 'voided', system: true },
    /** Written by the client return that brings the unit back (it also records which return and when). */
    return: { from: ['installed'], to: 'returned', system: true },
  },
});

const deviceColumns = `SELECT d.id, d.product_id AS productId, p.sku, p.name AS productName, d.serial_number AS serialNumber, d.status, d.company_id AS companyId, co.name AS companyName,
       d.container_id AS containerId, c.number AS containerNumber, d.contract_id AS contractId, k.number AS contractNumber, d.charge_id AS chargeId, ch.number AS chargeNumber,
       d.delivery_id AS deliveryId, dl.number AS deliveryNumber, d.installed_at AS installedAt, d.warranty_end AS warrantyEnd,
       d.return_id AS returnId, (SELECT number FROM client_returns WHERE id = d.return_id) AS returnNumber, d.returned_at AS returnedAt`;
/** The device's details; CROSS JOIN keeps the tables before them as the outer loops (the walk below). */
const deviceDetails = `CROSS JOIN products p ON p.id = d.product_id LEFT JOIN containers c ON c.id = d.container_id
  LEFT JOIN containers k ON k.id = d.contract_id LEFT JOIN charges ch ON ch.id = d.charge_id CROSS JOIN deliveries dl ON dl.id = d.delivery_id`;
const deviceSelect = `${deviceColumns} FROM devices d JOIN companies co ON co.id = d.company_id ${deviceDetails}`;
/**
 * By client name: companies in name order (names are unique), each one's devices in id order through
 * devices_company_idx, so the page's window is read and the walk stops, at any number of devices.
 */
const byCompanyWalk = `${deviceColumns} FROM companies co INDEXED BY companies_name_unique CROSS JOIN devices d INDEXED BY devices_company_idx ON d.company_id = co.id ${deviceDetails}`;

const sorts: SortColumns<'devices.list'> = { installedAt: 'd.installed_at', serialNumber: 'd.serial_key', companyName: 'co.name' };

export function listDevices(ctx: Ctx, input: ParsedInput<'devices.list'>): ChannelOutput<'devices.list'> {
  const f = new Filters().equals('d.company_id', input.companyId).equals('d.product_id', input.productId).equals('d.charge_id', input.chargeId).equals('d.status', input.status);
  if (!input.includeVoided && input.status === undefined) f.add(`d.status <> 'voided'`);
  if (input.serial) {
    // A prefix of the serial as serials compare (case and surrounding spaces ignored), through its index.
    const key = serialKey(input.serial);
    if (key) f.add(`d.serial_key >= ? AND d.serial_key < ?`, key, `${key}\uffff`);
  }
  return listPage(input, {
    sorts,
    defaultSort: { by: 'installedAt', direction: 'desc' },
    rows: (q) => {
      // A serial or product filter leaves few devices to sort; their own indexes find them.
      const walk = q.by === 'companyName' && !input.serial && input.productId === undefined && input.chargeId === undefined;
      return ctx.sqlite
        .prepare<unknown[], ChannelOutput<'devices.list'>['rows'][number]>(`${walk ? byCompanyWalk : deviceSelect} ${f.where()} ORDER BY ${q.orderBy('d.id')} LIMIT ? OFFSET ?`)
        .all(...f.params, q.limit, q.offset);
    },
    count: () => countUpTo(ctx, `FROM devices d JOIN companies co ON co.id = d.company_id ${f.where()}`, f.params),
  });
}

export function getDevice(ctx: Ctx, id: number): DeviceDetail {
  const device = ctx.sqlite.prepare<[number], ChannelOutput<'devices.list'>['rows'][number]>(`${deviceSelect} WHERE d.id = ?`).get(id);
  if (!device) throw new DomainError('NOT_FOUND', { entity: 'device', id });
  const origin = ctx.sqlite
    .prepare<[number], Omit<DeviceDetail, keyof typeof device | 'moves' | 'eligibleForRma'> & { eligibleForRma: number }>(
      `SELECT (SELECT eligible_for_rma FROM products WHERE id = d.product_id) AS eligibleForRma,
              (SELECT id FROM rmas WHERE device_id = d.id ORDER BY id DESC LIMIT 1) AS rmaId, (SELECT number FROM rmas WHERE device_id = d.id ORDER BY id DESC LIMIT 1) AS rmaNumber,
              l.id AS lotId, l.unit_cost AS unitCost, l.received_at AS receivedAt, v.name AS vendorName, l.vendor_invoice_number AS vendorInvoiceNumber,
              po.id AS purchaseOrderId, po.number AS purchaseOrderNumber, r.number AS receiptNumber
       FROM devices d JOIN lots l ON l.id = d.lot_id LEFT JOIN companies v ON v.id = l.vendor_id LEFT JOIN purchase_order_lines pl ON pl.id = l.po_line_id
       LEFT JOIN purchase_orders po ON po.id = pl.po_id LEFT JOIN receipts r ON r.id = l.receipt_id WHERE d.id = ?`,
    )
    .get(id)!;
  const moves = ctx.sqlite
    .prepare<[number], DeviceDetail['moves'][number]>(
      `SELECT m.id, m.occurred_at AS occurredAt, m.qty, f.name AS fromName, f.kind AS fromKind, t.name AS toName, t.kind AS toKind, m.source_type AS documentType, m.source_id AS documentId,
              ${moveDocumentNumberSql} AS documentNumber,
              u.display_name AS userName
       FROM stock_moves m JOIN locations f ON f.id = m.from_location_id JOIN locations t ON t.id = m.to_location_id LEFT JOIN users u ON u.id = m.user_id
       WHERE m.lot_id = ? ORDER BY m.occurred_at, m.id`,
    )
    .all(origin.lotId);
  return { ...device, ...origin, eligibleForRma: origin.eligibleForRma === 1, moves };
}
