// The approval control, end to end through the channels: for every way an order can reach (or leave) the
// need for an approval, the three ways it can leave the office agree — submit, e-mail, and a PDF without
// the draft mark — and who may approve it.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Permission } from '@shared/contract/define';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { pdfPages } from '@main/testing/pdfText';
import { startTestSmtpServer, type TestSmtpServer } from '@main/testing/smtpServer';

const THRESHOLD = 10_000_000;
const DRAFT = { es: 'BORRADOR – NO APROBADA', en: 'DRAFT – NOT APPROVED' } as const;

let smtp: TestSmtpServer;
let t: TestApp;
let w: ReturnType<typeof seedWorld> & { vendor: { id: number }; other: { id: number } };

beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

beforeEach(() => {
  t = createTestApp();
  const world = seedWorld(t);
  const vendor = t.ok('catalog.createCompany', { name: 'Ingram Micro', isVendor: true, isClient: false, email: 'orders@ingram.example' });
  const other = t.ok('catalog.createCompany', { name: 'Esprinet', isVendor: true, isClient: false });
  // A laptop costs 850.00 from either vendor: one is under the 1,000.00 threshold, two are over it.
  for (const v of [vendor, other]) {
    t.ok('catalog.saveProductVendor', { productId: world.laptop.id, vendorId: v.id, vendorPartNumber: `${v.id}-T14`, vendorCost: 8_500_000, isDefault: v === vendor });
    t.ok('catalog.saveProductVendor', { productId: world.cable.id, vendorId: v.id, vendorPartNumber: `${v.id}-CAB`, vendorCost: 12_000, isDefault: v === vendor });
  }
  t.ok('settings.update', { approvalThreshold: THRESHOLD });
  t.ok('settings.updateSmtp', { host: smtp.host, port: smtp.port, security: 'none', user: '', fromAddress: 'buyer@office.example', fromName: 'Office' });
  w = { ...world, vendor, other };
});
afterEach(() => {
  expect(t.ok('stock.verifyLedger', {}).ok).toBe(true);
  t.close();
});

function user(name: string, permissions: Permission[]) {
  const created = t.addUser({ username: name, permissions });
  return { id: created.id, token: t.tokenFor(created.id) };
}

const approverPermissions: Permission[] = ['inventory.view', 'purchasing.approve', 'costs.view'];

function laptops(qty: number, extra: Record<string, unknown> = {}) {
  return t.ok('purchasing.createOrder', { vendorId: w.vendor.id, lines: [{ productId: w.laptop.id, qty, locationId: w.main.id }], ...extra });
}

/** Asked for by the admin and approved by someone else. */
function approved(id: number) {
  const boss = user('boss', approverPermissions);
  t.ok('purchasing.requestApproval', { id });
  return t.ok('purchasing.approve', { id, note: null }, boss.token);
}

async function emailOutcome(id: number): Promise<string> {
  const r = await t.app.callAsync('purchasing.emailOrder', { id, to: ['orders@ingram.example'], subject: 'Order', message: 'Attached.', locale: 'en' }, t.token);
  return r.ok ? 'sent' : r.error.code;
}

/** The PDF's pages in a language, and whether every one of them / any of them carries the draft mark. */
async function pdfOutcome(id: number, locale: 'es' | 'en') {
  const pdf = await t.okAsync('purchasing.renderPdf', { id, locale });
  const pages = await pdfPages(new Uint8Array(Buffer.from(pdf.base64, 'base64')));
  return { filename: pdf.filename, everyPage: pages.every((p) => p.includes(DRAFT[locale])), anyPage: pages.some((p) => p.includes(DRAFT[locale])) };
}

