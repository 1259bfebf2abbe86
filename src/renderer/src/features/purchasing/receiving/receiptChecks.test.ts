import { describe, expect, it } from 'vitest';
import type { OpenLine } from '@shared/contract/purchasing';
import { checkReceipt, linesConcerned, receiveInput, serialsElsewhere } from './receiptChecks';
import { newDraftLine, type DraftLine } from './receiptDraft';

const open = (lineId: number, over: Partial<OpenLine> = {}): OpenLine => ({
  lineId,
  orderId: 1,
  orderNumber: 'PO-1001',
  vendorId: 7,
  vendorName: 'Ingram Micro',
  purchaseForCompanyId: null,
  purchaseForName: null,
  productId: 100,
  sku: 'LT-T14',
  productName: 'Laptop T14',
  serialized: true,
  vendorPartNumber: 'IM-T14',
  qtyOrdered: 3,
  qtyReceived: 0,
  outstanding: 3,
  backOrdered: 0,
  unitCost: 8_000_000,
  locationId: 5,
  locationName: 'Main warehouse',
  estimatedArrival: null,
  overdue: false,
  backOrderOverdue: false,
  chargeId: null,
  chargeNumber: null,
  chargeCompanyId: null,
  chargeCompanyName: null,
  ...over,
});

const draft = (line: OpenLine, over: Partial<DraftLine> = {}): DraftLine => ({ ...newDraftLine(line, []), ...over });

describe('checking a receipt before posting', () => {
  it('accepts complete lines', () => {
    const lines = [draft(open(1), { qty: 2, serials: ['A', 'B'] }), draft(open(2, { productId: 200, sku: 'CAB', serialized: false }), { qty: 3 })];
    expect(checkReceipt(lines, false)).toEqual({});
  });

  it('refuses an empty quantity, more than outstanding, and a serial count that differs from the quantity', () => {
    const lines = [draft(open(1), { qty: '' }), draft(open(2, { productId: 200, serialized: false }), { qty: 4 }), draft(open(3, { productId: 300 }), { qty: 2, serials: ['X'] })];
    const issues = checkReceipt(lines, false);
    expect(issues[1]?.qty?.key).toBe('receiving.check.qtyRequired');
    expect(issues[2]?.qty).toEqual({ key: 'receiving.check.qtyOver', values: { outstanding: 3 } });
    expect(issues[3]?.serials).toEqual({ key: 'receiving.check.serialCount', values: { count: 1, qty: 2 } });
  });

  it('names serials entered twice for one product, even on lines of two purchase orders', () => {
    const a = draft(open(1), { qty: 2, serials: ['S1', 'S2'] });
    const b = draft(open(2, { orderId: 2, orderNumber: 'PO-1002' }), { qty: 2, serials: ['S2', 'S3'] });
    // The same serial on another product is no clash: serials are unique per product.
    const c = draft(open(3, { productId: 300, sku: 'PHONE' }), { qty: 1, serials: ['S1'] });
    const issues = checkReceipt([a, b, c], false);
    expect(issues[1]?.serials).toEqual({ key: 'receiving.check.duplicateSerials', values: { serials: 'S2' } });
    expect(issues[2]?.serials?.values).toEqual({ serials: 'S2' });
    expect(issues[3]).toBeUndefined();
    expect(serialsElsewhere([a, b, c], 1)).toEqual(['S2', 'S3']);
  });

  it('names serials entered twice in two spellings (case, blanks), as the server compares them', () => {
    const a = draft(open(1), { qty: 2, serials: ['SN-1', 'sn-2'] });
    const b = draft(open(2, { orderId: 2, orderNumber: 'PO-1002' }), { qty: 2, serials: ['sn-1\u00A0', 'SN-3'] });
    const issues = checkReceipt([a, b], false);
    expect(issues[1]?.serials?.values).toEqual({ serials: 'SN-1' });
    expect(issues[2]?.serials?.values).toEqual({ serials: 'sn-1\u00A0' });
    expect(linesConcerned('DUPLICATE_SERIAL', { serials: ['sn-2'], existing: ['SN-2'], within: 'stock' }, [a, b])).toEqual({ lineIds: [1], serials: ['sn-2'] });
    expect(linesConcerned('DUPLICATE_SERIAL', { serials: ['Sn-3'], within: 'list' }, [a, b])).toEqual({ lineIds: [2], serials: ['SN-3'] });
  });

  it('asks for the vendor invoice number on every line when the settings require it', () => {
    const lines = [draft(open(1), { qty: 1, serials: ['A'], vendorInvoiceNumber: ' ' }), draft(open(2), { qty: 1, serials: ['B'], vendorInvoiceNumber: 'INV-9' })];
    expect(checkReceipt(lines, false)).toEqual({});
    const issues = checkReceipt(lines, true);
    expect(issues[1]?.invoice?.key).toBe('receiving.check.invoiceRequired');
    expect(issues[2]).toBeUndefined();
  });

  it('starts a second line of the same order with the invoice number typed on the first', () => {
    const first = draft(open(1), { vendorInvoiceNumber: 'INV-1' });
    expect(newDraftLine(open(2), [first]).vendorInvoiceNumber).toBe('INV-1');
    expect(newDraftLine(open(3, { orderId: 9 }), [first]).vendorInvoiceNumber).toBe('');
  });
});

