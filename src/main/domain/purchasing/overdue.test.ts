// The overdue marks on the procurement queues, through the channels users call: a purchase order sent and
// past its expected ship date (on its list rows, on the order, and as the list's "overdue only" filter), a
// Receiving line expected by now (its order late, or its own estimated arrival past), and a back order
// older than the settings' back order overdue days counted from the line's first receipt (on Receiving and
// on the charges of Purchasing & Fulfillment's On order tab). Days are the office's local calendar days:
// the clock is set with local dates, so the tests hold in any time zone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';

const DAY = 86_400_000;
/** A local moment: the clock the office lives by. */
const at = (month: number, day: number, hour = 12, minute = 0, second = 0, ms = 0) => new Date(2026, month - 1, day, hour, minute, second, ms).getTime();

let t: TestApp;
let w: ReturnType<typeof seedWorld>;
let vendor: { id: number };

beforeEach(() => {
  t = createTestApp({ start: at(1, 15) });
  w = seedWorld(t);
  vendor = t.ok('catalog.createCompany', { name: 'Ingram Micro', isVendor: true, isClient: false });
  t.ok('catalog.saveProductVendor', { productId: w.cable.id, vendorId: vendor.id, vendorPartNumber: 'IM-CAB', vendorCost: 12_000, isDefault: true });
});
afterEach(() => {
  expect(t.ok('stock.verifyLedger', {}).differences).toEqual([]);
  t.close();
});

/** An order of `qty` cables expected to ship on `expectedShipDate`, submitted unless told otherwise. */
function order(expectedShipDate: string | null, { qty = 5, submit = true, estimatedArrival = null as string | null } = {}) {
  const po = t.ok('purchasing.createOrder', { vendorId: vendor.id, expectedShipDate, lines: [{ productId: w.cable.id, qty, locationId: w.main.id, estimatedArrival }] });
  if (submit) t.ok('purchasing.submit', { id: po.id });
  return { id: po.id, number: po.number, lineId: po.lines[0]!.id };
}

const overdueOf = (id: number) => t.ok('purchasing.getOrder', { id }).overdue;
const listed = (id: number) => t.ok('purchasing.listOrders', { pageSize: 200 }).rows.find((r) => r.id === id)!;
const openLine = (lineId: number) => t.ok('purchasing.listOpenLines', { pageSize: 200 }).rows.find((r) => r.lineId === lineId);

