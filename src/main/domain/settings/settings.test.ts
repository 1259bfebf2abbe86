// Every office setting that constrains an action applies wherever its help text says it does: one row
// per (setting, action), each tried with the setting on and off. With the setting on and its requirement
// missing (or blank) the action is refused with the setting's code and nothing changes; with the
// requirement met, or the setting off, the action goes through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import type { Settings } from '@shared/contract/settings';
import type { ErrorCode } from '@shared/errors';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { pdfPages } from '@main/testing/pdfText';
import { startTestSmtpServer, type TestSmtpServer } from '@main/testing/smtpServer';

/** How the requirement is met on the attempt: not at all, with blank text, or properly. */
type Given = 'missing' | 'blank' | 'given';
/** 'ok', an error code, or 'draft' for a PDF marked as not approved. */
type Outcome = 'ok' | 'draft' | ErrorCode;
type World = ReturnType<typeof seedWorld> & { vendor: { id: number }; client: { id: number } };
type Attempt = (given: Given) => Outcome | Promise<Outcome>;

interface Row {
  setting: keyof Settings;
  on: Partial<Settings>;
  off: Partial<Settings>;
  /** What the action answers with the setting on and the requirement missing. */
  refusal: Outcome;
  /** Whether blank text counts as a separate way of leaving the requirement out. */
  textual: boolean;
  actions: Record<string, (t: TestApp, w: World) => Attempt>;
}

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

function outcome(r: { ok: true } | { ok: false; error: { code: ErrorCode } }): Outcome {
  return r.ok ? 'ok' : r.error.code;
}

const text = (given: Given, value: string) => (given === 'given' ? value : given === 'blank' ? ' \t ' : null);

function world(t: TestApp): World {
  const w = seedWorld(t);
  const vendor = t.ok('catalog.createCompany', { name: 'Ingram Micro', isVendor: true, isClient: false, email: 'orders@ingram.example' });
  const client = t.ok('catalog.createCompany', { name: 'Bufete Ruiz', isVendor: false, isClient: true });
  t.ok('catalog.saveProductVendor', { productId: w.cable.id, vendorId: vendor.id, vendorPartNumber: 'IM-CAB6', vendorCost: 12_000, isDefault: true });
  t.ok('catalog.saveProductVendor', { productId: w.laptop.id, vendorId: vendor.id, vendorPartNumber: 'IM-T14', vendorCost: 8_500_000, isDefault: true });
  t.ok('settings.updateSmtp', { host: smtp.host, port: smtp.port, security: 'none', user: '', fromAddress: 'buyer@office.example', fromName: '' });
  return { ...w, vendor, client };
}

/** Everything an action could have changed: ledger, documents and their statuses, messages sent. */
function snapshot(t: TestApp) {
  const q = (sql: string) => t.app.ctx.sqlite.prepare(sql).all();
  return {
    moves: q('SELECT count(*) AS n, coalesce(sum(qty), 0) AS units FROM stock_moves'),
    balances: q('SELECT lot_id, location_id, qty FROM balances WHERE qty <> 0 ORDER BY lot_id, location_id'),
    lots: q('SELECT count(*) AS n FROM lots'),
    documents: q(`SELECT 'adjustment' AS kind, id, status FROM adjustments UNION ALL SELECT 'transfer', id, status FROM transfers
                  UNION ALL SELECT 'stocktake', id, status FROM stocktakes UNION ALL SELECT 'receipt', id, status FROM receipts
                  UNION ALL SELECT 'po', id, status || '/' || approval_status FROM purchase_orders ORDER BY 1, 2`),
    poLines: q('SELECT id, qty_received, qty_canceled FROM purchase_order_lines ORDER BY id'),
    poEvents: q('SELECT count(*) AS n FROM purchase_order_events'),
    mails: smtp.messages.length,
  };
}

// Preparations ---------------------------------------------------------------------------------

function addCable(t: TestApp, w: World, qty = 10) {
  return t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty, costMethod: 'manual', unitCost: 10_000, reason: 'Opening stock' });
}

