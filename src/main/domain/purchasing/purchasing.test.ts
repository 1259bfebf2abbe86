import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Permission } from '@shared/contract/define';
import { pdfPages } from '@main/testing/pdfText';
import { startTestSmtpServer } from '@main/testing/smtpServer';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';

let t: TestApp;
let w: ReturnType<typeof seedWorld> & { vendor: { id: number }; other: { id: number }; client: { id: number } };

beforeEach(() => {
  t = createTestApp();
  const world = seedWorld(t);
  const vendor = t.ok('catalog.createCompany', { name: 'Ingram Micro', isVendor: true, isClient: false, email: 'orders@ingram.example', address1: 'Calle Mayor 1', city: 'Madrid', country: 'Spain' });
  const other = t.ok('catalog.createCompany', { name: 'Esprinet', isVendor: true, isClient: false });
  const client = t.ok('catalog.createCompany', { name: 'Bufete Ruiz', isVendor: false, isClient: true });
  t.ok('catalog.saveProductVendor', { productId: world.cable.id, vendorId: vendor.id, vendorPartNumber: 'IM-CAB6', vendorCost: 12_000, isDefault: true });
  t.ok('catalog.saveProductVendor', { productId: world.laptop.id, vendorId: vendor.id, vendorPartNumber: 'IM-T14', vendorCost: 8_500_000, isDefault: true });
  w = { ...world, vendor, other, client };
});
afterEach(() => {
  expect(t.ok('stock.verifyLedger', {}).ok).toBe(true);
  t.close();
});

function user(permissions: Permission[], name = 'clerk') {
  return t.tokenFor(t.addUser({ username: name, permissions }).id);
}

function order(lines: { productId: number; qty: number; unitCost?: number }[] = [], extra: Record<string, unknown> = {}) {
  return t.ok('purchasing.createOrder', { vendorId: w.vendor.id, lines: lines.map((l) => ({ ...l, locationId: w.main.id })), ...extra });
}

function submitted(lines: { productId: number; qty: number; unitCost?: number }[]) {
  return t.ok('purchasing.submit', { id: order(lines).id });
}

