// Property: any sequence of adds, removes, transfers (direct and shipped, several lines of one product,
// serials in any spelling), receipts of shipments, stocktakes, reversals, purchase-order receipts (partial,
// with freight, repeated lines), receipt cancellations, serial edits and holds for quotes, together with the
// sales actions (charges on tickets, picks, unpicks, transfers of picked units, deliveries and shipments,
// their reversals, holds and cancellations of charges), buying for charges (purchase orders made from charges,
// submitted, received for them at a location or straight to the client, reduced, cancelled) and winning the
// quote that holds units keeps the ledger consistent: balances equal the moves, no internal location is
// negative, the value from the balances equals the value from the moves and Σ qty ×
// lot cost; and every charge's figures and status follow its picks, deliveries and units on sent orders.
// Refusals are checked too: each refused action must answer a code that action can legitimately return
// (ALLOWED below) and change nothing in the database (see act); picks and cancellations must answer what the
// rules say from the state before; and the generated actions must be both accepted and refused often enough,
// each sales refusal the property is about among them, for the property to mean something.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChargeStatus } from '@shared/contract/sales';
import type { ErrorCode } from '@shared/errors';
import { serialKey } from '@shared/serials';
import { contentHash } from '@main/testing/dbContent';
import { createTestApp, seedWorld, type TestApp } from '@main/testing/harness';
import { VIRTUAL } from '../locations/locations';

/** Spellings of one serial: as stored, another case, blanks around it (tab, NBSP, ideographic space, zero-width). */
const SPELLINGS = [(s: string) => s, (s: string) => s.toLowerCase(), (s: string) => `\t${s}`, (s: string) => `${s.toLowerCase()}\u00A0`, (s: string) => `\u3000${s}`, (s: string) => `${s}\u200B`];

/** A line of units leaving: a quantity, or serials picked from those on hand (`offset` lets two lines pick the same one). */
interface Pick {
  product: number;
  qty: number;
  offset: number;
  spelling: number;
}

type Op =
  | { kind: 'add'; product: number; location: number; qty: number; cost: number; method: 'manual' | 'average' | 'last'; reuse: number | null; spelling: number }
  | { kind: 'remove'; location: number; pick: Pick; scrap: boolean }
  | { kind: 'transfer'; from: number; to: number; lines: Pick[]; ship: boolean }
  /** A refill from the reorder suggestions: a shipped transfer from the location that refills `location` (the van and the shelf name the main warehouse; the warehouse names none: CONFLICT). */
  | { kind: 'refill'; location: number; product: number; qty: number }
  | { kind: 'receive'; pick: number }
  | { kind: 'count'; location: number; product: number; counted: number; spelling: number }
  | { kind: 'reverse'; pick: number }
  | { kind: 'purchase'; product: number; location: number; qty: number; received: number; freight: number; split: boolean; repeat: boolean; reuse: number | null }
  | { kind: 'receiveRest'; pick: number }
  | { kind: 'cancelReceipt'; pick: number }
  | { kind: 'editSerial'; pick: number; target: number; spelling: number }
  | { kind: 'hold'; pick: number }
  | { kind: 'release'; pick: number }
  | SalesOp
  | BuyOp;

/** How a line names a charge's picked units: all of them, a quantity, some of its serials, or units it did not pick. */
type Units = 'all' | 'qty' | 'serials' | 'stray';

/** One line of a delivery: a charge (among the latest), its units, at one of its locations or wherever they are. */
interface DeliverLine {
  charge: number;
  units: Units;
  qty: number;
  offset: number;
  atLocation: boolean;
}

/**
 * What a pick tries: units free where there are some, within what is still needed (`fits`); more than is
 * needed or than is free there (`over`); units held by a charge or a quote (`held`); a serialized product
 * by quantity (`byQty`).
 */
type PickAim = 'fits' | 'over' | 'held' | 'byQty';

/** `charge` picks one of the latest charges; `product` 0 is the cable, 1 the laptop. */
type SalesOp =
  | { kind: 'container'; client: number; containerKind: 'contract' | 'project' | 'ticket' }
  | { kind: 'charge'; container: number; product: number; qty: number; onHold: boolean }
  | { kind: 'pick'; charge: number; location: number; qty: number; offset: number; spelling: number; aim: PickAim }
  | { kind: 'unpick'; charge: number; units: Units; qty: number; offset: number; atLocation: boolean }
  | { kind: 'transferPicked'; charge: number; from: number; to: number; units: Exclude<Units, 'stray'>; qty: number; offset: number }
  | { kind: 'deliver'; lines: DeliverLine[]; ship: boolean; freight: number | null }
  | { kind: 'reverseDelivery'; pick: number }
  | { kind: 'cancelCharge'; charge: number }
  | { kind: 'holdCharge'; charge: number }
  | { kind: 'takeHeld'; pick: number; to: number; transfer: boolean }
  /**
   * A client return: a quantity of one of the latest delivered charges (`over`: one more than the client still
   * holds, OVER_RETURN), one of its devices (`device`; a device already returned, NOT_RETURNABLE), or a unit we
   * never sold (`unsold`); with a credit every other time.
   */
  | { kind: 'clientReturn'; charge: number; mode: 'qty' | 'over' | 'device' | 'unsold'; qty: number; location: number; credit: boolean }
  /**
   * An RMA of one of the latest laptops at a client (`open`), or one of the latest open RMAs taken one step
   * along its path (`advance`), asked for a step its state does not allow (`wrong`, INVALID_TRANSITION), or
   * canceled. A replacement comes back with a new serial, or one already in stock (`reuse`, DUPLICATE_SERIAL).
   * `ineligible`: opened while the product is not eligible for RMA (NOT_ELIGIBLE_FOR_RMA).
   */
  | { kind: 'rma'; pick: number; type: 'return' | 'repair' | 'replace'; step: 'open' | 'advance' | 'wrong' | 'cancel'; location: number; reuse: boolean; ineligible: boolean }
  /**
   * A device swap of one of the latest laptops at a client: a replacement among every laptop serial (free, or
   * held by a charge or a quote, or already gone: SERIAL_UNAVAILABLE, SERIAL_NOT_FOUND) or none, the old
   * one back to a location, the returns shelf or Scrap, sometimes with a charge for the replacement.
   */
  | { kind: 'swap'; pick: number; replacement: number | null; fate: 'stock' | 'returns' | 'scrap'; location: number; charge: boolean }
  /**
   * A vendor return: units of a product sent from a location (`send`: a quantity, or a laptop serial among all
   * of them — held, gone or elsewhere is refused), or one of the latest unanswered returns answered for its
   * first open line, split between credit, replacement and units sent back (`over`: one unit more than open).
   */
  | { kind: 'vendorReturn'; step: 'send' | 'answer' | 'over'; product: number; qty: number; location: number; pick: number; credited: number; replaced: number };

/**
 * Buying for charges and the won-opportunity wizard. `charge` (and `second`, when `two`) pick charges, mostly
 * ones with units left to order; `addTo` adds the lines to a New order made for charges; `submit` sends the
 * order at once. `over` asks for one unit more than the line has outstanding (OVER_RECEIPT). A win targets a
 * container of the opportunity's client, a new one, another client's (COMPANY_MISMATCH), or wins an
 * opportunity already won again (INVALID_TRANSITION).
 */
type BuyOp =
  | { kind: 'orderForCharges'; charge: number; two: boolean; second: number; qty: number | null; location: number; addTo: boolean; submit: boolean }
  | { kind: 'submitForCharges'; pick: number }
  | { kind: 'receiveForCharge'; pick: number; qty: number; toCustomer: boolean; otherClient: boolean; over: boolean; reuse: number | null }
  | { kind: 'reduceLinked'; pick: number; qty: number; over: boolean }
  | { kind: 'cancelLinkedOrder'; pick: number }
  | { kind: 'win'; container: number; target: 'mine' | 'new' | 'theirs' | 'again' };

type Action =
  | 'add'
  | 'remove'
  | 'transfer'
  | 'refill'
  | 'receiveTransfer'
  | 'postCount'
  | 'reverse'
  | 'receive'
  | 'cancelReceipt'
  | 'editSerial'
  | 'createContainer'
  | 'createCharge'
  | 'pick'
  | 'unpick'
  | 'transferPicked'
  | 'deliver'
  | 'reverseDelivery'
  | 'clientReturn'
  | 'rmaOpen'
  | 'rmaStep'
  | 'swap'
  | 'vendorReturn'
  | 'vendorAnswer'
  | 'cancelCharge'
  | 'holdCharge'
  | 'releaseCharge'
  | 'reserve'
  | 'release'
  | 'orderForCharges'
  | 'submitForCharges'
  | 'receiveForCharge'
  | 'reduceLinked'
  | 'cancelLinkedOrder'
  | 'win';

/** What each action may legitimately answer when it refuses, given the inputs generated here (all valid for the contract but VALIDATION's repeated receipt line). */
const ALLOWED: Record<Action, ErrorCode[]> = {
  add: ['DUPLICATE_SERIAL', 'COST_REQUIRED'],
  remove: ['INSUFFICIENT_STOCK', 'SERIAL_NOT_FOUND', 'SERIAL_UNAVAILABLE', 'SERIAL_REQUIRED', 'DUPLICATE_SERIAL'],
  transfer: ['INSUFFICIENT_STOCK', 'SERIAL_NOT_FOUND', 'SERIAL_UNAVAILABLE', 'SERIAL_REQUIRED', 'DUPLICATE_SERIAL', 'SAME_LOCATION'],
  refill: ['INSUFFICIENT_STOCK', 'CONFLICT'],
  receiveTransfer: ['INVALID_TRANSITION'],
  postCount: ['INSUFFICIENT_STOCK', 'SERIAL_UNAVAILABLE'],
  reverse: ['ALREADY_REVERSED', 'INVALID_TRANSITION', 'REVERSAL_BLOCKED'],
  receive: ['OVER_RECEIPT', 'DUPLICATE_SERIAL', 'VALIDATION'],
  cancelReceipt: ['ALREADY_REVERSED', 'REVERSAL_BLOCKED', 'RECEIPT_DELIVERED'],
  editSerial: ['DUPLICATE_SERIAL'],
  createContainer: [],
  createCharge: [],
  // INVALID_TRANSITION: a charge delivered, canceled, on hold, or a shipment's freight.
  pick: ['OVER_PICK', 'INSUFFICIENT_STOCK', 'SERIAL_UNAVAILABLE', 'SERIAL_NOT_FOUND', 'SERIAL_REQUIRED', 'INVALID_TRANSITION'],
  unpick: ['NOT_PICKED', 'INVALID_TRANSITION'],
  transferPicked: ['NOT_PICKED', 'SAME_LOCATION', 'INVALID_TRANSITION'],
  deliver: ['NOT_PICKED', 'INVALID_TRANSITION', 'COMPANY_MISMATCH'],
  // DELIVERED_BY_RECEIPT: a delivery a receipt made straight to the client (undone by cancelling the receipt).
  // REVERSAL_BLOCKED: a device of it, or units of it, came back on a client return.
  reverseDelivery: ['ALREADY_REVERSED', 'DELIVERED_BY_RECEIPT', 'REVERSAL_BLOCKED'],
  // CONFLICT: the device's open RMA holds it.
  clientReturn: ['OVER_RETURN', 'NOT_RETURNABLE', 'CONFLICT'],
  // CONFLICT: the device has an open RMA already.
  rmaOpen: ['NOT_RETURNABLE', 'CONFLICT', 'NOT_ELIGIBLE_FOR_RMA'],
  // The replacement held by someone, gone, or where nothing is offered; the old device no longer at the client.
  // VALIDATION: a charge asked for a device on no container (a swap's own replacement).
  swap: ['SERIAL_UNAVAILABLE', 'SERIAL_NOT_FOUND', 'NOT_RETURNABLE', 'INSUFFICIENT_STOCK', 'CONFLICT', 'VALIDATION'],
  // The unit may have been picked, moved or delivered by others since it came back (held, not found); a
  // replacement's serial may already be in stock.
  rmaStep: ['INVALID_TRANSITION', 'ALREADY_REVERSED', 'NOT_RETURNABLE', 'SERIAL_UNAVAILABLE', 'SERIAL_NOT_FOUND', 'INSUFFICIENT_STOCK', 'DUPLICATE_SERIAL'],
  // Units held (picked, reserved, an RMA's), gone, or not at that location.
  vendorReturn: ['INSUFFICIENT_STOCK', 'SERIAL_UNAVAILABLE', 'SERIAL_NOT_FOUND'],
  vendorAnswer: ['OVER_RESOLVE'],
  cancelCharge: ['CHARGE_DELIVERED', 'ALREADY_REVERSED', 'INVALID_TRANSITION'],
  holdCharge: ['INVALID_TRANSITION'],
  releaseCharge: ['INVALID_TRANSITION'],
  reserve: [],
  release: [],
  // INVALID_TRANSITION: a charge on hold, canceled or delivered; NOTHING_TO_ORDER: all of it picked, delivered or on orders.
  orderForCharges: ['INVALID_TRANSITION', 'NOTHING_TO_ORDER'],
  submitForCharges: ['INVALID_TRANSITION'],
  receiveForCharge: ['OVER_RECEIPT', 'DUPLICATE_SERIAL'],
  reduceLinked: ['OVER_RECEIPT'],
  cancelLinkedOrder: ['INVALID_TRANSITION'],
  // VALIDATION: an opportunity with no quote item.
  win: ['INVALID_TRANSITION', 'VALIDATION', 'COMPANY_MISMATCH'],
};