function addLaptops(t: TestApp, w: World, serials: string[], locationId = w.main.id) {
  return t.ok('stock.add', { productId: w.laptop.id, locationId, qty: serials.length, costMethod: 'catalogue', serials, reason: 'Opening stock' });
}

/** Posting a count of the main warehouse prepared by `count`. */
function postingCount(t: TestApp, w: World, count: (id: number) => void): Attempt {
  const { id } = t.ok('stock.startCount', { locationId: w.main.id });
  count(id);
  return (given) => outcome(t.app.call('stock.postCount', { id, reason: text(given, 'Quarterly count') }, t.token));
}

function reversing(t: TestApp, documentType: 'adjustment' | 'transfer' | 'stocktake', id: number): Attempt {
  return (given) => outcome(t.app.call('stock.reverse', { documentType, id, reason: text(given, 'Entered twice') }, t.token));
}

function submittedOrder(t: TestApp, w: World, lines: { productId: number; qty: number }[], extra: Record<string, unknown> = {}) {
  const po = t.ok('purchasing.createOrder', { vendorId: w.vendor.id, lines: lines.map((l) => ({ ...l, locationId: w.main.id })), ...extra });
  return t.ok('purchasing.submit', { id: po.id });
}

function receiving(t: TestApp, lines: (invoice: string | null) => ChannelInput<'purchasing.receive'>): Attempt {
  return (given) => outcome(t.app.call('purchasing.receive', lines(text(given, 'INV-24117')), t.token));
}

/** Two laptops (1,700.00): over the 1,000.00 threshold when it is set. Approved by a second user when asked. */
function overThreshold(t: TestApp, w: World, act: (id: number) => Outcome | Promise<Outcome>): Attempt {
  const po = t.ok('purchasing.createOrder', { vendorId: w.vendor.id, lines: [{ productId: w.laptop.id, qty: 2, locationId: w.main.id }] });
  return (given) => {
    if (given === 'given') {
      const boss = t.addUser({ username: 'boss', permissions: ['inventory.view', 'purchasing.approve'] });
      t.ok('purchasing.requestApproval', { id: po.id });
      t.ok('purchasing.approve', { id: po.id, note: null }, t.tokenFor(boss.id));
    }
    return act(po.id);
  };
}

async function pdfOutcome(t: TestApp, id: number, locale: 'es' | 'en'): Promise<Outcome> {
  const pdf = await t.okAsync('purchasing.renderPdf', { id, locale });
  const pages = await pdfPages(new Uint8Array(Buffer.from(pdf.base64, 'base64')));
  const mark = locale === 'es' ? 'BORRADOR – NO APROBADA' : 'DRAFT – NOT APPROVED';
  const marked = pages.filter((p) => p.includes(mark)).length;
  // Marked on every page or on none: anything else is a defect of its own.
  expect([0, pages.length]).toContain(marked);
  return marked > 0 ? 'draft' : 'ok';
}

// The table -----------------------------------------------------------------------------------