describe('purchase orders', () => {
  it('numbers orders from the settings and prices lines at the vendor cost with its part number', () => {
    t.ok('settings.update', { poNumberPrefix: 'OC-', poNextNumber: 500 });
    const po = order([{ productId: w.cable.id, qty: 10 }, { productId: w.laptop.id, qty: 2, unitCost: 8_000_000 }], { freight: 50_000, purchaseForCompanyId: w.client.id });
    expect(po).toMatchObject({ number: 'OC-500', status: 'new', vendorName: 'Ingram Micro', purchaseForName: 'Bufete Ruiz', subtotal: 16_120_000, freight: 50_000, total: 16_170_000 });
    expect(po.lines.map((l) => [l.lineNo, l.sku, l.vendorPartNumber, l.qtyOrdered, l.unitCost, l.extended])).toEqual([
      [1, 'CAB-6-2M', 'IM-CAB6', 10, 12_000, 120_000],
      [2, 'LT-T14', 'IM-T14', 2, 8_000_000, 16_000_000],
    ]);
    expect(order().number).toBe('OC-501');
    expect(t.ok('settings.get', {}).poNextNumber).toBe(502);
  });

  it('takes only products bought from the vendor, or adds the vendor on the fly', () => {
    const po = t.ok('purchasing.createOrder', { vendorId: w.other.id });
    expect(t.fail('purchasing.addLine', { orderId: po.id, productId: w.cable.id, qty: 1, locationId: w.main.id })).toMatchObject({ code: 'VENDOR_NOT_LINKED', details: { sku: 'CAB-6-2M' } });
    const withLine = t.ok('purchasing.addLine', { orderId: po.id, productId: w.cable.id, qty: 3, locationId: w.main.id, addVendor: { vendorPartNumber: 'ES-77', vendorCost: 11_000 } });
    expect(withLine.lines.map((l) => [l.vendorPartNumber, l.unitCost])).toEqual([['ES-77', 11_000]]);
    expect(t.ok('catalog.listProductVendors', { productId: w.cable.id }).map((v) => [v.vendorName, v.isDefault])).toEqual([
      ['Ingram Micro', true],
      ['Esprinet', false],
    ]);
    // Changing the vendor needs every product bought from the new one.
    const header = { vendorId: w.vendor.id, purchaseForCompanyId: null, freight: 0 };
    expect(t.ok('purchasing.updateOrder', { id: po.id, ...header }).lines[0]!.vendorPartNumber).toBe('IM-CAB6');
  });

  it('keeps the freight when a header edit leaves it out, and names the companies in the history', () => {
    const po = order([{ productId: w.cable.id, qty: 1 }], { freight: 75_000 });
    const edited = t.ok('purchasing.updateOrder', { id: po.id, vendorId: w.vendor.id, purchaseForCompanyId: w.client.id, shippingType: 'Courier' });
    expect(edited).toMatchObject({ freight: 75_000, shippingType: 'Courier', purchaseForName: 'Bufete Ruiz' });
    expect(t.ok('purchasing.history', { id: po.id })[0]!.details.changes).toEqual([
      { field: 'purchaseForCompanyId', before: null, after: w.client.id, beforeName: null, afterName: 'Bufete Ruiz' },
      { field: 'shippingType', before: null, after: 'Courier' },
    ]);
  });

  it('changes lines only while New, and the vendor only until something is received', () => {
    const po = submitted([{ productId: w.cable.id, qty: 5 }]);
    const line = po.lines[0]!;
    expect(t.fail('purchasing.addLine', { orderId: po.id, productId: w.cable.id, qty: 1, locationId: w.main.id }).code).toBe('INVALID_TRANSITION');
    expect(t.fail('purchasing.updateLine', { id: line.id, qty: 9, locationId: w.main.id }).code).toBe('INVALID_TRANSITION');
    expect(t.fail('purchasing.removeLine', { id: line.id }).code).toBe('INVALID_TRANSITION');
    t.ok('purchasing.receive', { lines: [{ lineId: line.id, qty: 1 }] });
    t.ok('catalog.saveProductVendor', { productId: w.cable.id, vendorId: w.other.id, vendorCost: 1 });
    expect(t.fail('purchasing.updateOrder', { id: po.id, vendorId: w.other.id, freight: 0 }).code).toBe('INVALID_TRANSITION');
    expect(t.ok('purchasing.updateOrder', { id: po.id, vendorId: w.vendor.id, freight: 0, memo: 'Call before delivery' }).memo).toBe('Call before delivery');
  });

  it('cancels New or Submitted orders with nothing received, and nothing else', () => {
    const draft = order([{ productId: w.cable.id, qty: 1 }]);
    expect(t.ok('purchasing.cancelOrder', { id: draft.id, reason: 'Duplicate' })).toMatchObject({ status: 'canceled', cancelReason: 'Duplicate' });
    expect(t.fail('purchasing.submit', { id: draft.id }).code).toBe('INVALID_TRANSITION');
    const po = submitted([{ productId: w.cable.id, qty: 2 }]);
    t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 1 }] });
    expect(t.fail('purchasing.cancelOrder', { id: po.id }).code).toBe('INVALID_TRANSITION');
    expect(t.fail('purchasing.submit', { id: order().id }).code).toBe('PO_EMPTY');
  });
});