/** Each way an order can stand when it is about to leave: the steps, and whether it may leave. */
const scenarios: { name: string; cleared: boolean; approval?: string; arrange: () => number }[] = [
  {
    name: 'no threshold is set',
    cleared: true,
    arrange: () => {
      t.ok('settings.update', { approvalThreshold: null });
      return laptops(5).id;
    },
  },
  { name: 'the order is below the threshold', cleared: true, arrange: () => laptops(1).id },
  {
    name: 'the order is exactly at the threshold and nobody asked',
    cleared: false,
    approval: 'none',
    arrange: () => t.ok('purchasing.createOrder', { vendorId: w.vendor.id, lines: [{ productId: w.laptop.id, qty: 1, unitCost: THRESHOLD, locationId: w.main.id }] }).id,
  },
  { name: 'the freight alone takes it to the threshold', cleared: false, arrange: () => laptops(1, { freight: 1_500_000 }).id },
  { name: 'approval was asked for', cleared: false, approval: 'requested', arrange: () => t.ok('purchasing.requestApproval', { id: laptops(2).id }).id },
  {
    name: 'it was rejected',
    cleared: false,
    approval: 'rejected',
    arrange: () => {
      const id = laptops(2).id;
      const boss = user('boss', approverPermissions);
      t.ok('purchasing.requestApproval', { id });
      return t.ok('purchasing.reject', { id, note: 'Too many' }, boss.token).id;
    },
  },
  { name: 'it was approved', cleared: true, approval: 'approved', arrange: () => approved(laptops(2).id).id },
  {
    name: 'a line was added after the approval',
    cleared: false,
    approval: 'none',
    arrange: () => {
      const po = approved(laptops(2).id);
      return t.ok('purchasing.addLine', { orderId: po.id, productId: w.cable.id, qty: 1, locationId: w.main.id }).id;
    },
  },
  {
    name: 'a quantity was raised after the approval',
    cleared: false,
    approval: 'none',
    arrange: () => {
      const po = approved(laptops(2).id);
      return t.ok('purchasing.updateLine', { id: po.lines[0]!.id, qty: 3, locationId: w.main.id }).id;
    },
  },
  {
    name: 'a unit cost was raised by a ten-thousandth after the approval',
    cleared: false,
    approval: 'none',
    arrange: () => {
      const po = approved(laptops(2).id);
      return t.ok('purchasing.updateLine', { id: po.lines[0]!.id, qty: 2, unitCost: 8_500_001, locationId: w.main.id }).id;
    },
  },
  {
    name: 'the freight was raised after the approval',
    cleared: false,
    approval: 'none',
    arrange: () => {
      const po = approved(laptops(2).id);
      return t.ok('purchasing.updateOrder', { id: po.id, vendorId: w.vendor.id, freight: 10_000 }).id;
    },
  },
  {
    name: 'the vendor was changed after the approval (same total)',
    cleared: false,
    approval: 'none',
    arrange: () => {
      const po = approved(laptops(2).id);
      return t.ok('purchasing.updateOrder', { id: po.id, vendorId: w.other.id, freight: 0 }).id;
    },
  },
  {
    name: 'a quantity was lowered after the approval (still over the threshold)',
    cleared: true,
    approval: 'approved',
    arrange: () => {
      const po = approved(laptops(3).id);
      return t.ok('purchasing.updateLine', { id: po.lines[0]!.id, qty: 2, locationId: w.main.id }).id;
    },
  },
  {
    name: 'a line was removed after the approval, then the order raised back to the approved total',
    cleared: true,
    approval: 'approved',
    arrange: () => {
      const po = t.ok('purchasing.createOrder', {
        vendorId: w.vendor.id,
        lines: [
          { productId: w.laptop.id, qty: 2, locationId: w.main.id },
          { productId: w.cable.id, qty: 10, locationId: w.main.id },
        ],
      });
      approved(po.id);
      t.ok('purchasing.removeLine', { id: po.lines[1]!.id });
      return t.ok('purchasing.addLine', { orderId: po.id, productId: w.cable.id, qty: 10, locationId: w.main.id }).id;
    },
  },
  {
    name: 'only the delivery location and date changed after the approval',
    cleared: true,
    approval: 'approved',
    arrange: () => {
      const po = approved(laptops(2).id);
      return t.ok('purchasing.updateLine', { id: po.lines[0]!.id, qty: 2, locationId: w.shelf.id, estimatedArrival: '2026-02-01' }).id;
    },
  },
  {
    name: 'it was approved, raised, asked for again and rejected',
    cleared: false,
    approval: 'rejected',
    arrange: () => {
      const po = approved(laptops(2).id);
      t.ok('purchasing.updateLine', { id: po.lines[0]!.id, qty: 4, locationId: w.main.id });
      t.ok('purchasing.requestApproval', { id: po.id });
      const other = user('other-boss', approverPermissions);
      return t.ok('purchasing.reject', { id: po.id, note: 'Four is too many' }, other.token).id;
    },
  },
  {
    name: 'a waiting order was raised (the request is withdrawn)',
    cleared: false,
    approval: 'none',
    arrange: () => {
      const po = t.ok('purchasing.requestApproval', { id: laptops(2).id });
      return t.ok('purchasing.updateLine', { id: po.lines[0]!.id, qty: 3, locationId: w.main.id }).id;
    },
  },
  {
    name: 'the threshold was lowered below the order after it was created',
    cleared: false,
    approval: 'none',
    arrange: () => {
      const id = laptops(1).id;
      t.ok('settings.update', { approvalThreshold: 5_000_000 });
      return id;
    },
  },
  {
    name: 'the threshold was raised above an order waiting for approval',
    cleared: true,
    arrange: () => {
      const id = t.ok('purchasing.requestApproval', { id: laptops(2).id }).id;
      t.ok('settings.update', { approvalThreshold: 50_000_000 });
      return id;
    },
  },
];