describe('a purchase order past its expected ship date', () => {
  // The order ships on 15 January; the clock moves through that day and the next ones.
  const moments: { label: string; now: number; overdue: boolean }[] = [
    { label: 'the day before', now: at(1, 14, 23, 59, 59, 999), overdue: false },
    { label: 'its first moment', now: at(1, 15, 0, 0, 0, 0), overdue: false },
    { label: 'its noon', now: at(1, 15, 12), overdue: false },
    { label: 'its last moment', now: at(1, 15, 23, 59, 59, 999), overdue: false },
    { label: 'the first moment of the day after', now: at(1, 16, 0, 0, 0, 0), overdue: true },
    { label: 'a month later', now: at(2, 15), overdue: true },
  ];
  for (const m of moments) {
    it(`is ${m.overdue ? '' : 'not '}overdue at ${m.label}, on the order and on its list row`, () => {
      const po = order('2026-01-15');
      t.clock.now = m.now;
      expect(overdueOf(po.id)).toBe(m.overdue);
      expect(listed(po.id).overdue).toBe(m.overdue);
    });
  }

  // Only sent orders still waiting for units: the clock is a week past each order's date.
  const statuses: { label: string; make: () => number; status: string; overdue: boolean }[] = [
    { label: 'New (not sent)', make: () => order('2026-01-10', { submit: false }).id, status: 'new', overdue: false },
    { label: 'submitted', make: () => order('2026-01-10').id, status: 'submitted', overdue: true },
    {
      label: 'partly received',
      make: () => {
        const po = order('2026-01-10');
        t.ok('purchasing.receive', { lines: [{ lineId: po.lineId, qty: 2 }] });
        return po.id;
      },
      status: 'receivedPartial',
      overdue: true,
    },
    {
      label: 'fully received',
      make: () => {
        const po = order('2026-01-10');
        t.ok('purchasing.receive', { lines: [{ lineId: po.lineId, qty: 5 }] });
        return po.id;
      },
      status: 'receivedFull',
      overdue: false,
    },
    {
      label: 'received in part and the rest reduced',
      make: () => {
        const po = order('2026-01-10');
        t.ok('purchasing.receive', { lines: [{ lineId: po.lineId, qty: 2 }] });
        t.ok('purchasing.reduceLine', { id: po.lineId, qty: 3, reason: 'discontinued' });
        return po.id;
      },
      status: 'receivedFull',
      overdue: false,
    },
    {
      label: 'canceled',
      make: () => {
        const po = order('2026-01-10');
        t.ok('purchasing.cancelOrder', { id: po.id, reason: null });
        return po.id;
      },
      status: 'canceled',
      overdue: false,
    },
    { label: 'submitted without an expected ship date', make: () => order(null).id, status: 'submitted', overdue: false },
  ];
  for (const s of statuses) {
    it(`${s.overdue ? 'is' : 'is never'} overdue when ${s.label}`, () => {
      const id = s.make();
      t.clock.now = at(1, 17);
      expect(t.ok('purchasing.getOrder', { id })).toMatchObject({ status: s.status, overdue: s.overdue });
      expect(listed(id).overdue).toBe(s.overdue);
      // Long after, the answer is the same: a closed order or one without a date never becomes overdue.
      t.clock.now = at(12, 31);
      expect(overdueOf(id)).toBe(s.overdue);
    });
  }

  it('follows a new expected ship date, and clears once the last units arrive', () => {
    const po = order('2026-01-20');
    t.clock.now = at(1, 22);
    expect(overdueOf(po.id)).toBe(true);
    t.ok('purchasing.updateOrder', { id: po.id, vendorId: vendor.id, expectedShipDate: '2026-01-25' });
    expect(overdueOf(po.id)).toBe(false);
    t.clock.now = at(1, 26);
    expect(overdueOf(po.id)).toBe(true);
    t.ok('purchasing.receive', { lines: [{ lineId: po.lineId, qty: 5 }] });
    expect(overdueOf(po.id)).toBe(false);
  });

  it('is what "overdue only" lists, with the other filters, paged and counted', () => {
    const late = [order('2026-01-02'), order('2026-01-05'), order('2026-01-09')];
    const partly = order('2026-01-03');
    t.ok('purchasing.receive', { lines: [{ lineId: partly.lineId, qty: 1 }] });
    order('2026-01-10'); // today: not yet
    order('2026-02-01');
    order(null);
    order('2026-01-01', { submit: false });
    const canceled = order('2026-01-01');
    t.ok('purchasing.cancelOrder', { id: canceled.id, reason: null });
    const received = order('2026-01-01');
    t.ok('purchasing.receive', { lines: [{ lineId: received.lineId, qty: 5 }] });
    t.clock.now = at(1, 10);
    const overdueIds = [...late.map((o) => o.id), partly.id].sort((a, b) => a - b);

    const page = t.ok('purchasing.listOrders', { overdue: true });
    expect(page).toMatchObject({ total: 4, totalCapped: false });
    expect(page.rows.map((r) => r.id)).toEqual(overdueIds);
    expect(page.rows.every((r) => r.overdue)).toBe(true);
    // Paged, sorted by ship date.
    const byDate = (p: number) => t.ok('purchasing.listOrders', { overdue: true, sortBy: 'expectedShipDate', sortDirection: 'asc', page: p, pageSize: 3 });
    expect(byDate(1).rows.map((r) => r.expectedShipDate)).toEqual(['2026-01-02', '2026-01-03', '2026-01-05']);
    expect(byDate(2)).toMatchObject({ total: 4, rows: [{ expectedShipDate: '2026-01-09' }] });
    // With the other filters.
    expect(t.ok('purchasing.listOrders', { overdue: true, statuses: ['receivedPartial'] }).rows.map((r) => r.id)).toEqual([partly.id]);
    expect(t.ok('purchasing.listOrders', { overdue: true, statuses: ['new', 'canceled', 'receivedFull'] }).total).toBe(0);
    expect(t.ok('purchasing.listOrders', { overdue: true, q: late[1]!.number }).rows.map((r) => r.id)).toEqual([late[1]!.id]);
    // Without the filter (or with it off), every order; the marks say which are late.
    const all = t.ok('purchasing.listOrders', { overdue: false, pageSize: 200 });
    expect(all.total).toBe(10);
    expect(all.rows.filter((r) => r.overdue).map((r) => r.id)).toEqual(overdueIds);
    // The next day the order due today joins them.
    t.clock.now = at(1, 11, 0, 0, 1);
    expect(t.ok('purchasing.listOrders', { overdue: true }).total).toBe(5);
  });
});