describe('posting', () => {
  it('sends serials only for serialized products, the client company for straight-to-client lines, and freight split only when there is freight', () => {
    const lines = [
      draft(open(1, { purchaseForCompanyId: 42 }), { qty: 1, serials: ['A'], destination: 'customer', vendorInvoiceNumber: ' INV-1 ' }),
      draft(open(2, { serialized: false }), { qty: 2, locationId: 8 }),
      // Bought for a charge: straight to the charge's client, whatever the order is for.
      draft(open(3, { purchaseForCompanyId: 42, chargeId: 9, chargeNumber: 'CHG-1009', chargeCompanyId: 51, chargeCompanyName: 'Globex' }), { qty: 1, serials: ['B'], destination: 'customer' }),
    ];
    expect(receiveInput({ lines, freight: null, splitFreight: true, note: '  ' })).toEqual({
      lines: [
        { lineId: 1, qty: 1, serials: ['A'], destination: 'customer', locationId: undefined, companyId: 42, vendorInvoiceNumber: 'INV-1' },
        { lineId: 2, qty: 2, serials: undefined, destination: 'location', locationId: 8, companyId: undefined, vendorInvoiceNumber: null },
        { lineId: 3, qty: 1, serials: ['B'], destination: 'customer', locationId: undefined, companyId: 51, vendorInvoiceNumber: null },
      ],
      freight: 0,
      splitFreight: false,
      note: null,
    });
    expect(receiveInput({ lines, freight: 250_000, splitFreight: true, note: 'Pallet 2' })).toMatchObject({ freight: 250_000, splitFreight: true, note: 'Pallet 2' });
  });

  it('points a refusal at the lines it is about', () => {
    const a = draft(open(1), { qty: 1, serials: ['S1'] });
    const b = draft(open(2, { orderId: 2, orderNumber: 'PO-1002', sku: 'CAB', serialized: false }), { qty: 5 });
    expect(linesConcerned('DUPLICATE_SERIAL', { serials: ['S1'], within: 'stock' }, [a, b])).toEqual({ lineIds: [1], serials: ['S1'] });
    expect(linesConcerned('OVER_RECEIPT', { sku: 'CAB', number: 'PO-1002', outstanding: 3, requested: 5 }, [a, b]).lineIds).toEqual([2]);
    expect(linesConcerned('INVOICE_REQUIRED', { number: 'PO-1001' }, [a, b]).lineIds).toEqual([1]);
    expect(linesConcerned('LOCATION_INACTIVE', { name: 'Old shelf' }, [a, b]).lineIds).toEqual([]);
  });
});