describe('approval', () => {
  beforeEach(() => {
    t.ok('settings.update', { approvalThreshold: 10_000_000 });
  });

  it('holds an order at or above the threshold until an approver approves it', () => {
    const po = order([{ productId: w.laptop.id, qty: 1, unitCost: 10_000_000 }]);
    expect(po.needsApproval).toBe(true);
    expect(t.fail('purchasing.submit', { id: po.id })).toMatchObject({ code: 'APPROVAL_REQUIRED', details: { total: 10_000_000, threshold: 10_000_000 } });
    const buyer = user(['inventory.view', 'purchasing.manage'], 'buyer');
    expect(t.ok('purchasing.requestApproval', { id: po.id }, buyer).approvalStatus).toBe('requested');
    expect(t.fail('purchasing.approve', { id: po.id }, buyer).code).toBe('FORBIDDEN');
    const approver = user(['inventory.view', 'purchasing.approve'], 'boss');
    expect(t.ok('purchasing.listApprovals', {}, approver).rows.map((r) => r.number)).toEqual([po.number]);
    expect(t.ok('purchasing.approve', { id: po.id, note: 'OK for Q1' }, approver)).toMatchObject({ approvalStatus: 'approved', approvalByName: 'boss', approvalNote: 'OK for Q1' });
    expect(t.ok('purchasing.listApprovals', {}, approver).total).toBe(0);
    expect(t.ok('purchasing.submit', { id: po.id }, buyer).status).toBe('submitted');
  });

  it('withdraws an approval when the lines change, and a rejection returns the order to the buyer', () => {
    const po = order([{ productId: w.laptop.id, qty: 2 }]);
    const approver = user(['inventory.view', 'purchasing.approve'], 'boss');
    t.ok('purchasing.requestApproval', { id: po.id });
    t.ok('purchasing.approve', { id: po.id }, approver);
    const changed = t.ok('purchasing.updateLine', { id: po.lines[0]!.id, qty: 3, locationId: w.main.id });
    expect(changed.approvalStatus).toBe('none');
    expect(t.fail('purchasing.submit', { id: po.id }).code).toBe('APPROVAL_REQUIRED');
    t.ok('purchasing.requestApproval', { id: po.id });
    expect(t.ok('purchasing.reject', { id: po.id, note: 'Too many laptops' }, approver)).toMatchObject({ status: 'new', approvalStatus: 'rejected', approvalNote: 'Too many laptops' });
    expect(t.fail('purchasing.reject', { id: po.id, note: '' }, approver).code).toBe('VALIDATION');
    expect(t.fail('purchasing.submit', { id: po.id }).code).toBe('APPROVAL_REQUIRED');
    // Below the threshold it needs nothing.
    t.ok('purchasing.updateLine', { id: po.lines[0]!.id, qty: 1, locationId: w.main.id });
    expect(t.fail('purchasing.requestApproval', { id: po.id }).code).toBe('INVALID_TRANSITION');
    expect(t.ok('purchasing.submit', { id: po.id }).status).toBe('submitted');
    expect(t.ok('purchasing.history', { id: po.id }).map((e) => e.type)).toEqual([
      'submitted',
      'lineUpdated',
      'rejected',
      'approvalRequested',
      'lineUpdated',
      'approved',
      'approvalRequested',
      'created',
    ]);
  });
});