describe('Receiving: lines expected by now', () => {
  // Today is 15 January. The order's ship date and the line's own estimated arrival, each past, today, future or none.
  const cases: { shipDate: string | null; arrival: string | null; overdue: boolean }[] = [
    { shipDate: null, arrival: null, overdue: false },
    { shipDate: '2026-01-14', arrival: null, overdue: true },
    { shipDate: '2026-01-15', arrival: null, overdue: false },
    { shipDate: null, arrival: '2026-01-14', overdue: true },
    { shipDate: null, arrival: '2026-01-15', overdue: false },
    { shipDate: '2026-01-20', arrival: '2026-01-14', overdue: true },
    { shipDate: '2026-01-14', arrival: '2026-01-20', overdue: true },
    { shipDate: '2026-01-16', arrival: '2026-01-20', overdue: false },
  ];
  it.each(cases)('ship date $shipDate, estimated arrival $arrival: overdue $overdue', ({ shipDate, arrival, overdue }) => {
    const po = order(shipDate, { estimatedArrival: arrival });
    expect(openLine(po.lineId)).toMatchObject({ overdue, backOrderOverdue: false });
    // Partly received, the line keeps its mark; the order's own mark is its ship date only.
    t.ok('purchasing.receive', { lines: [{ lineId: po.lineId, qty: 1 }] });
    expect(openLine(po.lineId)!.overdue).toBe(overdue);
    expect(overdueOf(po.id)).toBe(shipDate !== null && shipDate < '2026-01-15');
  });
});

describe('a back order older than the settings allow', () => {
  /** An order of 5 cables, 2 received now: 3 back-ordered. */
  function backOrdered() {
    const po = order('2026-03-01');
    t.ok('purchasing.receive', { lines: [{ lineId: po.lineId, qty: 2 }] });
    return po;
  }
  const received = at(1, 15);

  /** "14 days + 1 ms" */
  const span = (ms: number) => `${Math.round(ms / DAY)} days${ms % DAY === 0 ? '' : ms % DAY === 1 ? ' + 1 ms' : ' − 1 ms'}`;
  // The setting (null: left at its default, 14), the time since the first receipt, and the mark: strictly older than N days.
  const cases = (
    [
      [null, 0, false],
      [null, 14 * DAY - 1, false],
      [null, 14 * DAY, false],
      [null, 14 * DAY + 1, true],
      [1, DAY, false],
      [1, DAY + 1, true],
      [7, 7 * DAY + 1, true],
      [30, 14 * DAY + 1, false],
      [30, 30 * DAY + 1, true],
    ] as const
  ).map(([days, after, overdue]) => ({ days, after, overdue, setting: days ?? 'default 14', since: span(after) }));
  it.each(cases)('overdue days $setting, $since after the first receipt: overdue $overdue', ({ days, after, overdue }) => {
    if (days !== null) t.ok('settings.update', { backOrderOverdueDays: days });
    const po = backOrdered();
    t.clock.now = received + after;
    expect(openLine(po.lineId)).toMatchObject({ backOrdered: 3, backOrderOverdue: overdue, overdue: false });
  });

  it('follows a change of the settings', () => {
    const po = backOrdered();
    t.clock.now = received + 10 * DAY;
    expect(openLine(po.lineId)!.backOrderOverdue).toBe(false);
    t.ok('settings.update', { backOrderOverdueDays: 9 });
    expect(openLine(po.lineId)!.backOrderOverdue).toBe(true);
    t.ok('settings.update', { backOrderOverdueDays: 10 });
    expect(openLine(po.lineId)!.backOrderOverdue).toBe(false);
  });

  it('counts from the first receipt: a later receipt does not restart it, a cancelled first one does not count', () => {
    const po = order('2026-03-01', { qty: 10 });
    const first = t.ok('purchasing.receive', { lines: [{ lineId: po.lineId, qty: 2 }] });
    t.clock.now = received + 10 * DAY;
    t.ok('purchasing.receive', { lines: [{ lineId: po.lineId, qty: 3 }] });
    t.clock.now = received + 14 * DAY + 1;
    expect(openLine(po.lineId)).toMatchObject({ backOrdered: 5, backOrderOverdue: true });
    // The first receipt undone: the back order dates from the second.
    t.ok('purchasing.cancelReceipt', { id: first.id, reason: 'wrong box' });
    expect(openLine(po.lineId)).toMatchObject({ qtyReceived: 3, backOrdered: 7, backOrderOverdue: false });
    t.clock.now = received + 24 * DAY + 1;
    expect(openLine(po.lineId)!.backOrderOverdue).toBe(true);
  });

  it('is never marked on a line nothing was received on, and is gone once the line is received or reduced', () => {
    const waiting = order('2026-03-01');
    const full = backOrdered();
    const reduced = backOrdered();
    t.clock.now = received + 20 * DAY;
    expect(openLine(waiting.lineId)).toMatchObject({ qtyReceived: 0, backOrderOverdue: false });
    expect(openLine(full.lineId)!.backOrderOverdue).toBe(true);
    t.ok('purchasing.receive', { lines: [{ lineId: full.lineId, qty: 3 }] });
    t.ok('purchasing.reduceLine', { id: reduced.lineId, qty: 3, reason: null });
    // Nothing owed any more: off Receiving, and nothing left to mark.
    expect(openLine(full.lineId)).toBeUndefined();
    expect(openLine(reduced.lineId)).toBeUndefined();
    t.clock.now = received + 100 * DAY;
    expect(openLine(waiting.lineId)).toMatchObject({ backOrderOverdue: false, overdue: true });
  });
});

