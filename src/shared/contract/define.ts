import { z } from 'zod';
import { MAX_DOCUMENT_AMOUNT, MAX_QTY, MAX_UNIT_AMOUNT } from '../money';
import { serialKey } from '../serials';

/**
 * Permissions a channel can require. `public` needs no sign-in; `signedIn` any signed-in user.
 * The admin role holds every permission.
 */
export const permissions = [
  'inventory.view',
  'inventory.edit',
  'locations.manage',
  'catalog.manage',
  'stock.adjust',
  'stock.transfer',
  'stock.count',
  'stock.pick',
  'stock.deliver',
  /** Work at every location; without it a user takes units out of, picks, reserves and counts only at their own vans and the locations granted to them. */
  'stock.anyLocation',
  'sales.manage',
  /** Open and work RMAs: authorize or reject them, send units to the vendor, take back repairs and replacements. */
  'rma.manage',
  'costs.view',
  'purchasing.manage',
  'purchasing.approve',
  'purchasing.receive',
  'admin',
] as const;
export type Permission = (typeof permissions)[number];
export type ChannelPermission = Permission | 'public' | 'signedIn';

/**
 * The parts of the data a change event names. A mutation lists the areas it writes; a query the areas it
 * shows (a stock list shows product and location names too), so a client refetches a query exactly when
 * a committed change touched what it shows.
 */
// `stocktakes` is an open count's own progress (scans, typed quantities): stock itself changes only when
// a count is posted, so a scanner firing every second does not refetch every stock list in the office.
export const areas = ['auth', 'catalog', 'locations', 'stock', 'stocktakes', 'purchasing', 'sales', 'settings', 'backups', 'notifications'] as const;
export type Area = (typeof areas)[number];

/**
 * A query reads and never writes, outside any write transaction; a mutation runs in the one write transaction
 * dispatch opens (BEGIN IMMEDIATE): everything it wrote commits together, or nothing does.
 */
export type ChannelKind =
  | {
      kind: 'query';
      /** The areas whose data the answer shows. */ reads: readonly Area[];
      /**
       * A long read (the ledger check; later exports and reports): it scans whole tables, so it always runs
       * on a worker thread with its own read-only connection, never on the thread that answers everyone.
       */
      long?: true;
    }
  | { kind: 'mutation'; /** The areas a committed call changes (empty: nothing other clients show, e.g. a session). */ changes: readonly Area[] };

export type ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = ChannelBase<I, O> & ChannelKind;

interface ChannelBase<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  permission: ChannelPermission;
  /** One sentence for docs/API.md and autocomplete. */
  summary: string;
  /**
   * The answer is a document that prints internal costs and cannot be redacted (a PO PDF, its e-mail):
   * dispatch refuses it to callers without `costs.view`, whatever `permission` says.
   */
  showsCosts?: true;
  /**
   * Callers holding this permission see the answer's costs even without `costs.view`: approvers on the
   * approvals lists, where the amount is what they decide on.
   */
  costsVisibleTo?: Permission;
  /**
   * Top-level input fields that, when given, need a further permission: a client return with a credit also
   * needs `sales.manage`, whichever screen, import or script sends it. Dispatch checks them after validation.
   */
  inputPermissions?: Readonly<Record<string, Permission>>;
  /**
   * An I/O channel: its work awaits something slow (hashing a password, rendering a PDF, an SMTP server, the
   * backup API), so its handler is written as phases (src/main/api/io.ts): `before` awaits with no
   * transaction open, `write` is synchronous and, for a mutation, runs in the one write transaction
   * dispatch opens, `after` awaits once that committed (and records an outcome in a second short
   * transaction). Every other channel's handler is synchronous. Nothing ever awaits inside a transaction.
   */
  io?: true;
}

/** Keeps each channel's kind literal in its type, so code can tell queries from mutations at compile time. */
export function channel<I extends z.ZodType, O extends z.ZodType, K extends ChannelKind>(def: ChannelBase<I, O> & K): ChannelBase<I, O> & K {
  return def;
}

// Internal costs ----------------------------------------------------------------------------
// Cost, value and margin are hidden from users without `costs.view`; selling prices are not costs.
// Output fields are marked here, once, in the contract; dispatch redacts every marked field and refuses
// sorting by one (src/main/api/costs.ts). Services return costs to everyone and never check.

/** A zod schema's definition (zod 4 keeps it at `_zod.def`): what the contract's walkers (cost rules, CSV kinds) read. */
export type SchemaDef = { type: string; [key: string]: unknown };
export function schemaDef(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}
/** Schema types that wrap one `innerType` without changing what it holds. */
export const wrapperTypes: ReadonlySet<string> = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