describe('receiving', () => {
  it('receives part of a line, keeps the rest back ordered, and completes it with a second receipt', () => {
    const po = submitted([{ productId: w.cable.id, qty: 10 }, { productId: w.laptop.id, qty: 3 }]);
    const [cable, laptop] = po.lines;
    const first = t.ok('purchasing.receive', {
      lines: [
        { lineId: cable!.id, qty: 6, vendorInvoiceNumber: 'INV-1' },
        { lineId: laptop!.id, qty: 2, serials: ['SN-A', 'SN-B'], vendorInvoiceNumber: 'INV-1' },
      ],
    });
    expect(first).toMatchObject({ number: 'RCV-1001', status: 'posted', units: 8 });
    expect(first.lines[1]!.serials).toEqual(['SN-A', 'SN-B']);
    const after = t.ok('purchasing.getOrder', { id: po.id });
    expect(after).toMatchObject({ status: 'receivedPartial', vendorInvoiceNumbers: ['INV-1'], anythingReceived: true });
    expect(after.lines.map((l) => [l.qtyReceived, l.outstanding, l.backOrdered])).toEqual([
      [6, 4, 4],
      [2, 1, 1],
    ]);
    const stocked = t.ok('stock.listInventoryProducts', { productId: w.cable.id, locationId: w.main.id }).rows[0]!;
    expect(stocked).toMatchObject({ onHand: 6, onOrder: 4, backOrdered: 4, value: '72000' });
    expect(t.ok('stock.listLots', { serial: 'SN-A' }).rows[0]).toMatchObject({ vendorName: 'Ingram Micro', vendorInvoiceNumber: 'INV-1', unitCost: 8_500_000 });
    expect(t.ok('purchasing.listOpenLines', { q: po.number }).rows.map((r) => [r.sku, r.outstanding])).toEqual([
      ['CAB-6-2M', 4],
      ['LT-T14', 1],
    ]);
    t.ok('purchasing.receive', { lines: [{ lineId: cable!.id, qty: 4 }, { lineId: laptop!.id, qty: 1, serials: ['SN-C'] }] });
    expect(t.ok('purchasing.getOrder', { id: po.id }).status).toBe('receivedFull');
    expect(t.ok('purchasing.listOpenLines', { q: po.number }).total).toBe(0);
    expect(t.ok('stock.valueByLocation', {}).total).toBe(String(10 * 12_000 + 3 * 8_500_000));
    expect(t.ok('stock.history', { productId: w.laptop.id }).rows.filter((r) => r.type === 'receipt').map((r) => [r.serialNumber, r.fromLocationName, r.documentNumber])).toEqual([
      ['SN-C', 'Vendor', 'RCV-1002'],
      ['SN-B', 'Vendor', 'RCV-1001'],
      ['SN-A', 'Vendor', 'RCV-1001'],
    ]);
  });

  it('refuses receiving on New or Canceled orders, more than outstanding, and bad serials, changing nothing', () => {
    const draft = order([{ productId: w.cable.id, qty: 2 }]);
    expect(t.fail('purchasing.receive', { lines: [{ lineId: draft.lines[0]!.id, qty: 1 }] }).code).toBe('INVALID_TRANSITION');
    t.ok('purchasing.cancelOrder', { id: draft.id });
    expect(t.fail('purchasing.receive', { lines: [{ lineId: draft.lines[0]!.id, qty: 1 }] }).code).toBe('INVALID_TRANSITION');
    const po = submitted([{ productId: w.cable.id, qty: 2 }, { productId: w.laptop.id, qty: 2 }]);
    const [cable, laptop] = po.lines;
    expect(t.fail('purchasing.receive', { lines: [{ lineId: cable!.id, qty: 3 }] })).toMatchObject({ code: 'OVER_RECEIPT', details: { outstanding: 2, requested: 3 } });
    // One receipt line per PO line: a repeat is refused and named, whatever the quantities.
    expect(t.fail('purchasing.receive', { lines: [{ lineId: cable!.id, qty: 2 }, { lineId: cable!.id, qty: 1 }] })).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'repeatedLine', lines: [0, 1] },
    });
    expect(t.fail('purchasing.receive', { lines: [{ lineId: laptop!.id, qty: 2, serials: ['X1'] }] }).code).toBe('SERIAL_COUNT_MISMATCH');
    expect(t.fail('purchasing.receive', { lines: [{ lineId: cable!.id, qty: 1, serials: ['X1'] }] }).code).toBe('SERIALS_NOT_ALLOWED');
    expect(t.fail('purchasing.receive', { lines: [{ lineId: laptop!.id, qty: 2, serials: ['D1', 'D1'] }] })).toMatchObject({ code: 'DUPLICATE_SERIAL', details: { serials: ['D1'], within: 'list' } });
    t.ok('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 1, costMethod: 'catalogue', serials: ['TAKEN'], reason: null });
    expect(t.fail('purchasing.receive', { lines: [{ lineId: cable!.id, qty: 2 }, { lineId: laptop!.id, qty: 2, serials: ['OK-1', 'TAKEN'] }] })).toMatchObject({
      code: 'DUPLICATE_SERIAL',
      details: { serials: ['TAKEN'], within: 'stock' },
    });
    // The refused receipt left nothing behind, not even its valid cable line.
    expect(t.ok('purchasing.getOrder', { id: po.id }).lines.map((l) => l.qtyReceived)).toEqual([0, 0]);
    expect(t.ok('purchasing.listReceipts', {}).total).toBe(0);
    t.ok('settings.update', { requireVendorInvoiceNumber: true });
    expect(t.fail('purchasing.receive', { lines: [{ lineId: cable!.id, qty: 1 }] }).code).toBe('INVOICE_REQUIRED');
  });

  it('receives lines of several orders in one receipt, straight to the client if asked, with freight as landed cost', () => {
    const a = submitted([{ productId: w.cable.id, qty: 10, unitCost: 10_000 }]);
    const b = t.ok('purchasing.submit', { id: order([{ productId: w.laptop.id, qty: 1, unitCost: 30_000 }], { purchaseForCompanyId: w.client.id }).id });
    const receipt = t.ok('purchasing.receive', {
      lines: [
        { lineId: a.lines[0]!.id, qty: 10 },
        { lineId: b.lines[0]!.id, qty: 1, serials: ['CLIENT-1'], destination: 'customer' },
      ],
      freight: 26_000,
      splitFreight: true,
    });
    // Value 100,000 and 30,000: the freight splits 20,000 / 6,000.
    expect(receipt.lines.map((l) => [l.orderNumber, l.qty, l.unitCost, l.landedUnitCost, l.locationName, l.companyName])).toEqual([
      [a.number, 10, 10_000, 12_000, 'Main warehouse', null],
      [b.number, 1, 30_000, 36_000, 'Customer', 'Bufete Ruiz'],
    ]);
    expect(t.ok('purchasing.getOrder', { id: a.id }).status).toBe('receivedFull');
    expect(t.ok('purchasing.getOrder', { id: b.id }).status).toBe('receivedFull');
    expect(t.ok('stock.valueByLocation', {}).total).toBe('120000');
    expect(t.ok('purchasing.listReceipts', { orderId: b.id }).rows.map((r) => r.number)).toEqual([receipt.number]);
  });

  it('reduces what the vendor cannot deliver, completing the order', () => {
    const po = submitted([{ productId: w.cable.id, qty: 10 }]);
    t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 7 }] });
    expect(t.fail('purchasing.reduceLine', { id: po.lines[0]!.id, qty: 4 }).code).toBe('OVER_RECEIPT');
    const reduced = t.ok('purchasing.reduceLine', { id: po.lines[0]!.id, qty: 3, reason: 'Discontinued' });
    expect(reduced).toMatchObject({ status: 'receivedFull', subtotal: 7 * 12_000 });
    expect(reduced.lines[0]).toMatchObject({ qtyCanceled: 3, outstanding: 0 });
  });

  it('needs the receive permission', () => {
    const po = submitted([{ productId: w.cable.id, qty: 1 }]);
    const viewer = user(['inventory.view', 'purchasing.manage']);
    expect(t.fail('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 1 }] }, viewer).code).toBe('FORBIDDEN');
    expect(t.fail('purchasing.listOpenLines', {}, viewer).code).toBe('FORBIDDEN');
    const receiver = user(['inventory.view', 'purchasing.receive'], 'warehouse');
    expect(t.ok('purchasing.listOpenLines', {}, receiver).rows[0]).toMatchObject({ sku: 'CAB-6-2M', unitCost: null });
    expect(t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 1 }] }, receiver).units).toBe(1);
  });
});