const rows: Row[] = [
  {
    setting: 'requireAdjustmentReason',
    on: { requireAdjustmentReason: true },
    off: { requireAdjustmentReason: false },
    refusal: 'REASON_REQUIRED',
    textual: true,
    actions: {
      'stock.add a quantity': (t, w) => (given) =>
        outcome(t.app.call('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 5, costMethod: 'manual', unitCost: 10_000, reason: text(given, 'Found') }, t.token)),
      'stock.add serials': (t, w) => (given) =>
        outcome(t.app.call('stock.add', { productId: w.laptop.id, locationId: w.main.id, qty: 2, costMethod: 'catalogue', serials: ['N-1', 'N-2'], reason: text(given, 'Found') }, t.token)),
      'stock.remove a quantity to Adjustment': (t, w) => {
        addCable(t, w);
        return (given) => outcome(t.app.call('stock.remove', { productId: w.cable.id, locationId: w.main.id, qty: 3, destination: 'adjustment', reason: text(given, 'Lost') }, t.token));
      },
      'stock.remove serials to Scrap': (t, w) => {
        addLaptops(t, w, ['S-1', 'S-2']);
        return (given) => outcome(t.app.call('stock.remove', { productId: w.laptop.id, locationId: w.main.id, serials: ['S-2'], destination: 'scrap', reason: text(given, 'Broken') }, t.token));
      },
      'stock.postCount with a shortage': (t, w) => {
        addCable(t, w);
        return postingCount(t, w, (id) => t.ok('stock.setCountQty', { id, productId: w.cable.id, countedQty: 7 }));
      },
      'stock.postCount with a surplus': (t, w) => {
        addCable(t, w);
        return postingCount(t, w, (id) => t.ok('stock.setCountQty', { id, productId: w.cable.id, countedQty: 12 }));
      },
      'stock.postCount with a serial missing': (t, w) => {
        addLaptops(t, w, ['S-1', 'S-2']);
        return postingCount(t, w, (id) => t.ok('stock.scanCount', { id, code: 'S-1' }));
      },
      'stock.postCount with a serial found that the ledger places elsewhere': (t, w) => {
        addLaptops(t, w, ['S-1']);
        addLaptops(t, w, ['S-9'], w.van.id);
        return postingCount(t, w, (id) => {
          t.ok('stock.scanCount', { id, code: 'S-1' });
          t.ok('stock.scanCount', { id, code: 'S-9' });
        });
      },
      'stock.reverse an adjustment': (t, w) => reversing(t, 'adjustment', addCable(t, w).id),
      'stock.reverse a direct transfer': (t, w) => {
        addCable(t, w);
        return reversing(t, 'transfer', t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.shelf.id, lines: [{ productId: w.cable.id, qty: 4 }] }).id);
      },
      'stock.reverse a transfer still in transit': (t, w) => {
        addCable(t, w);
        return reversing(t, 'transfer', t.ok('stock.transfer', { fromLocationId: w.main.id, toLocationId: w.van.id, mode: 'ship', lines: [{ productId: w.cable.id, qty: 4 }] }).id);
      },
      'stock.reverse a posted stocktake': (t, w) => {
        addCable(t, w);
        const { id } = t.ok('stock.startCount', { locationId: w.main.id });
        t.ok('stock.setCountQty', { id, productId: w.cable.id, countedQty: 6 });
        t.ok('stock.postCount', { id, reason: 'Quarterly count' });
        return reversing(t, 'stocktake', id);
      },
      'purchasing.cancelReceipt': (t, w) => {
        const po = submittedOrder(t, w, [{ productId: w.cable.id, qty: 5 }]);
        const receipt = t.ok('purchasing.receive', { lines: [{ lineId: po.lines[0]!.id, qty: 5 }] });
        return (given) => outcome(t.app.call('purchasing.cancelReceipt', { id: receipt.id, reason: text(given, 'Wrong delivery') }, t.token));
      },
    },
  },
  {
    setting: 'requireVendorInvoiceNumber',
    on: { requireVendorInvoiceNumber: true },
    off: { requireVendorInvoiceNumber: false },
    refusal: 'INVOICE_REQUIRED',
    textual: true,
    actions: {
      'purchasing.receive into the line’s location': (t, w) => {
        const po = submittedOrder(t, w, [{ productId: w.cable.id, qty: 10 }]);
        return receiving(t, (inv) => ({ lines: [{ lineId: po.lines[0]!.id, qty: 4, vendorInvoiceNumber: inv }] }));
      },
      'purchasing.receive into another location': (t, w) => {
        const po = submittedOrder(t, w, [{ productId: w.cable.id, qty: 10 }]);
        return receiving(t, (inv) => ({ lines: [{ lineId: po.lines[0]!.id, qty: 4, locationId: w.shelf.id, vendorInvoiceNumber: inv }] }));
      },
      'purchasing.receive straight to the client': (t, w) => {
        const po = submittedOrder(t, w, [{ productId: w.cable.id, qty: 10 }], { purchaseForCompanyId: w.client.id });
        return receiving(t, (inv) => ({ lines: [{ lineId: po.lines[0]!.id, qty: 10, destination: 'customer', vendorInvoiceNumber: inv }] }));
      },
      'purchasing.receive serialized units with freight': (t, w) => {
        const po = submittedOrder(t, w, [{ productId: w.laptop.id, qty: 2 }]);
        return receiving(t, (inv) => ({ lines: [{ lineId: po.lines[0]!.id, qty: 2, serials: ['R-1', 'R-2'], vendorInvoiceNumber: inv }], freight: 50_000, splitFreight: true }));
      },
      'purchasing.receive lines of two orders, the second without': (t, w) => {
        const a = submittedOrder(t, w, [{ productId: w.cable.id, qty: 10 }]);
        const b = submittedOrder(t, w, [{ productId: w.laptop.id, qty: 1 }]);
        return receiving(t, (inv) => ({
          lines: [
            { lineId: a.lines[0]!.id, qty: 10, vendorInvoiceNumber: 'INV-1' },
            { lineId: b.lines[0]!.id, qty: 1, serials: ['R-9'], vendorInvoiceNumber: inv },
          ],
        }));
      },
    },
  },
  {
    setting: 'approvalThreshold',
    on: { approvalThreshold: 10_000_000 },
    off: { approvalThreshold: null },
    refusal: 'APPROVAL_REQUIRED',
    textual: false,
    actions: {
      'purchasing.submit': (t, w) => overThreshold(t, w, (id) => outcome(t.app.call('purchasing.submit', { id }, t.token))),
      'purchasing.emailOrder': (t, w) =>
        overThreshold(t, w, async (id) => outcome(await t.app.callAsync('purchasing.emailOrder', { id, to: ['orders@ingram.example'], subject: 'PO', message: '', locale: 'en' }, t.token))),
    },
  },
  {
    setting: 'approvalThreshold',
    on: { approvalThreshold: 10_000_000 },
    off: { approvalThreshold: null },
    refusal: 'draft',
    textual: false,
    actions: {
      'purchasing.renderPdf in Spanish': (t, w) => overThreshold(t, w, (id) => pdfOutcome(t, id, 'es')),
      'purchasing.renderPdf in English': (t, w) => overThreshold(t, w, (id) => pdfOutcome(t, id, 'en')),
    },
  },
];