export type CostMark = { kind: 'value' } | { kind: 'keys'; keys: readonly string[] };
const costMarks = new WeakMap<z.ZodType, CostMark>();

/** The cost mark of this schema node, if any (the walker also looks inside wrappers such as optional). */
export function costMarkOf(schema: z.ZodType): CostMark | undefined {
  return costMarks.get(schema);
}

/** An output field holding an internal cost, value or margin: null for callers without `costs.view`. */
export function cost<T extends z.ZodType>(schema: T): z.ZodNullable<T> {
  const marked = schema.nullable();
  costMarks.set(marked, { kind: 'value' });
  return marked;
}

/** Names under which free-form details (document history, error details) carry amounts that are costs. */
export const costDetailKeys = ['total', 'subtotal', 'freight', 'unitCost', 'landedUnitCost', 'extended', 'vendorCost', 'vendorFee', 'margin'] as const;

/**
 * A free-form record (history details, change lists) that may hold costs under known names: every property
 * with one of these names, at any depth, and the before/after of every change `{ field, before, after }`
 * whose `field` is one of them, are nulled for callers without `costs.view`.
 */
export function costKeys<T extends z.ZodType>(schema: T, keys: readonly string[]): T {
  costMarks.set(schema, { kind: 'keys', keys });
  return schema;
}

// Shared field schemas ----------------------------------------------------------------------

const moneyMarks = new WeakSet<z.ZodType>();

/** Marks a schema as an amount of money in ten-thousandths: exports and reports write it as money, not as a count. */
function asMoney<T extends z.ZodType>(schema: T): T {
  moneyMarks.add(schema);
  return schema;
}

/** Whether this schema node is an amount of money (money, documentMoney, amount, moneyOut). */
export function isMoneySchema(schema: z.ZodType): boolean {
  return moneyMarks.has(schema);
}

/**
 * An amount of money in an answer (a cost, a price, a total), in ten-thousandths: unbounded, as a sum may pass
 * what one input may hold.
 */
export function moneyOut(): z.ZodNumber {
  return asMoney(z.number().int());
}

export const id = z.number().int().positive();
export const qty = z.number().int().positive().max(MAX_QTY);
/** Money for one unit (cost, price), in ten-thousandths of the home currency: at most 1,000,000.0000. */
export const money = asMoney(z.number().int().min(0).max(MAX_UNIT_AMOUNT));
/** Money for a whole document (freight, approval threshold): at most 100,000,000.0000. */
export const documentMoney = asMoney(z.number().int().min(0).max(MAX_DOCUMENT_AMOUNT));
/**
 * An amount that is a sum or a product (inventory value, ledger totals), in ten-thousandths, as a decimal
 * integer string: it can pass 2^53, where a JSON number would silently round.
 */
export const amount = asMoney(z.string().regex(/^-?\d{1,20}$/));
export const epochMs = z.number().int().min(0);
export const text = (max = 200) => z.string().trim().max(max);
export const requiredText = (max = 200) => z.string().trim().min(1).max(max);
export const optionalText = (max = 200) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));
/** A serial as typed; it must hold more than blanks (see serialKey for how serials compare). */
export const serial = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((s) => serialKey(s) !== '', { message: 'blank serial' });
/** A calendar day as the user picked it: 'YYYY-MM-DD', a day that exists (no 2026-02-30). */
export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    },
    { message: 'not a calendar day' },
  );
export const optionalDay = day.nullish().transform((v) => v ?? null);
export const empty = z.object({}).strict();
export const ok = z.object({ ok: z.literal(true) });

export const sortDirection = z.enum(['asc', 'desc']);

/** Every list that can grow is paged in SQL: page is 1-based. */
export function pageInput<S extends z.ZodType, F extends z.ZodRawShape>(sortColumns: S, filters: F) {
  return z
    .object({
      page: z.number().int().min(1).max(1_000_000).default(1),
      pageSize: z.number().int().min(1).max(200).default(50),
      sortBy: sortColumns.optional(),
      sortDirection: sortDirection.default('asc'),
      ...filters,
    })
    .strict();
}

export function pageOutput<R extends z.ZodType>(row: R) {
  return z.object({
    rows: z.array(row),
    total: z.number().int(),
    /** True when `total` was capped for speed and more rows exist. */
    totalCapped: z.boolean(),
  });
}