describe('cancelling a receipt', () => {
  it('sends the units back to the vendor, reopens the order and frees the serials', () => {
    const po = submitted([{ productId: w.laptop.id, qty: 2 }]);
    const receipt = t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 2, serials: ['R-1', 'R-2'] }] });
    const canceled = t.ok('purchasing.cancelReceipt', { id: receipt.id, reason: 'Wrong serials scanned' });
    expect(canceled).toMatchObject({ status: 'canceled', cancelReason: 'Wrong serials scanned' });
    expect(canceled.lines[0]!.serials).toEqual(['R-1', 'R-2']);
    expect(t.ok('purchasing.getOrder', { id: po.id })).toMatchObject({ status: 'submitted', anythingReceived: false });
    expect(t.ok('stock.valueByLocation', {}).total).toBe('0');
    expect(t.fail('purchasing.cancelReceipt', { id: receipt.id }).code).toBe('ALREADY_REVERSED');
    // The corrected receipt can use the same serials.
    t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 2, serials: ['R-1', 'R-2'] }] });
    expect(t.ok('stock.history', { serial: 'R-1' }).rows.map((r) => r.type)).toEqual(['receipt', 'reversal', 'receipt']);
    expect(t.ok('purchasing.history', { id: po.id }).map((e) => e.type)).toEqual(['received', 'receiptCanceled', 'received', 'submitted', 'created']);
  });

  it('is refused, naming the units, when they have moved on', () => {
    const po = submitted([{ productId: w.laptop.id, qty: 2 }]);
    const receipt = t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 2, serials: ['M-1', 'M-2'] }] });
    t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, lines: [{ productId: w.laptop.id, qty: 1, serials: ['M-2'] }] });
    expect(t.fail('purchasing.cancelReceipt', { id: receipt.id })).toMatchObject({ code: 'REVERSAL_BLOCKED', details: { number: receipt.number, items: ['M-2'] } });
    expect(t.ok('purchasing.getOrder', { id: po.id }).status).toBe('receivedFull');
  });
});