describe('the approval gate: submit, e-mail and PDF agree', () => {
  it.each(scenarios)('$name → may leave: $cleared', async ({ cleared, approval, arrange }) => {
    const id = arrange();
    const order = t.ok('purchasing.getOrder', { id });
    expect(order.approvalCleared).toBe(cleared);
    if (approval) expect(order.approvalStatus).toBe(approval);
    const history = t.ok('purchasing.history', { id }).length;
    const mails = smtp.messages.length;

    expect(await emailOutcome(id)).toBe(cleared ? 'sent' : 'APPROVAL_REQUIRED');
    if (!cleared) {
      // Refused before anything happened: no message, nothing in the history.
      expect(smtp.messages.length).toBe(mails);
      expect(t.ok('purchasing.history', { id })).toHaveLength(history);
    }
    for (const locale of ['es', 'en'] as const) {
      const pdf = await pdfOutcome(id, locale);
      expect(pdf.everyPage).toBe(!cleared);
      expect(pdf.anyPage).toBe(!cleared);
      expect(pdf.filename).toBe(cleared ? `${order.number}.pdf` : `${order.number}-${locale === 'es' ? 'BORRADOR' : 'DRAFT'}.pdf`);
    }
    const submit = t.app.call('purchasing.submit', { id }, t.token);
    expect(submit.ok ? submit.data.status : submit.error.code).toBe(cleared ? 'submitted' : 'APPROVAL_REQUIRED');
    if (!submit.ok) {
      expect(submit.error.details).toMatchObject({ number: order.number, action: 'submit', threshold: expect.any(Number) });
      expect(t.ok('purchasing.getOrder', { id }).status).toBe('new');
    }
  });

  it('names the amount in a refusal only to users who may see costs', async () => {
    const id = laptops(2).id;
    const buyer = user('buyer', ['inventory.view', 'purchasing.manage']);
    expect(t.fail('purchasing.submit', { id }).details).toMatchObject({ total: 17_000_000, threshold: THRESHOLD });
    const refused = t.fail('purchasing.submit', { id }, buyer.token);
    expect(refused).toMatchObject({ code: 'APPROVAL_REQUIRED', details: { threshold: THRESHOLD } });
    expect(refused.details!.total).toBeNull();
    // The e-mail carries the PDF, which shows costs: refused to this buyer before the approval is even asked.
    const email = await t.app.callAsync('purchasing.emailOrder', { id, to: ['a@b.example'], subject: 'x', message: '', locale: 'es' }, buyer.token);
    expect(email.ok ? null : email.error).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'costs.view' } });
  });
});