/** Refusals the runs together must have met: the ones picks exist to make, held units refused to stock actions, and charges that cannot be ordered for. */
const MUST_REFUSE = [
  'pick:OVER_PICK',
  'pick:INSUFFICIENT_STOCK',
  'pick:SERIAL_UNAVAILABLE',
  'deliver:NOT_PICKED',
  'cancelCharge:CHARGE_DELIVERED',
  'remove:SERIAL_UNAVAILABLE',
  'remove:INSUFFICIENT_STOCK',
  'transfer:SERIAL_UNAVAILABLE',
  'transfer:INSUFFICIENT_STOCK',
  'orderForCharges:NOTHING_TO_ORDER',
  'orderForCharges:INVALID_TRANSITION',
  'reverseDelivery:DELIVERED_BY_RECEIPT',
  'clientReturn:OVER_RETURN',
  'rmaStep:INVALID_TRANSITION',
  'reverseDelivery:REVERSAL_BLOCKED',
  'vendorAnswer:OVER_RESOLVE',
  'rmaOpen:NOT_ELIGIBLE_FOR_RMA',
];
/** Sales actions the runs together must have seen accepted. */
const MUST_ACCEPT: Action[] = [
  'createCharge',
  'pick',
  'unpick',
  'transferPicked',
  'deliver',
  'reverseDelivery',
  'clientReturn',
  'rmaOpen',
  'rmaStep',
  'swap',
  'vendorReturn',
  'vendorAnswer',
  'cancelCharge',
  'holdCharge',
  'releaseCharge',
  'reserve',
  'release',
  'orderForCharges',
  'submitForCharges',
  'receiveForCharge',
  'reduceLinked',
  'cancelLinkedOrder',
  'win',
];