describe('reorder suggestions', () => {
  it('orders up to the maximum minus what is on order, one purchase order per default vendor', () => {
    t.ok('catalog.saveProductVendor', { productId: w.laptop.id, vendorId: w.other.id, vendorPartNumber: 'ES-T14', vendorCost: 8_400_000, isDefault: true });
    t.ok('stock.createInventoryProduct', { productId: w.cable.id, locationId: w.main.id, min: 5, max: 20 });
    t.ok('stock.createInventoryProduct', { productId: w.laptop.id, locationId: w.main.id, min: 2, max: 4 });
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 3, costMethod: 'catalogue', reason: null });
    submitted([{ productId: w.cable.id, qty: 5 }]);
    const suggestions = t.ok('purchasing.reorderSuggestions', {}).rows;
    expect(suggestions.map((s) => [s.vendorName, s.sku, s.onHand, s.onOrder, s.suggestedQty, s.vendorCost])).toEqual([
      ['Esprinet', 'LT-T14', 0, 0, 4, 8_400_000],
      ['Ingram Micro', 'CAB-6-2M', 3, 5, 12, 12_000],
    ]);
    const created = t.ok('purchasing.createFromSuggestions', { lines: suggestions.map((s) => ({ inventoryProductId: s.inventoryProductId, qty: s.suggestedQty })) });
    expect(created.transfers).toEqual([]);
    expect(created.orders.map((c) => [c.vendorName, c.status, c.lineCount, c.total])).toEqual([
      ['Esprinet', 'new', 1, 4 * 8_400_000],
      ['Ingram Micro', 'new', 1, 12 * 12_000],
    ]);
    // The drafts count as on order: nothing is suggested twice.
    expect(t.ok('purchasing.reorderSuggestions', {}).total).toBe(0);
  });
});

describe('sending the order to the vendor', () => {
  it('renders a PDF with the order number, vendor, lines and total', async () => {
    t.ok('settings.update', { companyName: 'Demo IT Services', companyAddress: 'Gran Vía 1\n28013 Madrid', companyTaxId: 'B12345678' });
    const po = order([{ productId: w.laptop.id, qty: 2 }], { freight: 150_000, paymentTerms: '30 días' });
    const pdf = await t.okAsync('purchasing.renderPdf', { id: po.id, locale: 'es' });
    expect(pdf.filename).toBe(`${po.number}.pdf`);
    const text = (await pdfPages(new Uint8Array(Buffer.from(pdf.base64, 'base64')))).join('\n');
    for (const expected of [po.number, 'Ingram Micro', 'Demo IT Services', 'IM-T14', 'ThinkPad T14', '30 días', 'Orden de compra']) expect(text).toContain(expected);
    // 2 × 850.00 + 15.00 freight.
    expect(text).toMatch(/1\.?715,00\s€/);
  });

  it('e-mails the PDF through the SMTP server and records it; an unreachable server changes nothing but the history', async () => {
    const server = await startTestSmtpServer({ user: 'office', password: 'smtp-secret' });
    try {
      t.ok('settings.updateSmtp', { host: server.host, port: server.port, security: 'none', user: 'office', password: 'smtp-secret', fromAddress: 'purchasing@demo.example', fromName: 'Demo Purchasing' });
      const smtp = t.ok('settings.getSmtp', {});
      expect(smtp).toMatchObject({ host: server.host, passwordSet: true, storage: 'keyFile' });
      expect(JSON.stringify(t.app.ctx.sqlite.prepare(`SELECT value FROM settings WHERE key = 'smtp'`).get())).not.toContain('smtp-secret');
      const po = order([{ productId: w.cable.id, qty: 4 }]);
      const sent = await t.okAsync('purchasing.emailOrder', { id: po.id, to: ['orders@ingram.example'], subject: `Orden de compra ${po.number}`, message: 'Adjuntamos el pedido.', locale: 'es' });
      expect(sent.accepted).toEqual(['orders@ingram.example']);
      const [mail] = await server.waitForMessages(1);
      expect(mail).toMatchObject({ subject: `Orden de compra ${po.number}`, to: ['orders@ingram.example'] });
      expect(mail!.text).toContain('Adjuntamos el pedido.');
      expect(mail!.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`${po.number}.pdf`, 'application/pdf']]);
      expect((await pdfPages(new Uint8Array(mail!.attachments[0]!.content))).join(' ')).toContain('IM-CAB6');

      const before = t.ok('purchasing.getOrder', { id: po.id });
      t.ok('settings.updateSmtp', { host: server.host, port: 1, security: 'none', user: '', fromAddress: 'purchasing@demo.example', fromName: '' });
      const failure = await t.failAsync('purchasing.emailOrder', { id: po.id, to: ['orders@ingram.example'], subject: 'Again', message: '', locale: 'en' });
      expect(failure.code).toBe('MAIL_FAILED');
      expect(String(failure.details?.reason)).toMatch(/refused/);
      expect(t.ok('purchasing.getOrder', { id: po.id })).toEqual(before);
      expect(t.ok('purchasing.history', { id: po.id }).map((e) => [e.type, e.details.reason ?? null])).toEqual([
        ['emailFailed', expect.stringMatching(/refused/)],
        ['emailed', null],
        ['created', null],
      ]);
    } finally {
      await server.close();
    }
  });

  it('says e-mail is not set up before any SMTP server is entered', async () => {
    const po = order([{ productId: w.cable.id, qty: 1 }]);
    expect((await t.failAsync('purchasing.emailOrder', { id: po.id, to: ['a@b.example'], subject: 'x', message: '', locale: 'en' })).code).toBe('SMTP_NOT_CONFIGURED');
  });
});