const cases = rows.flatMap((row) =>
  Object.entries(row.actions).flatMap(([action, prepare]) => {
    const variants: { state: 'on' | 'off'; given: Given; expected: Outcome }[] = [
      { state: 'on', given: 'missing', expected: row.refusal },
      ...(row.textual ? [{ state: 'on' as const, given: 'blank' as const, expected: row.refusal }] : []),
      { state: 'on', given: 'given', expected: 'ok' },
      { state: 'off', given: 'missing', expected: 'ok' },
    ];
    return variants.map((v) => ({ setting: row.setting, action, settings: row[v.state], prepare, ...v }));
  }),
);

describe('settings apply to every action they name', () => {
  it.each(cases)('$setting $state → $action, requirement $given: $expected', async ({ settings, prepare, given, expected }) => {
    const t = createTestApp();
    try {
      const attempt = prepare(t, world(t));
      t.ok('settings.update', settings);
      const before = snapshot(t);
      expect(await attempt(given)).toBe(expected);
      if (expected !== 'ok' && expected !== 'draft') expect(snapshot(t)).toEqual(before);
      expect(t.ok('stock.verifyLedger', {}).ok).toBe(true);
    } finally {
      t.close();
    }
  });

  it('posts a count that finds everything as expected without a reason, even when reasons are required', () => {
    const t = createTestApp();
    try {
      const w = world(t);
      addCable(t, w);
      addLaptops(t, w, ['S-1']);
      t.ok('settings.update', { requireAdjustmentReason: true });
      const { id } = t.ok('stock.startCount', { locationId: w.main.id });
      t.ok('stock.setCountQty', { id, productId: w.cable.id, countedQty: 10 });
      t.ok('stock.scanCount', { id, code: 'S-1' });
      const moves = snapshot(t).moves;
      expect(t.ok('stock.postCount', { id, reason: null }).number).toMatch(/^CNT-/);
      expect(t.ok('stock.getCount', { id }).status).toBe('posted');
      expect(snapshot(t).moves).toEqual(moves);
    } finally {
      t.close();
    }
  });
});