const idx = fc.integer({ min: 0, max: 2 });
const spelling = fc.integer({ min: 0, max: SPELLINGS.length - 1 });
const pick = fc.record({ product: idx, qty: fc.integer({ min: 1, max: 4 }), offset: fc.integer({ min: 0, max: 3 }), spelling });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      product: idx,
      location: idx,
      qty: fc.integer({ min: 1, max: 5 }),
      cost: fc.integer({ min: 0, max: 5_000_000 }),
      method: fc.constantFrom<'manual' | 'average' | 'last'>('manual', 'manual', 'manual', 'average', 'last'),
      // Now and then one of the new serials is an existing one in another spelling.
      reuse: fc.option(fc.nat(), { freq: 5 }),
      spelling,
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('remove' as const), location: idx, pick, scrap: fc.boolean() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('transfer' as const), from: idx, to: idx, lines: fc.array(pick, { minLength: 1, maxLength: 3 }), ship: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('receive' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('refill' as const), location: idx, product: idx, qty: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('count' as const), location: idx, product: idx, counted: fc.integer({ min: 0, max: 8 }), spelling }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('purchase' as const),
      product: idx,
      location: idx,
      qty: fc.integer({ min: 1, max: 5 }),
      received: fc.integer({ min: 1, max: 5 }),
      freight: fc.integer({ min: 0, max: 100_000 }),
      split: fc.boolean(),
      repeat: fc.boolean(),
      reuse: fc.option(fc.nat(), { freq: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('receiveRest' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancelReceipt' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('editSerial' as const), pick: fc.nat(), target: fc.nat(), spelling }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hold' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }) },
  // The sales actions, about as often as the stock actions above.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('container' as const), client: fc.integer({ min: 0, max: 1 }), containerKind: fc.constantFrom<'contract' | 'project' | 'ticket'>('contract', 'project', 'ticket') }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('charge' as const), container: fc.nat(), product: fc.integer({ min: 0, max: 1 }), qty: fc.integer({ min: 1, max: 5 }), onHold: fc.integer({ min: 0, max: 5 }).map((n) => n === 0) }),
  },
  {
    weight: 7,
    arbitrary: fc.record({
      kind: fc.constant('pick' as const),
      charge: fc.nat(),
      location: idx,
      qty: fc.integer({ min: 1, max: 5 }),
      offset: fc.integer({ min: 0, max: 3 }),
      spelling,
      aim: fc.constantFrom<PickAim>('fits', 'fits', 'fits', 'fits', 'fits', 'over', 'over', 'held', 'held', 'byQty'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('unpick' as const),
      charge: fc.nat(),
      units: fc.constantFrom<Units>('all', 'qty', 'serials', 'stray'),
      qty: fc.integer({ min: 1, max: 4 }),
      offset: fc.integer({ min: 0, max: 2 }),
      atLocation: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('transferPicked' as const),
      charge: fc.nat(),
      from: fc.nat(),
      // 0 and 1 another location, 2 the same one (SAME_LOCATION).
      to: fc.constantFrom(0, 1, 0, 1, 2),
      units: fc.constantFrom<Exclude<Units, 'stray'>>('all', 'qty', 'serials'),
      qty: fc.integer({ min: 1, max: 4 }),
      offset: fc.integer({ min: 0, max: 2 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('deliver' as const),
      lines: fc.array(
        fc.record({
          charge: fc.nat(),
          units: fc.constantFrom<Units>('all', 'all', 'qty', 'serials', 'stray'),
          qty: fc.integer({ min: 1, max: 5 }),
          offset: fc.integer({ min: 0, max: 2 }),
          atLocation: fc.boolean(),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      ship: fc.boolean(),
      freight: fc.option(fc.integer({ min: 1, max: 200_000 }), { freq: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverseDelivery' as const), pick: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('swap' as const),
      pick: fc.nat(),
      replacement: fc.option(fc.nat(), { freq: 4 }),
      fate: fc.constantFrom<'stock' | 'returns' | 'scrap'>('stock', 'returns', 'scrap'),
      location: idx,
      charge: fc.boolean(),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('rma' as const),
      pick: fc.nat(),
      type: fc.constantFrom<'return' | 'repair' | 'replace'>('return', 'repair', 'replace'),
      step: fc.constantFrom<'open' | 'advance' | 'wrong' | 'cancel'>('open', 'advance', 'advance', 'advance', 'wrong', 'cancel'),
      location: idx,
      reuse: fc.boolean(),
      ineligible: fc.constantFrom(false, false, true),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('vendorReturn' as const),
      step: fc.constantFrom<'send' | 'answer' | 'over'>('send', 'send', 'answer', 'answer', 'over'),
      product: idx,
      qty: fc.integer({ min: 1, max: 4 }),
      location: idx,
      pick: fc.nat(),
      credited: fc.nat({ max: 3 }),
      replaced: fc.nat({ max: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('clientReturn' as const),
      charge: fc.nat(),
      mode: fc.constantFrom<'qty' | 'over' | 'device' | 'unsold'>('qty', 'qty', 'over', 'device', 'device', 'unsold'),
      qty: fc.integer({ min: 1, max: 3 }),
      location: idx,
      credit: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancelCharge' as const), charge: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('holdCharge' as const), charge: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('takeHeld' as const), pick: fc.nat(), to: idx, transfer: fc.boolean() }) },
  // Buying for charges and winning the quote, less often: each calls several channels.
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('orderForCharges' as const),
      charge: fc.nat(),
      two: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
      second: fc.nat(),
      // Left out: what the charge has left to order.
      qty: fc.option(fc.integer({ min: 1, max: 6 }), { freq: 2 }),
      location: idx,
      addTo: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
      submit: fc.integer({ min: 0, max: 3 }).map((n) => n !== 0),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('submitForCharges' as const), pick: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('receiveForCharge' as const),
      pick: fc.nat(),
      qty: fc.integer({ min: 1, max: 5 }),
      toCustomer: fc.boolean(),
      // Now and then straight to another client than the charge's: the units are theirs, the charge needs them again.
      otherClient: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
      over: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
      // Now and then a serial already used (DUPLICATE_SERIAL).
      reuse: fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reduceLinked' as const), pick: fc.nat(), qty: fc.integer({ min: 1, max: 4 }), over: fc.integer({ min: 0, max: 5 }).map((n) => n === 0) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancelLinkedOrder' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('win' as const), container: fc.nat(), target: fc.constantFrom<'mine' | 'new' | 'theirs' | 'again'>('mine', 'mine', 'mine', 'new', 'theirs', 'again') }),
  },
);

type Sqlite = TestApp['app']['ctx']['sqlite'];

interface World {
  t: TestApp;
  products: { id: number; serialized: boolean }[];
  locations: number[];
  docs: { documentType: 'adjustment' | 'transfer' | 'stocktake'; id: number }[];
  shipments: number[];
  serial: number;
  vendorId: number;
  /** Purchase-order lines that may still have units to receive. */
  poLines: { lineId: number; productIndex: number }[];
  receipts: number[];
  clients: number[];
  containers: number[];
  /** The open opportunity whose quote items reserve units (made on the first reservation, again after it is won). */
  opportunityId: number | null;
  /** Opportunities won. */
  won: number[];
  /** Purchase orders made for charges (their lines are in poLines too). */
  orders: number[];
  /** The code of the last refusal `act` saw, null when the action was accepted. */
  refusal: ErrorCode | null;
  /** Whether an action was accepted since the ledger was last verified. */
  changed: boolean;
  /** A second, read-only connection to the database file: its data_version moves with every commit of the app's. */
  watch: Database.Database;
  q: ReturnType<typeof salesQueries>;
}

const tally = { accepted: 0, refused: 0, byCode: new Map<string, number>(), acceptedBy: new Map<Action, number>() };

type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; details?: unknown } };

/**
 * Calls one action. A refusal must be allowed for it and must have committed nothing: the second connection's
 * data_version would move with any commit, even one that rewrote a row as it was (a fingerprint of every table
 * before each of the thousands of actions would cost more than the actions). When the generator knows the
 * action must be refused (`mustRefuse`), it must be, and every table's content (contentHash) must be as before.
 */
function act<T>(w: World, action: Action, call: () => Answer<T>, mustRefuse = false): T | undefined {
  const version = w.watch.pragma('data_version', { simple: true });
  const before = mustRefuse ? contentHash(w.t.app.ctx.sqlite) : null;
  const r = call();
  if (r.ok) {
    tally.accepted += 1;
    tally.acceptedBy.set(action, (tally.acceptedBy.get(action) ?? 0) + 1);
    w.refusal = null;
    w.changed = true;
    expect({ action, accepted: true }).toEqual({ action, accepted: !mustRefuse });
    // The watch sees the app's commits (or the check of refusals below would prove nothing); a serial renamed
    // to its own spelling is the one change accepted with nothing to write.
    if (action !== 'editSerial') expect(w.watch.pragma('data_version', { simple: true }), `${action} accepted with no commit seen`).not.toBe(version);
    return r.data;
  }
  tally.refused += 1;
  tally.byCode.set(`${action}:${r.error.code}`, (tally.byCode.get(`${action}:${r.error.code}`) ?? 0) + 1);
  w.refusal = r.error.code;
  expect({ action, code: r.error.code, allowed: ALLOWED[action].includes(r.error.code) }).toEqual({ action, code: r.error.code, allowed: true });
  expect(w.watch.pragma('data_version', { simple: true }), `${action} refused with ${r.error.code} but committed a change`).toBe(version);
  if (before !== null) expect(contentHash(w.t.app.ctx.sqlite), `${action} refused with ${r.error.code} but changed the database`).toBe(before);
  return undefined;
}

function allSerials(w: World, productId: number): string[] {
  return (w.t.app.ctx.sqlite.prepare(`SELECT serial_number AS s FROM lots WHERE product_id = ? AND serial_number IS NOT NULL ORDER BY id`).all(productId) as { s: string }[]).map((r) => r.s);
}

function onHandSerials(w: World, productId: number, locationId: number): string[] {
  return w.t.ok('stock.listLots', { productId, locationId, pageSize: 200, sortBy: 'serialNumber' }).rows.map((r) => r.serialNumber!);
}

/** A line as the user would send it: serials picked from those on hand (in some spelling), or a quantity. */
function line(w: World, p: Pick, from: number) {
  const product = w.products[p.product]!;
  if (!product.serialized) return { productId: product.id, qty: p.qty };
  const serials = onHandSerials(w, product.id, from).slice(p.offset, p.offset + p.qty);
  return { productId: product.id, serials: serials.map((s, i) => SPELLINGS[(p.spelling + i) % SPELLINGS.length]!(s)) };
}

function newSerials(w: World, productId: number, qty: number, reuse: number | null, spell: number, prefix: string): string[] {
  const serials = Array.from({ length: qty }, () => `${prefix}${++w.serial}`);
  const existing = allSerials(w, productId);
  if (reuse !== null && existing.length > 0) serials[serials.length - 1] = SPELLINGS[spell]!(existing[reuse % existing.length]!);
  return serials;
}

function receiveLine(w: World, lineId: number, productIndex: number, qty: number, options: { freight?: number; split?: boolean; repeat?: boolean; reuse?: number | null } = {}): void {
  const p = w.products[productIndex]!;
  const serials = p.serialized ? newSerials(w, p.id, qty, options.reuse ?? null, 1, 'P') : undefined;
  const lines = [{ lineId, qty, serials }];
  // The same PO line twice in one receipt is refused (VALIDATION naming the lines).
  if (options.repeat) lines.push({ lineId, qty: 1, serials: p.serialized ? [`P${++w.serial}`] : undefined });
  const receipt = act(w, 'receive', () => w.t.app.call('purchasing.receive', { lines, freight: options.freight ?? 0, splitFreight: options.split ?? false }, w.t.token));
  if (receipt) w.receipts.push(receipt.id);
}

function apply(w: World, o: Op): void {
  const { t } = w;
  const sqlite = t.app.ctx.sqlite;
  switch (o.kind) {
    case 'add': {
      const p = w.products[o.product]!;
      const serials = p.serialized ? newSerials(w, p.id, o.qty, o.reuse, o.spelling, 'S') : undefined;
      const input = { productId: p.id, locationId: w.locations[o.location]!, qty: o.qty, costMethod: o.method, unitCost: o.method === 'manual' ? o.cost : undefined, serials, reason: null };
      const doc = act(w, 'add', () => t.app.call('stock.add', input, t.token));
      if (doc) w.docs.push(doc);
      return;
    }
    case 'remove': {
      const loc = w.locations[o.location]!;
      const { productId, ...units } = line(w, o.pick, loc);
      const doc = act(w, 'remove', () => t.app.call('stock.remove', { productId, locationId: loc, destination: o.scrap ? 'scrap' : 'adjustment', reason: null, ...units }, t.token));
      if (doc) w.docs.push(doc);
      return;
    }
    case 'transfer': {
      const from = w.locations[o.from]!;
      const lines = o.lines.map((p) => line(w, p, from));
      const doc = act(w, 'transfer', () => t.app.call('stock.transfer', { fromLocationId: from, toLocationId: w.locations[o.to]!, mode: o.ship ? 'ship' : 'direct', lines }, t.token));
      if (doc) {
        w.docs.push(doc);
        if (o.ship) w.shipments.push(doc.id);
      }
      return;
    }
    case 'refill': {
      const p = w.products[o.product]!;
      const location = w.locations[o.location]!;
      const existing = t.app.ctx.sqlite.prepare<[number, number], { id: number }>(`SELECT id FROM inventory_products WHERE product_id = ? AND location_id = ?`).get(p.id, location);
      const ip = existing?.id ?? t.ok('stock.createInventoryProduct', { productId: p.id, locationId: location, min: 0, max: 0 }).id;
      const made = act(w, 'refill', () => t.app.call('purchasing.createFromSuggestions', { transfers: [{ inventoryProductId: ip, qty: o.qty }] }, t.token));
      for (const doc of made?.transfers ?? []) {
        w.docs.push(doc);
        w.shipments.push(doc.id);
      }
      return;
    }
    case 'receive': {
      if (w.shipments.length === 0) return;
      act(w, 'receiveTransfer', () => t.app.call('stock.receiveTransfer', { id: w.shipments[o.pick % w.shipments.length]! }, t.token));
      return;
    }
    case 'count': {
      const p = w.products[o.product]!;
      const location = w.locations[o.location]!;
      const count = t.ok('stock.startCount', { locationId: location, note: null });
      if (p.serialized) {
        const serials = onHandSerials(w, p.id, location).slice(0, o.counted);
        // Scanned in some spelling; the same unit scanned again in another spelling is refused.
        serials.forEach((code, i) => t.ok('stock.scanCount', { id: count.id, code: SPELLINGS[(o.spelling + i) % SPELLINGS.length]!(code) }));
        if (serials.length > 0) expect(t.fail('stock.scanCount', { id: count.id, code: SPELLINGS[(o.spelling + 1) % SPELLINGS.length]!(serials[0]!) }).code).toBe('DUPLICATE_SERIAL');
        if (serials.length === 0) t.ok('stock.setCountQty', { id: count.id, productId: p.id, countedQty: 0 });
      } else {
        t.ok('stock.setCountQty', { id: count.id, productId: p.id, countedQty: o.counted });
      }
      const posted = act(w, 'postCount', () => t.app.call('stock.postCount', { id: count.id, reason: null }, t.token));
      if (posted) w.docs.push(posted);
      else t.ok('stock.cancelCount', { id: count.id });
      return;
    }
    case 'purchase': {
      const p = w.products[o.product]!;
      const po = t.ok('purchasing.createOrder', { vendorId: w.vendorId, lines: [{ productId: p.id, qty: o.qty, unitCost: 10_000 * (o.product + 1), locationId: w.locations[o.location]! }] });
      t.ok('purchasing.submit', { id: po.id });
      w.poLines.push({ lineId: po.lines[0]!.id, productIndex: o.product });
      // More than ordered is refused (and must change nothing).
      receiveLine(w, po.lines[0]!.id, o.product, o.received, { freight: o.freight, split: o.split, repeat: o.repeat, reuse: o.reuse });
      return;
    }
    case 'receiveRest': {
      if (w.poLines.length === 0) return;
      const l = w.poLines[o.pick % w.poLines.length]!;
      const open = t.ok('purchasing.listOpenLines', {}).rows.find((r) => r.lineId === l.lineId);
      if (open) receiveLine(w, l.lineId, l.productIndex, open.outstanding);
      return;
    }
    case 'cancelReceipt': {
      if (w.receipts.length === 0) return;
      act(w, 'cancelReceipt', () => t.app.call('purchasing.cancelReceipt', { id: w.receipts[o.pick % w.receipts.length]!, reason: null }, t.token));
      return;
    }
    case 'reverse': {
      if (w.docs.length === 0) return;
      const doc = w.docs[o.pick % w.docs.length]!;
      act(w, 'reverse', () => t.app.call('stock.reverse', { documentType: doc.documentType, id: doc.id, reason: null }, t.token));
      return;
    }
    case 'editSerial': {
      const units = sqlite.prepare(`SELECT id, serial_number AS s FROM lots WHERE product_id = ? AND serial_number IS NOT NULL ORDER BY id`).all(w.products[1]!.id) as { id: number; s: string }[];
      if (units.length === 0) return;
      const unit = units[o.pick % units.length]!;
      // Renamed to another spelling of itself, of another unit (refused) or to a new serial.
      const other = units[o.target % units.length]!;
      const serialNumber = o.target % 3 === 0 ? `E${++w.serial}` : SPELLINGS[o.spelling]!(other.s).trim() || other.s;
      act(w, 'editSerial', () => t.app.call('stock.editSerial', { lotId: unit.id, serialNumber }, t.token));
      return;
    }
    case 'hold': {
      const free = sqlite
        .prepare(
          `SELECT b.lot_id AS lotId, b.location_id AS locationId, b.product_id AS productId FROM balances b JOIN locations l ON l.id = b.location_id AND l.usage = 'internal'
           WHERE b.qty > coalesce((SELECT sum(a.qty) FROM allocations a WHERE a.lot_id = b.lot_id AND a.location_id = b.location_id), 0) ORDER BY b.lot_id, b.location_id`,
        )
        .all() as { lotId: number; locationId: number; productId: number }[];
      if (free.length === 0) return;
      const unit = free[o.pick % free.length]!;
      // A quote item of one unit of its product, reserving that unit (its serial) or one unit there.
      w.opportunityId ??= t.ok('sales.createOpportunity', { companyId: w.clients[0]!, title: 'Quote' }).id;
      const added = t.app.call('sales.addQuoteItem', { opportunityId: w.opportunityId, productId: unit.productId, quantity: 1 }, t.token);
      if (!added.ok) return;
      const item = added.data.items.at(-1)!;
      const serial = (sqlite.prepare(`SELECT serial_number AS s FROM lots WHERE id = ?`).get(unit.lotId) as { s: string | null }).s;
      act(w, 'reserve', () => t.app.call('stock.reserve', { quoteItemId: item.id, locationId: unit.locationId, ...(serial ? { serials: [serial] } : { qty: 1 }) }, t.token));
      return;
    }
    case 'release': {
      const held = sqlite.prepare(`SELECT DISTINCT source_id AS id FROM allocations WHERE source_type = 'quoteItem' ORDER BY id`).all() as { id: number }[];
      if (held.length > 0) act(w, 'release', () => t.app.call('stock.release', { quoteItemId: held[o.pick % held.length]!.id }, t.token));
      return;
    }
    case 'orderForCharges':
    case 'submitForCharges':
    case 'receiveForCharge':
    case 'reduceLinked':
    case 'cancelLinkedOrder':
    case 'win':
      applyBuying(w, o);
      return;
    default:
      applySales(w, o);
  }
}

// Sales actions ---------------------------------------------------------------------------------

const OPEN: ChargeStatus[] = ['needToOrder', 'onOrder', 'ready'];

interface ChargeState {
  id: number;
  kind: 'product' | 'freight';
  status: ChargeStatus;
  productId: number | null;
  quantity: number;
  picked: number;
  delivered: number;
}

/** A charge's figures beside what they must equal, read as exact integers. */
interface ChargeFigures {
  id: bigint;
  status: ChargeStatus;
  quantity: bigint;
  picked: bigint;
  delivered: bigint;
  deliveredCost: bigint;
  noProcurement: bigint;
  /** Outstanding units of its purchase-order lines on sent orders (submitted or partly received). */
  onOrder: bigint;
  /** Σ of its allocations (kind 'picked'). */
  allocated: bigint;
  /**
   * Σ qty × unit cost of its delivery moves to Customer not reversed since, and of the units its receipts
   * delivered straight to its client while they stand (those deliveries have no moves of their own).
   */
  movedCost: bigint;
}

/** The reads the sales actions and their checks repeat after every action, prepared once per world. */
function salesQueries(sqlite: Sqlite) {
  return {
    charge: sqlite.prepare<[number], ChargeState>(`SELECT id, kind, status, product_id AS productId, quantity, picked, delivered FROM charges WHERE id = ?`),
    /** Picked + delivered per charge: what a delivery, its reversal or a transfer of picked units moves between the two but never changes. */
    totals: sqlite.prepare<[], { id: number; n: number }>(`SELECT id, picked + delivered AS n FROM charges ORDER BY id`),
    /** The latest product charges, or the latest open ones (neither on hold, delivered in full nor canceled). */
    latest: sqlite
      .prepare<[number], number>(`SELECT id FROM charges WHERE kind = 'product' AND (? OR status IN ('needToOrder', 'onOrder', 'ready')) ORDER BY id DESC LIMIT 6`)
      .pluck(),
    /** The latest open charges with units still to pick. */
    needing: sqlite
      .prepare<[], number>(`SELECT id FROM charges WHERE kind = 'product' AND status IN ('needToOrder', 'onOrder', 'ready') AND quantity > picked + delivered ORDER BY id DESC LIMIT 6`)
      .pluck(),
    /** The latest charges with units picked. */
    withPicks: sqlite.prepare<[], number>(`SELECT id FROM charges WHERE picked > 0 ORDER BY id DESC LIMIT 6`).pluck(),
    /** The latest charges with units delivered. */
    delivered: sqlite.prepare<[], number>(`SELECT id FROM charges WHERE kind = 'product' AND delivered > 0 ORDER BY id DESC LIMIT 6`).pluck(),
    /** A product's serials on hand at a location, free or held, oldest unit first. */
    serialsAt: sqlite
      .prepare<[number, number], string>(
        `SELECT l.serial_number FROM balances b JOIN lots l ON l.id = b.lot_id WHERE b.product_id = ? AND b.location_id = ? AND b.qty > 0 AND l.serial_number IS NOT NULL ORDER BY l.id`,
      )
      .pluck(),
    /** Whether anything (a charge or a quote) holds the unit with this serial at the location. */
    heldSerial: sqlite
      .prepare<[number, string, number], number>(`SELECT count(*) FROM allocations a JOIN lots l ON l.id = a.lot_id WHERE l.product_id = ? AND l.serial_number = ? AND a.location_id = ?`)
      .pluck(),
    /** Units of a product at a location that nothing holds. */
    available: sqlite
      .prepare<[number, number, number, number], number>(
        `SELECT coalesce((SELECT sum(qty) FROM balances WHERE product_id = ? AND location_id = ?), 0) - coalesce((SELECT sum(qty) FROM allocations WHERE product_id = ? AND location_id = ?), 0)`,
      )
      .pluck(),
    heldAt: sqlite.prepare<[number, number], number>(`SELECT count(*) FROM allocations WHERE product_id = ? AND location_id = ?`).pluck(),
    onHand: sqlite.prepare<[number, number], number>(`SELECT coalesce(sum(qty), 0) FROM balances WHERE product_id = ? AND location_id = ?`).pluck(),
    /** A charge's picks, oldest first. */
    picks: sqlite.prepare<[number], { locationId: number; qty: number; serial: string | null }>(
      `SELECT a.location_id AS locationId, a.qty, l.serial_number AS serial FROM allocations a JOIN lots l ON l.id = a.lot_id
       WHERE a.source_type = 'charge' AND a.source_id = ? AND a.kind = 'picked' ORDER BY a.id`,
    ),
    /** Every unit picked for a charge. */
    held: sqlite.prepare<[], { productId: number; locationId: number; serial: string | null }>(
      `SELECT a.product_id AS productId, a.location_id AS locationId, l.serial_number AS serial FROM allocations a JOIN lots l ON l.id = a.lot_id WHERE a.source_type = 'charge' ORDER BY a.id`,
    ),
    /** What a client return may take of a charge: its client, units delivered and already returned, its latest device still at the client and one already back. */
    returnable: sqlite.prepare<[number], { companyId: number; delivered: number; returned: number; installed: number | null; back: number | null; serialized: number }>(
      `SELECT ch.company_id AS companyId, ch.delivered, ch.returned, p.serialized,
              (SELECT max(id) FROM devices WHERE charge_id = ch.id AND status = 'installed') AS installed, (SELECT max(id) FROM devices WHERE charge_id = ch.id AND status = 'returned') AS back
       FROM charges ch JOIN products p ON p.id = ch.product_id WHERE ch.id = ?`,
    ),
    /** The latest laptops at a client, and the latest RMAs not finished. */
    installedLaptops: sqlite.prepare<[number], number>(`SELECT d.id FROM devices d WHERE d.product_id = ? AND d.status = 'installed' ORDER BY d.id DESC LIMIT 6`).pluck(),
    openRmas: sqlite.prepare<[], { id: number; status: string; type: string }>(`SELECT id, status, type FROM rmas WHERE status NOT IN ('rejected', 'closed', 'canceled') ORDER BY id DESC LIMIT 6`),
    rmaUnit: sqlite.prepare<[number], { lotId: number; cost: number; replacement: number | null }>(
      `SELECT r.lot_id AS lotId, l.unit_cost AS cost, (SELECT unit_cost FROM lots WHERE id = r.replacement_lot_id) AS replacement FROM rmas r JOIN lots l ON l.id = r.lot_id WHERE r.id = ?`,
    ),
    deliveries: sqlite.prepare<[number], number>(`SELECT id FROM deliveries WHERE ? OR status = 'delivered' ORDER BY id DESC LIMIT 4`).pluck(),
    onHold: sqlite.prepare<[], number>(`SELECT id FROM charges WHERE status = 'pending' ORDER BY id DESC LIMIT 6`).pluck(),
    freightOf: sqlite.prepare<[number], number | null>(`SELECT freight_charge_id FROM deliveries WHERE id = ?`).pluck(),
    /** Every charge with what its figures must equal. */
    figures: sqlite
      .prepare<[], ChargeFigures>(
        `SELECT ch.id, ch.status, ch.quantity, ch.picked, ch.delivered, ch.delivered_cost AS deliveredCost,
                coalesce(p.does_not_require_procurement, 1) AS noProcurement,
                coalesce((SELECT sum(l.qty_ordered - l.qty_canceled - l.qty_received) FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id
                          WHERE l.charge_id = ch.id AND po.status IN ('submitted', 'receivedPartial')), 0) AS onOrder,
                coalesce((SELECT sum(a.qty) FROM allocations a WHERE a.source_type = 'charge' AND a.source_id = ch.id AND a.kind = 'picked'), 0) AS allocated,
                coalesce((SELECT sum(m.qty * m.unit_cost) FROM delivery_lines dl JOIN stock_moves m ON m.source_type = 'delivery' AND m.source_id = dl.delivery_id AND m.source_line = dl.line_no
                          WHERE dl.charge_id = ch.id AND m.to_location_id = ${VIRTUAL.customer} AND NOT EXISTS (SELECT 1 FROM stock_moves r WHERE r.reverses_move_id = m.id)), 0)
                + coalesce((SELECT sum(dl.qty * rl.landed_unit_cost) FROM delivery_lines dl JOIN deliveries d ON d.id = dl.delivery_id
                            JOIN receipts r ON r.id = d.receipt_id AND r.status = 'posted' JOIN receipt_lines rl ON rl.receipt_id = r.id AND rl.location_id = ${VIRTUAL.customer}
                            JOIN purchase_order_lines pl ON pl.id = rl.po_line_id AND pl.charge_id = dl.charge_id
                            WHERE dl.charge_id = ch.id), 0) AS movedCost
         FROM charges ch LEFT JOIN products p ON p.id = ch.product_id ORDER BY ch.id`,
      )
      .safeIntegers(true),
    /** Units held beyond what is on hand, serialized units held by two charges, picks of no live charge of their product or outside our stock. */
    badHolds: sqlite.prepare<[], { lotId: number; problem: string }>(
      `SELECT a.lot_id AS lotId, 'more held than on hand' AS problem FROM allocations a
       GROUP BY a.lot_id, a.location_id HAVING sum(a.qty) > coalesce((SELECT qty FROM balances b WHERE b.lot_id = a.lot_id AND b.location_id = a.location_id), 0)
       UNION ALL
       SELECT a.lot_id, 'serial held by two charges' FROM allocations a JOIN lots l ON l.id = a.lot_id
       WHERE a.source_type = 'charge' AND l.serial_number IS NOT NULL GROUP BY a.lot_id HAVING count(DISTINCT a.source_id) > 1 OR sum(a.qty) > 1
       UNION ALL
       SELECT a.lot_id, 'picked for no live charge of its product, or outside our stock' FROM allocations a
       LEFT JOIN charges ch ON ch.id = a.source_id AND ch.product_id = a.product_id AND ch.status <> 'canceled' JOIN locations loc ON loc.id = a.location_id
       WHERE a.source_type = 'charge' AND (a.kind <> 'picked' OR ch.id IS NULL OR loc.usage <> 'internal')`,
    ),
    /**
     * Serialized units with a device or at Customer: how many installed devices, how many at Customer, and
     * whether a receipt brought the unit straight there (for a charge, or for a client with no charge).
     */
    devices: sqlite.prepare<[], { lotId: number; installed: number; atCustomer: number; received: number }>(
      `SELECT l.id AS lotId, (SELECT count(*) FROM devices d WHERE d.lot_id = l.id AND d.status = 'installed') AS installed,
              -- Units at Customer (which keeps no balance): its moves in and out. A unit we never sold came in from
              -- Customer (a client return): it started at −1 there.
              (SELECT coalesce(sum(CASE WHEN m.to_location_id = ${VIRTUAL.customer} THEN m.qty ELSE -m.qty END), 0) FROM stock_moves m
               WHERE m.lot_id = l.id AND ${VIRTUAL.customer} IN (m.to_location_id, m.from_location_id)) + (l.source_type = 'return') AS atCustomer,
              EXISTS (SELECT 1 FROM stock_moves m WHERE m.lot_id = l.id AND m.source_type = 'receipt' AND m.to_location_id = ${VIRTUAL.customer}) AS received
       FROM lots l WHERE l.serial_number IS NOT NULL
        AND (EXISTS (SELECT 1 FROM devices d WHERE d.lot_id = l.id) OR EXISTS (SELECT 1 FROM stock_moves m WHERE m.lot_id = l.id AND m.to_location_id = ${VIRTUAL.customer}))`,
    ),
    /**
     * Deliveries a receipt made straight to a client that do not stand and fall with it, or whose devices (at
     * the client or returned since) are not the serialized units of their line while they stand.
     */
    badReceiptDeliveries: sqlite.prepare<[], { id: number; status: string; receipt: string; qty: number; devices: number }>(
      `SELECT d.id, d.status, r.status AS receipt, dl.qty, (SELECT count(*) FROM devices v WHERE v.delivery_id = d.id AND v.status = 'installed') AS devices
       FROM deliveries d JOIN receipts r ON r.id = d.receipt_id JOIN delivery_lines dl ON dl.delivery_id = d.id JOIN products p ON p.id = dl.product_id
       WHERE (d.status = 'delivered') <> (r.status = 'posted')
          OR (SELECT count(*) FROM devices v WHERE v.delivery_id = d.id AND v.status IN ('installed', 'returned')) <> CASE WHEN d.status = 'delivered' AND p.serialized = 1 THEN dl.qty ELSE 0 END`,
    ),
    /** What a charge has left to order: quantity − delivered − picked − outstanding on its lines of orders not canceled (drafts included). */
    leftToOrder: sqlite
      .prepare<[number], number>(
        `SELECT ch.quantity - ch.delivered - ch.picked - coalesce((SELECT sum(l.qty_ordered - l.qty_canceled - l.qty_received) FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id
                 WHERE l.charge_id = ch.id AND po.status IN ('new', 'submitted', 'receivedPartial')), 0) FROM charges ch WHERE ch.id = ?`,
      )
      .pluck(),
    /** The latest open product charges with units left to order. */
    toOrder: sqlite
      .prepare<[], number>(
        `SELECT ch.id FROM charges ch WHERE ch.kind = 'product' AND ch.status IN ('needToOrder', 'onOrder', 'ready')
           AND ch.quantity - ch.delivered - ch.picked > coalesce((SELECT sum(l.qty_ordered - l.qty_canceled - l.qty_received) FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id
                 WHERE l.charge_id = ch.id AND po.status IN ('new', 'submitted', 'receivedPartial')), 0)
         ORDER BY ch.id DESC LIMIT 6`,
      )
      .pluck(),
    /** The latest lines bought for charges with units still to receive on sent orders. */
    linkedOpen: sqlite.prepare<[], { id: number; chargeId: number; productId: number; locationId: number; outstanding: number }>(
      `SELECT l.id, l.charge_id AS chargeId, l.product_id AS productId, l.location_id AS locationId, l.qty_ordered - l.qty_canceled - l.qty_received AS outstanding
       FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id
       WHERE l.charge_id IS NOT NULL AND po.status IN ('submitted', 'receivedPartial') AND l.qty_ordered - l.qty_canceled - l.qty_received > 0 ORDER BY l.id DESC LIMIT 6`,
    ),
    /** Outstanding units per charge on an order's lines bought for charges. */
    outstandingByCharge: sqlite.prepare<[number], { chargeId: number; n: number }>(
      `SELECT charge_id AS chargeId, sum(qty_ordered - qty_canceled - qty_received) AS n FROM purchase_order_lines WHERE po_id = ? AND charge_id IS NOT NULL GROUP BY charge_id ORDER BY charge_id`,
    ),
    orderStatus: sqlite.prepare<[number], string>(`SELECT status FROM purchase_orders WHERE id = ?`).pluck(),
    companyOf: sqlite.prepare<[number], number>(`SELECT company_id FROM charges WHERE id = ?`).pluck(),
    opportunityStatus: sqlite.prepare<[number], string>(`SELECT status FROM opportunities WHERE id = ?`).pluck(),
    quoteItems: sqlite.prepare<[number], { id: number; quantity: number; reserved: number }>(`SELECT id, quantity, reserved FROM quote_items WHERE opportunity_id = ? ORDER BY line_no`),
    /** A sales order's charges, with the quote item each was made from. */
    ofSalesOrder: sqlite.prepare<[number], { id: number; quantity: number; reserved: number }>(
      `SELECT quote_item_id AS id, quantity, picked AS reserved FROM charges WHERE sales_order_id = ? ORDER BY id`,
    ),
    containersOf: sqlite.prepare<[number], number>(`SELECT id FROM containers WHERE company_id = ? ORDER BY id`).pluck(),
  };
}

function chargeTotals(w: World): Map<number, number> {
  return new Map(w.q.totals.all().map((r) => [r.id, r.n]));
}

/** One of the latest charges; three times in four an open one (older ones are mostly closed, where every action is refused alike). */
function latestCharge(w: World, pick: number): number | undefined {
  const ids = w.q.latest.all(pick % 4 === 0 ? 1 : 0);
  return ids.length === 0 ? undefined : ids[pick % ids.length];
}

/** Three times in four one of the latest charges with units picked (for an unpick, a transfer or a delivery of them), else any of the latest. */
function chargeWithPicks(w: World, pick: number): number | undefined {
  const ids = pick % 4 === 0 ? [] : w.q.withPicks.all();
  return ids.length === 0 ? latestCharge(w, pick) : ids[(pick >> 2) % ids.length];
}

/** The locations where the charge has picked units. */
function pickedLocations(w: World, chargeId: number): number[] {
  return [...new Set(w.q.picks.all(chargeId).map((p) => p.locationId))];
}

/**
 * How a line names a charge's picked units (at a location, when given): all of them, a quantity, some of
 * its serials (a quantity for a product without serials), or units it did not pick (`stray`, which must be
 * refused): a serial on hand that is not the charge's, or more units than it has picked there.
 */
function unitsOf(w: World, charge: ChargeState, units: Units, qty: number, offset: number, locationId: number | undefined): { choice: { qty?: number; serials?: string[] }; count: number; stray: boolean } {
  const picks = w.q.picks.all(charge.id).filter((p) => locationId === undefined || p.locationId === locationId);
  const picked = picks.reduce((n, p) => n + p.qty, 0);
  const serials = picks.flatMap((p) => (p.serial === null ? [] : [p.serial]));
  switch (units) {
    case 'all':
      return { choice: {}, count: picked, stray: false };
    case 'qty': {
      // Part of what is picked (one unit when nothing is: NOT_PICKED).
      const part = 1 + ((qty - 1) % Math.max(picked, 1));
      return { choice: { qty: part }, count: part, stray: false };
    }
    case 'serials': {
      const chosen = serials.slice(offset, offset + qty);
      if (chosen.length === 0) return unitsOf(w, charge, 'qty', qty, offset, locationId);
      return { choice: { serials: chosen.map((s, i) => SPELLINGS[(offset + i) % SPELLINGS.length]!(s)) }, count: chosen.length, stray: false };
    }
    case 'stray': {
      if (charge.productId === w.products[1]!.id) {
        const mine = new Set(serials.map(serialKey));
        const others = w.locations.flatMap((l) => w.q.serialsAt.all(charge.productId!, l)).filter((s) => !mine.has(serialKey(s)));
        if (others.length > 0) return { choice: { serials: [others[offset % others.length]!] }, count: 1, stray: true };
      }
      return { choice: { qty: picked + qty }, count: picked + qty, stray: true };
    }
  }
}

function applySales(w: World, o: SalesOp): void {
  const { t, q } = w;
  switch (o.kind) {
    case 'container': {
      const input = { kind: o.containerKind, title: `${o.containerKind} ${w.containers.length + 1}`, companyId: w.clients[o.client]! };
      const container = act(w, 'createContainer', () => t.app.call('sales.createContainer', input, t.token));
      if (container) w.containers.push(container.id);
      return;
    }
    case 'charge': {
      const p = w.products[o.product]!;
      const input = { containerId: w.containers[o.container % w.containers.length]!, productId: p.id, quantity: o.qty, onHold: o.onHold, holdNote: o.onHold ? 'Waiting for the client' : null };
      const charge = act(w, 'createCharge', () => t.app.call('sales.createCharge', input, t.token));
      if (charge) expect(charge).toMatchObject({ status: o.onHold ? 'pending' : 'needToOrder', picked: 0, delivered: 0, needed: o.qty });
      return;
    }
    case 'pick': {
      // Mostly a charge with units still to pick.
      const needing = o.charge % 4 === 0 ? [] : q.needing.all();
      const id = needing.length > 0 ? needing[(o.charge >> 2) % needing.length] : latestCharge(w, o.charge);
      if (id === undefined) return;
      const before = q.charge.get(id)!;
      const productId = before.productId!;
      const serialized = productId === w.products[1]!.id;
      const needed = before.quantity - before.picked - before.delivered;
      const freeAt = (l: number) => q.available.get(productId, l, productId, l)!;
      // Where units are free for `fits`, where some are held for `held`.
      const aimed = o.aim === 'fits' ? w.locations.filter((l) => freeAt(l) > 0) : o.aim === 'held' ? w.locations.filter((l) => q.heldAt.get(productId, l)! > 0) : [];
      const locationId = aimed.length > 0 ? aimed[o.location % aimed.length]! : w.locations[o.location]!;
      const available = freeAt(locationId);
      const wanted =
        o.aim === 'fits'
          ? Math.max(1, Math.min(o.qty, needed, available))
          : o.aim === 'over'
            ? o.offset % 2 === 0
              ? needed + o.qty
              : Math.max(1, Math.min(needed, available + o.qty))
            : o.aim === 'held' && !serialized
              ? available + 1
              : o.qty;
      let units: { qty: number } | { serials: string[] } = { qty: wanted };
      let held = false;
      let elsewhere = false;
      if (serialized && o.aim !== 'byQty') {
        // Units on hand there: free ones, held ones (by a charge or a quote: SERIAL_UNAVAILABLE), or any; with
        // none there, a unit that is elsewhere (SERIAL_NOT_FOUND).
        const isHeld = (s: string) => q.heldSerial.get(productId, s, locationId)! > 0;
        const onHand = q.serialsAt.all(productId, locationId);
        const pool = o.aim === 'fits' ? onHand.filter((s) => !isHeld(s)) : o.aim === 'held' ? onHand.filter(isHeld) : onHand;
        let serials = pool.slice(o.offset % Math.max(pool.length, 1)).slice(0, wanted);
        if (serials.length === 0) {
          const away = allSerials(w, productId).filter((s) => !onHand.includes(s));
          if (away.length === 0) return;
          serials = [away[o.offset % away.length]!];
          elsewhere = true;
        }
        held = serials.some(isHeld);
        units = { serials: serials.map((s, i) => SPELLINGS[(o.spelling + i) % SPELLINGS.length]!(s)) };
      }
      const requested = 'serials' in units ? units.serials.length : units.qty;
      // What the rules say it must answer, from the state before.
      const expected: ErrorCode | null = !OPEN.includes(before.status)
        ? 'INVALID_TRANSITION'
        : requested > needed
          ? 'OVER_PICK'
          : serialized && 'qty' in units
            ? 'SERIAL_REQUIRED'
            : serialized
              ? elsewhere
                ? 'SERIAL_NOT_FOUND'
                : held
                  ? 'SERIAL_UNAVAILABLE'
                  : null
              : available < requested
                ? 'INSUFFICIENT_STOCK'
                : null;
      const after = act(w, 'pick', () => t.app.call('stock.pick', { chargeId: id, locationId, ...units }, t.token), expected !== null);
      const seen = { status: before.status, needed, requested, available, held, elsewhere };
      expect({ pick: seen, answer: w.refusal }).toEqual({ pick: seen, answer: expected });
      if (after) expect(after.picked).toBe(before.picked + requested);
      return;
    }
    case 'unpick': {
      const id = chargeWithPicks(w, o.charge);
      if (id === undefined) return;
      const before = q.charge.get(id)!;
      const locations = pickedLocations(w, id);
      const locationId = o.atLocation && locations.length > 0 ? locations[o.offset % locations.length] : undefined;
      const { choice, count, stray } = unitsOf(w, before, o.units, o.qty, o.offset, locationId);
      const after = act(w, 'unpick', () => t.app.call('stock.unpick', { chargeId: id, ...(locationId === undefined ? {} : { locationId }), ...choice }, t.token), stray);
      if (after) expect({ picked: after.picked, delivered: after.delivered }).toEqual({ picked: before.picked - count, delivered: before.delivered });
      return;
    }
    case 'transferPicked': {
      const id = chargeWithPicks(w, o.charge);
      if (id === undefined) return;
      const before = q.charge.get(id)!;
      const locations = pickedLocations(w, id);
      const from = locations.length > 0 ? locations[o.from % locations.length]! : w.locations[o.from % w.locations.length]!;
      const others = w.locations.filter((l) => l !== from);
      const to = o.to === 2 ? from : others[o.to]!;
      const { choice, count } = unitsOf(w, before, o.units, o.qty, o.offset, from);
      const pickedAt = (loc: number) => q.picks.all(id).reduce((n, p) => n + (p.locationId === loc ? p.qty : 0), 0);
      const atTo = pickedAt(to);
      const totals = chargeTotals(w);
      const doc = act(w, 'transferPicked', () => t.app.call('stock.transferPicked', { chargeId: id, fromLocationId: from, toLocationId: to, ...choice }, t.token), from === to);
      if (from === to) expect(w.refusal).toBe('SAME_LOCATION');
      if (doc) {
        // Still picked for the charge, now where they went; reversing the transfer must be refused while they are.
        w.docs.push(doc);
        expect(chargeTotals(w)).toEqual(totals);
        expect({ picked: q.charge.get(id)!.picked, atTo: pickedAt(to) }).toEqual({ picked: before.picked, atTo: atTo + count });
      }
      return;
    }
    case 'deliver': {
      const lines: { chargeId: number; locationId?: number; qty?: number; serials?: string[] }[] = [];
      let stray = false;
      for (const l of o.lines) {
        const id = chargeWithPicks(w, l.charge);
        if (id === undefined) return;
        const locations = pickedLocations(w, id);
        const locationId = l.atLocation && locations.length > 0 ? locations[l.offset % locations.length] : undefined;
        const units = unitsOf(w, q.charge.get(id)!, l.units, l.qty, l.offset, locationId);
        stray ||= units.stray;
        lines.push({ chargeId: id, ...(locationId === undefined ? {} : { locationId }), ...units.choice });
      }
      const totals = chargeTotals(w);
      const input = {
        method: o.ship ? ('ship' as const) : ('deliver' as const),
        lines,
        ...(o.ship ? { carrier: 'SEUR', trackingNumber: `SE${t.clock.now}` } : {}),
        ...(o.freight === null ? {} : { freightPrice: o.freight }),
      };
      const doc = act(w, 'deliver', () => t.app.call('delivery.deliver', input, t.token), stray);
      if (doc) {
        // Units go from picked to delivered: no charge's picked + delivered changes (a freight charge is new).
        expect([...chargeTotals(w)].filter(([id]) => totals.has(id))).toEqual([...totals]);
        expect(q.freightOf.get(doc.id) !== null).toBe(o.freight !== null);
      }
      return;
    }
    case 'clientReturn': {
      const to = w.locations[o.location]!;
      const credit = o.credit ? { credit: { amount: 10_000 } } : {};
      if (o.mode === 'unsold') {
        const p = w.products[o.charge % 2]!;
        const line = p.serialized ? { productId: p.id, serial: `FOUND-${(w.serial += 1)}` } : { productId: p.id, qty: o.qty, unitCost: 7_000 };
        const input = { companyId: w.clients[0]!, locationId: to, condition: 'used' as const, reason: 'Found at the client', lines: [line], ...(o.credit ? { credit: { amount: 10_000, containerId: w.containers[0]! } } : {}) };
        act(w, 'clientReturn', () => t.app.call('returns.create', input, t.token));
        return;
      }
      const ids = q.delivered.all();
      if (ids.length === 0) return;
      const id = ids[o.charge % ids.length]!;
      const before = q.returnable.get(id)!;
      const holds = before.delivered - before.returned;
      let line: { deviceId: number } | { chargeId: number; qty: number };
      let count = 1;
      let mustRefuse: boolean;
      if (o.mode === 'device' && before.serialized === 1) {
        // Every other time one already back, when there is one.
        const deviceId = o.qty % 2 === 0 && before.back !== null ? before.back : before.installed;
        if (deviceId === null) return;
        mustRefuse = deviceId === before.back && deviceId !== before.installed;
        line = { deviceId };
      } else {
        count = o.mode === 'over' ? holds + 1 : Math.min(o.qty, holds);
        if (count < 1) count = 1;
        mustRefuse = count > holds;
        line = { chargeId: id, qty: count };
      }
      const input = { companyId: before.companyId, locationId: to, condition: 'new' as const, reason: 'Client sent it back', lines: [line], ...credit };
      const done = act(w, 'clientReturn', () => t.app.call('returns.create', input, t.token), mustRefuse);
      const after = q.returnable.get(id)!;
      expect({ charge: id, returned: after.returned, delivered: after.delivered }).toEqual({ charge: id, returned: before.returned + (done ? count : 0), delivered: before.delivered });
      return;
    }
    case 'rma': {
      applyRma(w, o);
      return;
    }
    case 'vendorReturn': {
      applyVendorReturn(w, o);
      return;
    }
    case 'swap': {
      const laptop = w.products[1]!;
      const devices = q.installedLaptops.all(laptop.id);
      if (devices.length === 0) return;
      const deviceId = devices[o.pick % devices.length]!;
      const serials = allSerials(w, laptop.id);
      const replacementSerial = o.replacement === null || serials.length === 0 ? undefined : serials[o.replacement % serials.length];
      const input = {
        deviceId,
        fate: o.fate,
        condition: 'used' as const,
        reason: 'Swapped on site',
        ...(o.fate === 'stock' ? { locationId: w.locations[o.location]! } : {}),
        ...(replacementSerial === undefined ? {} : { replacementSerial, ...(o.charge ? { charge: {} } : {}) }),
      };
      const totals = chargeTotals(w);
      const done = act(w, 'swap', () => t.app.call('devices.swap', input, t.token));
      // A swap moves no charge's picked or delivered units, except the replacement's new charge.
      if (done) expect([...chargeTotals(w)].filter(([id]) => totals.has(id) && id !== done.chargeId)).toEqual([...totals].filter(([id]) => id !== done.chargeId));
      return;
    }
    case 'reverseDelivery': {
      // One of the latest, three times in four one that stands.
      const ids = q.deliveries.all(o.pick % 4 === 0 ? 1 : 0);
      if (ids.length === 0) return;
      const id = ids[(o.pick >> 2) % ids.length]!;
      const totals = chargeTotals(w);
      const done = act(w, 'reverseDelivery', () => t.app.call('delivery.reverse', { id, reason: 'Delivered to the wrong client' }, t.token));
      // Back where they left, picked again for their charges.
      if (done) expect(chargeTotals(w)).toEqual(totals);
      return;
    }
    case 'cancelCharge': {
      // Every other time one with units delivered, which must stay (CHARGE_DELIVERED, or delivered in full).
      const delivered = o.charge % 2 === 0 ? q.delivered.all() : [];
      const id = delivered.length > 0 ? delivered[(o.charge >> 1) % delivered.length] : latestCharge(w, o.charge);
      if (id === undefined) return;
      const before = q.charge.get(id)!;
      const expected: ErrorCode | null = before.status === 'canceled' ? 'ALREADY_REVERSED' : before.status === 'delivered' ? 'INVALID_TRANSITION' : before.delivered > 0 ? 'CHARGE_DELIVERED' : null;
      const after = act(w, 'cancelCharge', () => t.app.call('sales.cancelCharge', { id, reason: 'Client changed their mind' }, t.token), expected !== null);
      expect({ cancel: before, answer: w.refusal }).toEqual({ cancel: before, answer: expected });
      if (after) expect(after).toMatchObject({ status: 'canceled', picked: 0 });
      return;
    }
    case 'holdCharge': {
      // Every other time one on hold, released.
      const onHold = o.charge % 2 === 0 ? q.onHold.all() : [];
      const id = onHold.length > 0 ? onHold[(o.charge >> 1) % onHold.length] : latestCharge(w, o.charge);
      if (id === undefined) return;
      const before = q.charge.get(id)!;
      if (before.status === 'pending') {
        act(w, 'releaseCharge', () => t.app.call('sales.releaseCharge', { id }, t.token));
      } else {
        act(w, 'holdCharge', () => t.app.call('sales.holdCharge', { id, note: 'Client asked to wait' }, t.token), !OPEN.includes(before.status));
      }
      return;
    }
    case 'takeHeld': {
      // Units picked for a charge cannot be removed or transferred by stock actions.
      const held = q.held.all();
      if (held.length === 0) return;
      const unit = held[o.pick % held.length]!;
      const units = unit.serial === null ? { qty: q.onHand.get(unit.productId, unit.locationId)! } : { serials: [unit.serial] };
      const others = w.locations.filter((l) => l !== unit.locationId);
      if (o.transfer) {
        const input = { fromLocationId: unit.locationId, toLocationId: others[o.to % others.length]!, mode: 'direct' as const, lines: [{ productId: unit.productId, ...units }] };
        act(w, 'transfer', () => t.app.call('stock.transfer', input, t.token), true);
      } else {
        act(w, 'remove', () => t.app.call('stock.remove', { productId: unit.productId, locationId: unit.locationId, destination: 'scrap', reason: null, ...units }, t.token), true);
      }
      expect(w.refusal).toBe(unit.serial === null ? 'INSUFFICIENT_STOCK' : 'SERIAL_UNAVAILABLE');
      return;
    }
  }
}

// Buying for charges and winning quotes ------------------------------------------------------------

/** Submits an order made for charges: refused (INVALID_TRANSITION) unless it is New. */
function submitForCharges(w: World, id: number): void {
  const status = w.q.orderStatus.get(id)!;
  act(w, 'submitForCharges', () => w.t.app.call('purchasing.submit', { id }, w.t.token), status !== 'new');
  expect({ submit: status, answer: w.refusal }).toEqual({ submit: status, answer: status === 'new' ? null : 'INVALID_TRANSITION' });
}

/** Three times in four one of the orders made for charges in the given statuses (if any), else any of them. */
function linkedOrder(w: World, pick: number, statuses: string[]): number | undefined {
  const pool = pick % 4 === 0 ? w.orders : w.orders.filter((id) => statuses.includes(w.q.orderStatus.get(id)!));
  return pool.length === 0 ? undefined : pool[(pick >> 2) % pool.length];
}

function applyBuying(w: World, o: BuyOp): void {
  const { t, q } = w;
  switch (o.kind) {
    case 'orderForCharges': {
      // Three times in four charges with units left to order; else one of the latest, which may be on hold,
      // canceled or delivered (INVALID_TRANSITION) or have all its units picked, delivered or on orders (NOTHING_TO_ORDER).
      const pool = o.charge % 4 === 0 ? [] : q.toOrder.all();
      const first = pool.length > 0 ? pool[(o.charge >> 2) % pool.length] : latestCharge(w, o.charge);
      if (first === undefined) return;
      const ids = [first];
      if (o.two) {
        const others = [...new Set([...pool, ...q.latest.all(0)])].filter((id) => id !== first);
        if (others.length > 0) ids.push(others[o.second % others.length]!);
      }
      const left = ids.map((id) => q.leftToOrder.get(id)!);
      const statuses = ids.map((id) => q.charge.get(id)!.status);
      // The first line that cannot be ordered names the refusal.
      const expected = ids.map((_, i) => (!OPEN.includes(statuses[i]!) ? 'INVALID_TRANSITION' : left[i]! < 1 ? 'NOTHING_TO_ORDER' : null)).find((e) => e !== null) ?? null;
      const drafts = o.addTo ? w.orders.filter((id) => q.orderStatus.get(id) === 'new') : [];
      const orderId = drafts.length > 0 ? drafts[o.second % drafts.length] : undefined;
      const input = {
        vendorId: w.vendorId,
        locationId: w.locations[o.location]!,
        ...(orderId === undefined ? {} : { orderId }),
        charges: ids.map((chargeId) => ({ chargeId, ...(o.qty === null ? {} : { qty: o.qty }) })),
      };
      const po = act(w, 'orderForCharges', () => t.app.call('purchasing.orderForCharges', input, t.token), expected !== null);
      const seen = { statuses, left };
      expect({ order: seen, answer: w.refusal }).toEqual({ order: seen, answer: expected });
      if (!po) return;
      // A line per charge, for what it had left to order (or the quantity given), after the order's other lines.
      const lines = po.lines.slice(-ids.length);
      const ordered = ids.map((_, i) => o.qty ?? left[i]!);
      expect(lines.map((l) => [l.chargeId, l.qtyOrdered, l.locationId])).toEqual(ids.map((id, i) => [id, ordered[i], input.locationId]));
      expect(ids.map((id) => q.leftToOrder.get(id))).toEqual(left.map((n, i) => n - ordered[i]!));
      for (const l of lines) w.poLines.push({ lineId: l.id, productIndex: w.products.findIndex((p) => p.id === l.productId) });
      if (orderId === undefined) w.orders.push(po.id);
      if (o.submit) submitForCharges(w, po.id);
      return;
    }
    case 'submitForCharges': {
      const id = linkedOrder(w, o.pick, ['new']);
      if (id !== undefined) submitForCharges(w, id);
      return;
    }
    case 'receiveForCharge': {
      // Three times in four a line whose charge still takes units, if there is one.
      const lines = q.linkedOpen.all();
      const taking = o.pick % 4 === 0 ? [] : lines.filter((l) => {
        const c = q.charge.get(l.chargeId)!;
        return OPEN.includes(c.status) && c.quantity > c.picked + c.delivered;
      });
      const pool = taking.length > 0 ? taking : lines;
      if (pool.length === 0) return;
      const line = pool[(o.pick >> 2) % pool.length]!;
      const before = q.charge.get(line.chargeId)!;
      const qty = o.over ? line.outstanding + 1 : 1 + ((o.qty - 1) % line.outstanding);
      const product = w.products.find((p) => p.id === line.productId)!;
      const serials = product.serialized ? newSerials(w, product.id, qty, o.reuse, 1, 'R') : undefined;
      // Straight to the charge's client (or, now and then, to the other client: then the units are not the charge's).
      const companyId = q.companyOf.get(line.chargeId)!;
      const other = o.toCustomer && o.otherClient;
      const destination = o.toCustomer ? { destination: 'customer' as const, ...(other ? { companyId: w.clients.find((c) => c !== companyId)! } : {}) } : {};
      const pickedAt = () => q.picks.all(line.chargeId).reduce((n, p) => n + (p.locationId === line.locationId ? p.qty : 0), 0);
      const atBefore = pickedAt();
      const receipt = act(w, 'receiveForCharge', () => t.app.call('purchasing.receive', { lines: [{ lineId: line.id, qty, serials, ...destination }] }, t.token), o.over);
      if (o.over) expect(w.refusal).toBe('OVER_RECEIPT');
      if (!receipt) return;
      w.receipts.push(receipt.id);
      // The charge takes what it still needs (nothing when it takes no picks); any more stays as stock.
      const needed = OPEN.includes(before.status) ? before.quantity - before.picked - before.delivered : 0;
      const taken = other ? 0 : Math.max(0, Math.min(qty, needed));
      const after = q.charge.get(line.chargeId)!;
      const moved = { picked: after.picked - before.picked, delivered: after.delivered - before.delivered, pickedThere: pickedAt() - atBefore };
      expect({ line, qty, moved }).toEqual({ line, qty, moved: o.toCustomer ? { picked: 0, delivered: taken, pickedThere: 0 } : { picked: taken, delivered: 0, pickedThere: taken } });
      return;
    }
    case 'reduceLinked': {
      const lines = q.linkedOpen.all();
      if (lines.length === 0) return;
      const line = lines[o.pick % lines.length]!;
      const qty = o.over ? line.outstanding + 1 : 1 + ((o.qty - 1) % line.outstanding);
      const left = q.leftToOrder.get(line.chargeId)!;
      const po = act(w, 'reduceLinked', () => t.app.call('purchasing.reduceLine', { id: line.id, qty, reason: 'Discontinued by the vendor' }, t.token), o.over);
      if (o.over) expect(w.refusal).toBe('OVER_RECEIPT');
      // What is no longer coming is left to order again.
      if (po) expect(q.leftToOrder.get(line.chargeId)).toBe(left + qty);
      return;
    }
    case 'cancelLinkedOrder': {
      const id = linkedOrder(w, o.pick, ['new', 'submitted']);
      if (id === undefined) return;
      const status = q.orderStatus.get(id)!;
      const expected = status === 'new' || status === 'submitted' ? null : 'INVALID_TRANSITION';
      const outstanding = q.outstandingByCharge.all(id);
      const left = outstanding.map((c) => q.leftToOrder.get(c.chargeId)!);
      const po = act(w, 'cancelLinkedOrder', () => t.app.call('purchasing.cancelOrder', { id, reason: 'Vendor out of stock' }, t.token), expected !== null);
      expect({ cancel: status, answer: w.refusal }).toEqual({ cancel: status, answer: expected });
      if (po) expect(outstanding.map((c) => q.leftToOrder.get(c.chargeId))).toEqual(outstanding.map((c, i) => left[i]! + c.n));
      return;
    }
    case 'win': {
      const id = o.target === 'again' && w.won.length > 0 ? w.won[o.container % w.won.length]! : w.opportunityId;
      if (id === null) return;
      const status = q.opportunityStatus.get(id)!;
      const items = q.quoteItems.all(id);
      // The opportunity is the first client's (see 'hold').
      const containers = q.containersOf.all(w.clients[o.target === 'theirs' ? 1 : 0]!);
      const target = o.target === 'new' ? { kind: 'project' as const, title: 'Won quote' } : { containerId: containers[o.container % containers.length]! };
      const expected: ErrorCode | null = status !== 'open' ? 'INVALID_TRANSITION' : items.length === 0 ? 'VALIDATION' : o.target === 'theirs' ? 'COMPANY_MISMATCH' : null;
      const totals = chargeTotals(w);
      const order = act(w, 'win', () => t.app.call('sales.winOpportunity', { id, target }, t.token), expected !== null);
      const seen = { status, items: items.length, target: o.target };
      expect({ win: seen, answer: w.refusal }).toEqual({ win: seen, answer: expected });
      if (!order) return;
      if (id === w.opportunityId) w.opportunityId = null;
      w.won.push(id);
      if (o.target === 'new') w.containers.push(order.containerId);
      // A charge per quote item, its reserved units picked for it; no other charge changes.
      expect(q.ofSalesOrder.all(order.id)).toEqual(items);
      expect([...chargeTotals(w)].filter(([c]) => totals.has(c))).toEqual([...totals]);
      expect(q.quoteItems.all(id).filter((i) => i.reserved !== 0)).toEqual([]);
      return;
    }
  }
}

/** verifyLedger finds no difference between the moves and what is kept from them (balances, allocations, charges' figures, delivery lines). */
function checkLedger(w: World): void {
  const verify = w.t.ok('stock.verifyLedger', {});
  expect(verify.differences).toEqual([]);
  expect(verify.serialClashes).toEqual([]);
  w.changed = false;
}

function checkInvariants(w: World): void {
  const { t } = w;
  checkLedger(w);
  const fromBalances = t.ok('stock.valueByLocation', {});
  const fromMoves = t.ok('stock.valueByLocation', { at: t.clock.now });
  expect(fromMoves.total).toBe(fromBalances.total);
  const direct = t.app.ctx.sqlite
    .prepare(
      `SELECT coalesce(sum(b.qty * l.unit_cost), 0) AS v FROM balances b JOIN lots l ON l.id = b.lot_id JOIN locations loc ON loc.id = b.location_id
       WHERE loc.usage = 'internal' OR loc.kind = 'transit'`,
    )
    .safeIntegers(true)
    .get() as { v: bigint };
  expect(fromBalances.total).toBe(direct.v.toString());
  const negative = t.app.ctx.sqlite.prepare(`SELECT count(*) AS n FROM balances b JOIN locations l ON l.id = b.location_id WHERE l.usage = 'internal' AND b.qty < 0`).get() as { n: number };
  expect(negative.n).toBe(0);
  // Every live serial carries its key, and no two units of a product share one.
  const live = t.app.ctx.sqlite.prepare(`SELECT product_id AS p, serial_number AS s, serial_key AS k FROM lots WHERE serial_number IS NOT NULL`).all() as { p: number; s: string; k: string | null }[];
  expect(live.filter((l) => l.k !== serialKey(l.s))).toEqual([]);
  expect(new Set(live.map((l) => `${l.p}:${l.k}`)).size).toBe(live.length);
  // Each PO line's received quantity is what its posted receipts brought in, within what was ordered.
  const drift = t.app.ctx.sqlite
    .prepare(
      `SELECT count(*) AS n FROM purchase_order_lines l
       WHERE l.qty_received <> coalesce((SELECT sum(rl.qty) FROM receipt_lines rl JOIN receipts r ON r.id = rl.receipt_id WHERE rl.po_line_id = l.id AND r.status = 'posted'), 0)
          OR l.qty_received + l.qty_canceled > l.qty_ordered`,
    )
    .get() as { n: number };
  expect(drift.n).toBe(0);
}

/**
 * After every action: each charge's figures and status follow its picks, deliveries and units on sent
 * orders, held units are on hand where they are held and a serialized unit is held by one charge at most,
 * and the devices installed are exactly the serialized units at Customer (only deliveries take units there,
 * and receipts straight to a client, which install devices only for the units they deliver for a charge).
 */
/** The step an RMA takes next on its type's path, and a step its state never allows. */
const rmaNext: Record<string, (type: string) => { next: string | null; wrong: string }> = {
  requested: () => ({ next: 'authorize', wrong: 'receive' }),
  authorized: () => ({ next: 'receive', wrong: 'deliver' }),
  received: (type) => ({ next: type === 'return' ? 'close' : 'sendToVendor', wrong: 'authorize' }),
  sentToVendor: (type) => ({ next: type === 'repair' ? 'backFromVendor' : 'receiveReplacement', wrong: 'close' }),
  backFromVendor: () => ({ next: 'deliver', wrong: 'receive' }),
  replacementReceived: () => ({ next: 'deliver', wrong: 'sendToVendor' }),
  delivered: () => ({ next: 'close', wrong: 'authorize' }),
};

/** Sends units back to the vendor, or records the vendor's answer for one line; either keeps every unit's cost. */
function applyVendorReturn(w: World, o: Extract<SalesOp, { kind: 'vendorReturn' }>): void {
  const { t } = w;
  const sqlite = t.app.ctx.sqlite;
  if (o.step === 'send') {
    const p = w.products[o.product]!;
    const serials = p.serialized ? allSerials(w, p.id) : [];
    if (p.serialized && serials.length === 0) return;
    const line = p.serialized ? { productId: p.id, serials: [serials[o.pick % serials.length]!] } : { productId: p.id, qty: o.qty };
    act(w, 'vendorReturn', () =>
      t.app.call('vendorReturns.create', { vendorId: w.vendorId, locationId: w.locations[o.location]!, reason: 'deadOnArrival', vendorRmaNumber: `RA-${o.pick}`, lines: [line] }, t.token),
    );
    return;
  }
  const open = sqlite
    .prepare<[], { id: number; lineNo: number; open: number; serialized: number; lotId: number; unitCost: number }>(
      `SELECT rl.return_id AS id, rl.line_no AS lineNo, rl.qty - rl.qty_credited - rl.qty_replaced - rl.qty_back AS open, p.serialized, rl.lot_id AS lotId, rl.unit_cost AS unitCost
       FROM vendor_return_lines rl JOIN products p ON p.id = rl.product_id WHERE rl.qty > rl.qty_credited + rl.qty_replaced + rl.qty_back ORDER BY rl.id DESC LIMIT 6`,
    )
    .all();
  if (open.length === 0) return;
  const l = open[o.pick % open.length]!;
  const over = o.step === 'over';
  const credited = over ? l.open : Math.min(o.credited, l.open);
  const replaced = over ? 1 : Math.min(o.replaced, l.open - credited);
  const back = over ? 0 : l.open - credited - replaced;
  const serials = l.serialized === 1 ? Array.from({ length: replaced }, () => `VRT-${(w.serial += 1)}`) : undefined;
  const done = act(
    w,
    'vendorAnswer',
    () => t.app.call('vendorReturns.resolve', { id: l.id, lines: [{ lineNo: l.lineNo, credited, replaced, back, ...(serials?.length ? { serials } : {}) }], locationId: w.locations[o.location]! }, t.token),
    over,
  );
  // Replacements cost what the units they replace cost (no fee here); units sent back are the same lot.
  if (done && replaced > 0) {
    const costs = sqlite.prepare<[number, number, number], { c: number }>(`SELECT DISTINCT l.unit_cost AS c FROM stock_moves m JOIN lots l ON l.id = m.lot_id WHERE m.source_type = 'vendorReturn' AND m.source_id = ? AND m.source_line = ? AND l.id <> ?`).all(l.id, l.lineNo, l.lotId);
    expect(costs.map((r) => r.c)).toEqual([l.unitCost]);
  }
}

function applyRma(w: World, o: Extract<SalesOp, { kind: 'rma' }>): void {
  const { t, q } = w;
  const laptop = w.products[1]!;
  const rmas = q.openRmas.all();
  // With none open, every step opens one: laptops at clients are few, RMAs must still walk their paths.
  if (o.step === 'open' || rmas.length === 0) {
    const devices = q.installedLaptops.all(laptop.id);
    if (devices.length === 0) return;
    const deviceId = devices[o.pick % devices.length]!;
    const eligible = t.app.ctx.sqlite.prepare(`UPDATE products SET eligible_for_rma = ? WHERE id = ?`);
    if (o.ineligible) eligible.run(0, laptop.id);
    try {
      act(w, 'rmaOpen', () => t.app.call('rma.create', { deviceId, type: o.type, fault: 'Does not boot', vendorId: w.vendorId }, t.token), o.ineligible);
    } finally {
      if (o.ineligible) eligible.run(1, laptop.id);
    }
    return;
  }
  const r = rmas[o.pick % rmas.length]!;
  if (o.step === 'cancel') {
    act(w, 'rmaStep', () => t.app.call('rma.cancel', { id: r.id, reason: 'Client withdrew it' }, t.token));
    return;
  }
  const { next, wrong } = rmaNext[r.status]!(r.type);
  const action = o.step === 'wrong' ? wrong : next!;
  const to = w.locations[o.location]!;
  const input: Record<string, unknown> = { id: r.id };
  if (action === 'receive' || action === 'backFromVendor') input.locationId = to;
  if (action === 'receiveReplacement') {
    const held = o.reuse ? allSerials(w, laptop.id)[0] : undefined;
    Object.assign(input, { locationId: to, serial: held ?? `RPL-${(w.serial += 1)}`, vendorFee: 5_000 });
  }
  const before = q.rmaUnit.get(r.id)!;
  const done = act(w, 'rmaStep', () => t.app.call(`rma.${action}` as 'rma.close', input as never, t.token), o.step === 'wrong');
  // The unit keeps its cost through every step; a replacement costs the original's plus the fee.
  const after = q.rmaUnit.get(r.id)!;
  expect(after.cost).toBe(before.cost);
  if (done && action === 'receiveReplacement') expect(after.replacement).toBe(before.cost + 5_000);
}

function checkSales(w: World): void {
  const wrong: unknown[] = [];
  for (const c of w.q.figures.all()) {
    const follows: ChargeStatus =
      c.status === 'pending' || c.status === 'canceled'
        ? c.status
        : c.delivered >= c.quantity
          ? 'delivered'
          : c.noProcurement === 1n || c.picked + c.delivered >= c.quantity
            ? 'ready'
            : c.picked + c.delivered + c.onOrder >= c.quantity
              ? 'onOrder'
              : 'needToOrder';
    const within = c.status === 'canceled' ? c.picked === 0n : c.picked >= 0n && c.delivered >= 0n && c.picked + c.delivered <= c.quantity;
    if (c.picked !== c.allocated || !within || c.status !== follows || c.deliveredCost !== c.movedCost) wrong.push({ ...c, follows, within });
  }
  expect(wrong, 'charges whose figures or status do not follow their picks and deliveries').toEqual([]);
  expect(w.q.badHolds.all()).toEqual([]);
  // A unit a receipt brought straight to a client has a device only when the receipt delivered it for a charge.
  expect(
    w.q.devices.all().filter((d) => d.installed > 1 || (d.received ? d.installed > d.atCustomer : d.installed !== d.atCustomer)),
    'installed devices against units at Customer',
  ).toEqual([]);
  expect(w.q.badReceiptDeliveries.all(), 'deliveries made by receipts').toEqual([]);
}

describe('stock ledger properties', () => {
  it('keeps the ledger consistent under any sequence of stock and sales actions, and every refusal is allowed and changes nothing', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 360, maxLength: 380 }), (ops) => {
        const t = createTestApp();
        const watch = new Database(t.app.ctx.sqlite.name, { readonly: true, fileMustExist: true });
        try {
          const s = seedWorld(t);
          const vendorId = t.ok('catalog.createCompany', { name: 'Vendor', isVendor: true, isClient: false }).id;
          const w: World = {
            t,
            products: [
              { id: s.cable.id, serialized: false },
              { id: s.laptop.id, serialized: true },
              { id: t.ok('catalog.createProduct', { sku: 'TONER', name: 'Toner', unitCost: 500_000, unitPrice: 0, msrp: 0, serialized: false }).id, serialized: false },
            ],
            locations: [s.main.id, s.shelf.id, s.van.id],
            docs: [],
            shipments: [],
            serial: 0,
            vendorId,
            poLines: [],
            receipts: [],
            clients: [t.ok('catalog.createCompany', { name: 'Acme Dental', isClient: true }).id, t.ok('catalog.createCompany', { name: 'Beta Legal', isClient: true }).id],
            containers: [],
            opportunityId: null,
            won: [],
            orders: [],
            refusal: null,
            changed: false,
            watch,
            q: salesQueries(t.app.ctx.sqlite),
          };
          for (const p of w.products) t.ok('catalog.saveProductVendor', { productId: p.id, vendorId, vendorCost: 10_000 });
          // The shelf and the van are refilled from the main warehouse (the refill action).
          for (const l of t.ok('locations.list', {}).filter((x) => x.id !== s.main.id)) t.ok('locations.update', { id: l.id, name: l.name, kind: l.kind as 'van', ownerUserId: l.ownerUserId, refillFromId: s.main.id });
          // Laptops go back to the vendor on RMAs.
          t.app.ctx.sqlite.prepare(`UPDATE products SET eligible_for_rma = 1 WHERE id = ?`).run(s.laptop.id);
          // A ticket for each client, with a charge for a product of each kind: sales actions have something to act on from the start.
          w.clients.forEach((companyId, i) => {
            const ticket = t.ok('sales.createContainer', { kind: 'ticket', title: 'Workstations', companyId });
            w.containers.push(ticket.id);
            t.ok('sales.createCharge', { containerId: ticket.id, productId: w.products[i]!.id, quantity: 3 });
          });
          ops.forEach((o, i) => {
            t.clock.now += 60_000;
            apply(w, o);
            checkSales(w);
            // A refused action committed nothing (act checks it): the ledger is verified after every accepted
            // one, and everything else about the stock every 40 actions.
            if (w.changed) checkLedger(w);
            if (i % 40 === 39) checkInvariants(w);
          });
          checkInvariants(w);
        } finally {
          watch.close();
          t.close();
        }
      }),
      // Long sequences in few worlds: a world costs more to build than a hundred actions. A failure is
      // shrunk for at most two minutes, then reported as it stands.
      { numRuns: 8, interruptAfterTimeLimit: 120_000, markInterruptAsFailure: true },
    );
    // A generator whose actions were almost all refused (or all accepted) would prove little.
    const total = tally.accepted + tally.refused;
    const seen = JSON.stringify({ accepted: tally.accepted, refused: tally.refused, byCode: Object.fromEntries(tally.byCode), acceptedBy: Object.fromEntries(tally.acceptedBy) });
    expect(total, seen).toBeGreaterThanOrEqual(2_000);
    expect(tally.accepted / total, seen).toBeGreaterThanOrEqual(0.3);
    expect(tally.refused / total, seen).toBeGreaterThanOrEqual(0.05);
    expect(MUST_REFUSE.filter((code) => !tally.byCode.has(code)), seen).toEqual([]);
    expect(MUST_ACCEPT.filter((action) => !tally.acceptedBy.has(action)), seen).toEqual([]);
  }, 180_000);

  it('refused actions change nothing', () => {
    const t = createTestApp();
    try {
      const s = seedWorld(t);
      t.ok('stock.add', { productId: s.laptop.id, locationId: s.main.id, qty: 2, costMethod: 'catalogue', serials: ['A', 'B'], reason: null });
      const before = t.app.ctx.sqlite.prepare('SELECT (SELECT count(*) FROM stock_moves) AS m, (SELECT count(*) FROM lots) AS l, (SELECT count(*) FROM adjustments) AS a').get();
      // The second serial is missing: the first must not have moved either.
      t.fail('stock.transfer', { fromLocationId: s.main.id, toLocationId: s.van.id, lines: [{ productId: s.laptop.id, serials: ['A', 'Z'] }] });
      t.fail('stock.add', { productId: s.laptop.id, locationId: s.main.id, qty: 2, costMethod: 'catalogue', serials: ['C', 'A'], reason: null });
      expect(t.app.ctx.sqlite.prepare('SELECT (SELECT count(*) FROM stock_moves) AS m, (SELECT count(*) FROM lots) AS l, (SELECT count(*) FROM adjustments) AS a').get()).toEqual(before);
      // verifyLedger notices a cache that drifted from the moves.
      t.app.ctx.sqlite.prepare('UPDATE stock_levels SET qty = qty + 1 WHERE product_id = ? AND location_id = ?').run(s.laptop.id, s.main.id);
      t.app.ctx.sqlite.prepare('UPDATE balances SET qty = qty + 1 WHERE product_id = ? AND location_id = ?').run(s.laptop.id, s.main.id);
      const report = t.ok('stock.verifyLedger', {});
      expect(report.ok).toBe(false);
      // Two serialized units each counted twice: also two units on hand twice.
      expect(report.differences.map((d) => d.kind).sort()).toEqual(['balance', 'balance', 'level', 'serial', 'serial']);
      expect(() => t.app.ctx.sqlite.prepare('UPDATE stock_moves SET qty = 99').run()).toThrow(/append-only/);
      expect(() => t.app.ctx.sqlite.prepare('DELETE FROM stock_moves').run()).toThrow(/append-only/);
    } finally {
      t.close();
    }
  });
});