describe('Purchasing & Fulfillment: charges with an overdue back order', () => {
  it('marks On order charges whose back-ordered units are older than the settings allow, and only those', () => {
    const acme = t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true });
    const ticket = t.ok('sales.createContainer', { kind: 'ticket', title: 'New hires', companyId: acme.id });
    const charge = () => t.ok('sales.createCharge', { containerId: ticket.id, productId: w.cable.id, quantity: 5 });
    const [partly, waiting, received] = [charge(), charge(), charge()];
    const po = t.ok('purchasing.orderForCharges', { vendorId: vendor.id, locationId: w.main.id, charges: [{ chargeId: partly.id }, { chargeId: waiting.id }, { chargeId: received.id }] });
    t.ok('purchasing.submit', { id: po.id });
    const lineOf = (chargeId: number) => po.lines.find((l) => l.chargeId === chargeId)!.id;
    t.ok('purchasing.receive', {
      lines: [
        { lineId: lineOf(partly.id), qty: 2 },
        { lineId: lineOf(received.id), qty: 5 },
      ],
    });
    const marks = () => Object.fromEntries(t.ok('purchasing.listFulfillment', { status: 'onOrder' }).rows.map((r) => [r.chargeNumber, r.backOrderOverdue]));
    // The fully received charge is ready: off the tab.
    expect(marks()).toEqual({ [partly.number]: false, [waiting.number]: false });
    t.clock.now += 14 * DAY + 1;
    expect(marks()).toEqual({ [partly.number]: true, [waiting.number]: false });
    // The charge's page says so too, and only that charge's.
    expect([partly, waiting, received].map((c) => t.ok('sales.getCharge', { id: c.id }).backOrderOverdue)).toEqual([true, false, false]);
    // The same charge's line on Receiving says so too.
    expect(openLine(lineOf(partly.id))).toMatchObject({ chargeId: partly.id, backOrderOverdue: true });
    t.ok('settings.update', { backOrderOverdueDays: 20 });
    expect(marks()).toEqual({ [partly.number]: false, [waiting.number]: false });
    t.ok('settings.update', { backOrderOverdueDays: 14 });
    // The rest arrives: ready, and off the tab.
    t.ok('purchasing.receive', { lines: [{ lineId: lineOf(partly.id), qty: 3 }] });
    expect(marks()).toEqual({ [waiting.number]: false });
  });
});