describe('an order already sent', () => {
  it('stays cleared as sent: re-sending works after the threshold is lowered, and the PDF is final', async () => {
    const po = t.ok('purchasing.submit', { id: laptops(1).id });
    t.ok('settings.update', { approvalThreshold: 1_000_000 });
    expect(t.ok('purchasing.getOrder', { id: po.id })).toMatchObject({ needsApproval: true, approvalCleared: true });
    expect(await emailOutcome(po.id)).toBe('sent');
    expect((await pdfOutcome(po.id, 'en')).anyPage).toBe(false);
    // The memo and other particulars can still change.
    expect(t.ok('purchasing.updateOrder', { id: po.id, vendorId: w.vendor.id, freight: 0, memo: 'Deliver to the back door' }).memo).toBe('Deliver to the back door');
  });

  it('refuses an edit its approval does not cover, changing nothing; lower freight is fine', () => {
    const po = t.ok('purchasing.submit', { id: approved(laptops(2).id).id });
    const before = t.ok('purchasing.getOrder', { id: po.id });
    expect(t.fail('purchasing.updateOrder', { id: po.id, vendorId: w.vendor.id, freight: 100_000 })).toMatchObject({ code: 'APPROVAL_REQUIRED', details: { action: 'edit', number: po.number } });
    expect(t.fail('purchasing.updateOrder', { id: po.id, vendorId: w.other.id, freight: 0 })).toMatchObject({ code: 'APPROVAL_REQUIRED', details: { action: 'edit' } });
    expect(t.ok('purchasing.getOrder', { id: po.id })).toEqual(before);
    expect(t.ok('purchasing.history', { id: po.id })[0]!.type).toBe('submitted');

    const small = t.ok('purchasing.submit', { id: laptops(1, { freight: 200_000 }).id });
    expect(t.ok('purchasing.updateOrder', { id: small.id, vendorId: w.vendor.id, freight: 100_000 }).freight).toBe(100_000);
    // A sent order under the threshold may change vendor and freight while it stays under it…
    expect(t.ok('purchasing.updateOrder', { id: small.id, vendorId: w.other.id, freight: 1_400_000 }).vendorName).toBe('Esprinet');
    // …but not reach it without an approval it can no longer get.
    expect(t.fail('purchasing.updateOrder', { id: small.id, vendorId: w.other.id, freight: 1_500_000 }).code).toBe('APPROVAL_REQUIRED');
  });
});