describe('history names the documents', () => {
  it('gives every move its document to open, and a receipt move the order its line came from', () => {
    const first = submitted([{ productId: w.cable.id, qty: 5 }]);
    const second = submitted([{ productId: w.laptop.id, qty: 2 }]);
    const receipt = t.ok('purchasing.receive', {
      lines: [
        { lineId: first.lines[0]!.id, qty: 3 },
        { lineId: second.lines[0]!.id, qty: 2, serials: ['H-1', 'H-2'] },
      ],
    });
    const all = (productId: number) => t.ok('stock.history', { productId }).rows;
    const rowsOf = (productId: number) => all(productId).filter((r) => r.documentNumber !== null);
    const docOf = (r: ReturnType<typeof rowsOf>[number]) => [r.type, r.documentType, r.documentId, r.documentNumber, r.orderId, r.orderNumber];
    expect(rowsOf(w.cable.id).map(docOf)).toEqual([['receipt', 'receipt', receipt.id, receipt.number, first.id, first.number]]);
    expect(rowsOf(w.laptop.id).map(docOf)).toEqual([
      ['receipt', 'receipt', receipt.id, receipt.number, second.id, second.number],
      ['receipt', 'receipt', receipt.id, receipt.number, second.id, second.number],
    ]);
    // Cancelling the receipt: its reversing moves still name the receipt and each one's order.
    t.ok('purchasing.cancelReceipt', { id: receipt.id, reason: 'Wrong delivery' });
    expect(rowsOf(w.cable.id).map(docOf)[0]).toEqual(['reversal', 'receipt', receipt.id, receipt.number, first.id, first.number]);
    // Other documents: their own type and id, no order; an inventory product's event names none.
    const added = t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 4, costMethod: 'catalogue', reason: null });
    const moved = t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, mode: 'direct', lines: [{ productId: w.cable.id, qty: 1 }] });
    const rows = all(w.cable.id);
    expect(docOf(rows.find((r) => r.type === 'transfer')!)).toEqual(['transfer', 'transfer', moved.id, moved.number, null, null]);
    expect(docOf(rows.find((r) => r.type === 'adjustment')!)).toEqual(['adjustment', 'adjustment', added.id, added.number, null, null]);
    expect(docOf(rows.find((r) => r.type === 'inventoryProduct.created')!).slice(1)).toEqual([null, null, null, null, null]);
  });
});