describe('who may approve', () => {
  it('refuses the creator and the requester, administrators included, and lets a third person approve', () => {
    const buyer = user('buyer', ['inventory.view', 'purchasing.manage', 'purchasing.approve']);
    const boss = user('boss', approverPermissions);
    // The admin creates, the buyer asks: neither may approve.
    const byAdmin = laptops(2);
    t.ok('purchasing.requestApproval', { id: byAdmin.id }, buyer.token);
    expect(t.fail('purchasing.approve', { id: byAdmin.id, note: null })).toMatchObject({ code: 'SELF_APPROVAL', details: { number: byAdmin.number, role: 'creator' } });
    expect(t.fail('purchasing.approve', { id: byAdmin.id, note: null }, buyer.token)).toMatchObject({ code: 'SELF_APPROVAL', details: { role: 'requester' } });
    expect(t.ok('purchasing.getOrder', { id: byAdmin.id }).approvalStatus).toBe('requested');
    expect(t.ok('purchasing.approve', { id: byAdmin.id, note: 'Fine' }, boss.token)).toMatchObject({ approvalStatus: 'approved', approvalByName: 'boss' });

    // The buyer creates, the admin asks.
    const byBuyer = t.ok('purchasing.createOrder', { vendorId: w.vendor.id, lines: [{ productId: w.laptop.id, qty: 2, locationId: w.main.id }] }, buyer.token);
    t.ok('purchasing.requestApproval', { id: byBuyer.id });
    expect(t.fail('purchasing.approve', { id: byBuyer.id, note: null }, buyer.token).details).toMatchObject({ role: 'creator' });
    expect(t.fail('purchasing.approve', { id: byBuyer.id, note: null }).details).toMatchObject({ role: 'requester' });
    // Rejecting one's own request only withdraws it, and is allowed.
    expect(t.ok('purchasing.reject', { id: byBuyer.id, note: 'Asked too early' }).approvalStatus).toBe('rejected');
  });

  it('judges the request now pending: an earlier requester may approve once someone else asked again', () => {
    const clerk = user('clerk', ['inventory.view', 'purchasing.manage', 'purchasing.approve']);
    const boss = user('boss', ['inventory.view', 'purchasing.manage', 'purchasing.approve']);
    const po = laptops(2);
    t.ok('purchasing.requestApproval', { id: po.id }, clerk.token);
    t.ok('purchasing.updateLine', { id: po.lines[0]!.id, qty: 3, locationId: w.main.id });
    t.ok('purchasing.requestApproval', { id: po.id }, boss.token);
    expect(t.fail('purchasing.approve', { id: po.id, note: null }, boss.token).details).toMatchObject({ role: 'requester' });
    expect(t.ok('purchasing.approve', { id: po.id, note: null }, clerk.token).approvalStatus).toBe('approved');
  });

  it('lets requesters approve their own orders when the setting allows it (off by default)', () => {
    expect(t.ok('settings.get', {}).allowSelfApproval).toBe(false);
    const po = laptops(2);
    t.ok('purchasing.requestApproval', { id: po.id });
    expect(t.ok('purchasing.getOrder', { id: po.id }).approverConflict).toBe('creator');
    expect(t.fail('purchasing.approve', { id: po.id, note: null }).code).toBe('SELF_APPROVAL');
    t.ok('settings.update', { allowSelfApproval: true });
    expect(t.ok('purchasing.getOrder', { id: po.id }).approverConflict).toBeNull();
    expect(t.ok('purchasing.listApprovals', {}).rows[0]!.approverConflict).toBeNull();
    expect(t.ok('purchasing.approve', { id: po.id, note: null }).approvalStatus).toBe('approved');
    expect(t.ok('purchasing.submit', { id: po.id }).status).toBe('submitted');
  });

  it('shows approvers who asked and when, and which requests are their own', () => {
    const buyer = user('buyer', ['inventory.view', 'purchasing.manage']);
    const boss = user('boss', approverPermissions);
    const first = laptops(2);
    t.clock.now += 60_000;
    const second = laptops(3);
    t.clock.now = Date.UTC(2026, 0, 20, 8, 30);
    t.ok('purchasing.requestApproval', { id: first.id }, buyer.token);
    t.clock.now = Date.UTC(2026, 0, 21, 16, 5);
    t.ok('purchasing.requestApproval', { id: second.id });

    const forBoss = t.ok('purchasing.listApprovals', {}, boss.token).rows;
    expect(forBoss.map((r) => [r.number, r.requestedByName, r.requestedAt, r.approverConflict])).toEqual([
      [first.number, 'buyer', Date.UTC(2026, 0, 20, 8, 30), null],
      [second.number, 'Admin', Date.UTC(2026, 0, 21, 16, 5), null],
    ]);
    expect(t.ok('purchasing.listApprovals', {}).rows.map((r) => r.approverConflict)).toEqual(['creator', 'creator']);
    expect(t.ok('purchasing.getOrder', { id: first.id }, boss.token)).toMatchObject({
      approvalRequestedByName: 'buyer',
      approvalRequestedAt: Date.UTC(2026, 0, 20, 8, 30),
      approverConflict: null,
    });
    // Once a change withdraws the request, nobody is asking any more.
    t.ok('purchasing.updateLine', { id: first.lines[0]!.id, qty: 4, locationId: w.main.id });
    expect(t.ok('purchasing.getOrder', { id: first.id })).toMatchObject({ approvalStatus: 'none', approvalRequestedByName: null, approvalRequestedAt: null });
    expect(t.ok('purchasing.listApprovals', {}, boss.token).rows.map((r) => r.number)).toEqual([second.number]);
  });
});
