// Transition tables. A document's status changes only through the named actions of its one table, and
// only through applyTransition, which checks the action is allowed from the current state (and its
// guard), writes the new state and the columns the action sets, and writes the document's history row,
// all in the caller's transaction. createDocument inserts a document in a declared initial state. No
// other code writes a status column (statusWrites.test.ts reads the sources for it).
import { DomainError } from '@shared/errors';
import { insertInOrder, prepared, type Ctx } from '../context';

/** Who acts and the free text an action keeps (a cancel reason, an approval note). */
export interface TransitionInput {
  /** The user whose action this is; for a system transition, the user whose action caused it. */
  userId: number | null;
  reason?: string | null;
  note?: string | null;
}

export interface ApplyInput<S extends string> extends TransitionInput {
  /** Facts for the history row; a function when they name the state the action led to. */
  details?: Record<string, unknown> | ((outcome: { from: S; to: S }) => Record<string, unknown>);
}

/** The values an action's `sets` may use. */
export type SetInput = TransitionInput & { now: number };

export interface Transition<S extends string, R> {
  /** The states the action may start from. Any other answers INVALID_TRANSITION (see repeatOf). */
  readonly from: readonly S[];
  /** The state it leads to, or the rule that picks it from the row (read after the caller's writes). */
  readonly to: S | ((row: R) => S);
  /**
   * Further conditions, checked after `from`; must not write. Returns false when the document is in
   * the state but not in the situation the action needs (INVALID_TRANSITION), throws its own
   * DomainError for anything the user can fix (PO_EMPTY, REASON_REQUIRED), and may return facts for the
   * history row (e.g. the total an approval was given for).
   */
  readonly guard?: (ctx: Ctx, row: R, input: TransitionInput) => Record<string, unknown> | false | void;
  /** Applied by the application as a consequence of another action (a receipt), never asked for directly. */
  readonly system?: true;
  /** Other columns the action writes (who and when, a reason); column → value. */
  readonly sets?: (input: SetInput) => Record<string, unknown>;
  /**
   * The history row's type (default: the action's name). `false` only where the change that caused the
   * transition writes its own history row naming it (an approval withdrawn by an edit of the order).
   */
  readonly history?: string | false;
  /**
   * States in which the action has in effect already been done (undoing twice): refused with
   * ALREADY_REVERSED instead of INVALID_TRANSITION, the answer users have always had there.
   */
  readonly repeatOf?: readonly S[];
}

/** How a document comes into being: its initial state and the type of its first history row. */
export interface Creation<S extends string> {
  readonly to: S;
  readonly history?: string;
}

export type Transitions<S extends string, R> = Readonly<Record<string, Transition<S, R>>>;
export type Creations<S extends string> = Readonly<Record<string, Creation<S>>>;
/** Changes that keep the status (editing lines, scanning) → the states that allow them. */
export type Edits<S extends string> = Readonly<Record<string, readonly S[]>>;

export interface DocumentRow {
  id: number;
  number: string;
}

export interface WorkflowSpec<S extends string, R extends DocumentRow> {
  /** The document's name in errors and in the history (`transfer`, `purchaseOrder`). */
  document: string;
  /** The table and the column the table drives. */
  table: string;
  column: string;
  /** Every value the column may hold (the schema's enum). */
  states: readonly S[];
  /** The row the actions decide on; undefined when there is none. */
  read: (ctx: Ctx, id: number) => R | undefined;
  state: (row: R) => S;
  /** What an INVALID_TRANSITION names besides document, number, status and action. */
  refusalDetails?: (row: R) => Record<string, unknown>;
  /** The document's history table: (key, occurred_at, user_id, type, from_state, to_state, details). */
  history: { table: string; key: string };
  /** A column set to the time of every transition (updated_at). */
  touch?: string;
  /** Keeps what derives from the state in step with it, in the same transaction. */
  afterTransition?: (ctx: Ctx, row: R, to: S, info: { action: string; userId: number | null }) => void;
}

export type Workflow<S extends string, R extends DocumentRow, T extends Transitions<S, R>, C extends Creations<S>, E extends Edits<S>> = WorkflowSpec<S, R> & {
  transitions: T;
  creations: C;
  edits: E;
};

const identifier = /^[a-z_][a-z0-9_]*$/;

function assertIdentifier(name: string): string {
  if (!identifier.test(name)) throw new Error(`transition tables: "${name}" is not a plain SQL identifier`);
  return name;
}

/**
 * Declares a document's table. The states come first (`defineWorkflow<State, Row>()`), the table is
 * read as written (a const type parameter, as `as const` would): an action, a creation or an edit it
 * does not name, or a state outside S, does not compile.
 */
export function defineWorkflow<S extends string, R extends DocumentRow>() {
  return <const T extends Transitions<S, R>, const C extends Creations<S>, const E extends Edits<S> = Record<never, never>>(
    spec: WorkflowSpec<S, R> & { transitions: T; creations: C; edits?: E },
  ): Workflow<S, R, T, C, E> => {
    for (const name of [spec.table, spec.column, spec.history.table, spec.history.key, ...(spec.touch ? [spec.touch] : [])]) assertIdentifier(name);
    const known = new Set<string>(spec.states);
    const used = [
      ...Object.values<Transition<S, R>>(spec.transitions).flatMap((t) => [...t.from, ...(t.repeatOf ?? []), ...(typeof t.to === 'string' ? [t.to] : [])]),
      ...Object.values<Creation<S>>(spec.creations).map((c) => c.to),
      ...Object.values<readonly S[]>(spec.edits ?? {}).flat(),
    ];
    for (const s of used) if (!known.has(s)) throw new Error(`transition tables: ${spec.document} has no state "${s}"`);
    return { ...spec, edits: (spec.edits ?? {}) as E };
  };
}

function requireRow<S extends string, R extends DocumentRow>(ctx: Ctx, wf: WorkflowSpec<S, R>, id: number): R {
  const row = wf.read(ctx, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: wf.document, id });
  return row;
}

/** INVALID_TRANSITION naming the document, its number and state, and what was tried. */
export function refusal<S extends string, R extends DocumentRow>(wf: WorkflowSpec<S, R>, row: R, action: string): DomainError {
  return new DomainError('INVALID_TRANSITION', { document: wf.document, number: row.number, status: wf.state(row), ...wf.refusalDetails?.(row), action });
}

/** Refuses the action unless the row's state allows it and its guard holds; returns the guard's facts. */
function check<S extends string, R extends DocumentRow>(ctx: Ctx, wf: WorkflowSpec<S, R> & { transitions: Transitions<S, R> }, row: R, action: string, input: TransitionInput) {
  const t = wf.transitions[action];
  if (!t) throw new Error(`transition tables: ${wf.document} has no action "${action}"`);
  const state = wf.state(row);
  if (!t.from.includes(state)) {
    if (t.repeatOf?.includes(state)) throw new DomainError('ALREADY_REVERSED', { document: wf.document, number: row.number, status: state, action });
    throw refusal(wf, row, action);
  }
  const facts = t.guard?.(ctx, row, input);
  if (facts === false) throw refusal(wf, row, action);
  return { t, facts: facts ?? {} };
}

/**
 * Refuses now, before the caller's work, what applyTransition would refuse later (e.g. before a receipt
 * is cancelled move by move). Returns the row.
 */
export function requireTransition<S extends string, R extends DocumentRow, T extends Transitions<S, R>>(
  ctx: Ctx,
  wf: Workflow<S, R, T, Creations<S>, Edits<S>>,
  id: number,
  action: keyof T & string,
  input: TransitionInput,
): R {
  const row = requireRow(ctx, wf, id);
  check(ctx, wf, row, action, input);
  return row;
}

/** May the document be changed this way (a change that keeps its status) in its state? */
export function requireEditable<S extends string, R extends DocumentRow, E extends Edits<S>>(
  wf: Workflow<S, R, Transitions<S, R>, Creations<S>, E>,
  row: R,
  edit: keyof E & string,
): void {
  const allowed: readonly S[] | undefined = wf.edits[edit];
  if (!allowed) throw new Error(`transition tables: ${wf.document} has no edit "${edit}"`);
  if (!allowed.includes(wf.state(row))) throw refusal(wf, row, edit);
}

function writeHistory(
  ctx: Ctx,
  history: { table: string; key: string },
  id: number,
  entry: { type: string; userId: number | null; from: string | null; to: string; details: Record<string, unknown>; now: number },
): void {
  prepared(ctx, `INSERT INTO ${history.table} (${history.key}, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(id, entry.now, entry.userId, entry.type, entry.from, entry.to, JSON.stringify(entry.details));
}

/**
 * Applies one action of the document's table in the caller's transaction: refuses it unless the
 * document is in one of its `from` states and its guard holds, then writes the new state, the columns
 * it sets and the touch column, and its history row. Returns the row it decided on and both states.
 */
export function applyTransition<S extends string, R extends DocumentRow, T extends Transitions<S, R>>(
  ctx: Ctx,
  wf: Workflow<S, R, T, Creations<S>, Edits<S>>,
  id: number,
  action: keyof T & string,
  input: ApplyInput<S>,
): { row: R; from: S; to: S } {
  const row = requireRow(ctx, wf, id);
  const { t, facts } = check(ctx, wf, row, action, input);
  const from = wf.state(row);
  const to = typeof t.to === 'function' ? t.to(row) : t.to;
  if (!wf.states.includes(to)) throw new Error(`transition tables: ${wf.document}.${action} led to unknown state "${to}"`);
  const now = ctx.now();
  const columns: Record<string, unknown> = { ...t.sets?.({ userId: input.userId, reason: input.reason, note: input.note, now }), ...(wf.touch ? { [wf.touch]: now } : {}), [wf.column]: to };
  const names = Object.keys(columns).map(assertIdentifier);
  const changed = prepared(ctx, `UPDATE ${wf.table} SET ${names.map((c) => `${c} = ?`).join(', ')} WHERE id = ? AND ${wf.column} = ?`).run(...names.map((c) => columns[c]), id, from).changes;
  // The row was read in this transaction; a miss means a caller changed the state behind the table's back.
  if (changed !== 1) throw new Error(`transition tables: ${wf.document} ${row.number} left ${from} before ${action}`);
  if (t.history !== false) {
    const extra = typeof input.details === 'function' ? input.details({ from, to }) : (input.details ?? {});
    writeHistory(ctx, wf.history, id, { type: t.history ?? action, userId: input.userId, from, to, details: { ...facts, ...extra }, now });
  }
  wf.afterTransition?.(ctx, row, to, { action, userId: input.userId });
  return { row, from, to };
}

/**
 * Inserts a document in the initial state of one of its creations (`values`: its other columns) and
 * writes its first history row. Returns the new id.
 */
export function createDocument<S extends string, R extends DocumentRow, C extends Creations<S>>(
  ctx: Ctx,
  wf: Workflow<S, R, Transitions<S, R>, C, Edits<S>>,
  creation: keyof C & string,
  values: Record<string, unknown>,
  input: TransitionInput & { details?: Record<string, unknown> },
): number {
  const c: Creation<S> | undefined = wf.creations[creation];
  if (!c) throw new Error(`transition tables: ${wf.document} has no creation "${creation}"`);
  const columns: Record<string, unknown> = { ...values, [wf.column]: c.to };
  const names = Object.keys(columns).map(assertIdentifier);
  const id = Number(
    prepared(ctx, `INSERT INTO ${wf.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((n) => columns[n])).lastInsertRowid,
  );
  writeHistory(ctx, wf.history, id, { type: c.history ?? creation, userId: input.userId, from: null, to: c.to, details: input.details ?? {}, now: ctx.now() });
  return id;
}

/**
 * createDocument for many documents of one creation at once (a delivery's devices): the statements are
 * prepared once, so ten thousand rows cost what their inserts cost. Returns the new ids in order.
 */
export function createDocuments<S extends string, R extends DocumentRow, C extends Creations<S>>(
  ctx: Ctx,
  wf: Workflow<S, R, Transitions<S, R>, C, Edits<S>>,
  creation: keyof C & string,
  rows: readonly Record<string, unknown>[],
  input: TransitionInput & { details?: Record<string, unknown> },
): number[] {
  const c: Creation<S> | undefined = wf.creations[creation];
  if (!c) throw new Error(`transition tables: ${wf.document} has no creation "${creation}"`);
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!).map(assertIdentifier);
  const values = rows.map((row) => {
    if (Object.keys(row).length !== columns.length || wf.column in row) throw new Error(`transition tables: ${wf.document} rows must share their columns`);
    return [...columns.map((n) => row[n]), c.to];
  });
  // Every row and every history row in one statement each (insertInOrder): a shipment creates 10,000 devices.
  const ids = insertInOrder(ctx, wf.table, [...columns, wf.column], values);
  prepared(
    ctx,
    `INSERT INTO ${wf.history.table} (${wf.history.key}, occurred_at, user_id, type, from_state, to_state, details) SELECT j.value, ?, ?, ?, NULL, ?, ? FROM json_each(?) j ORDER BY j.key`,
  ).run(ctx.now(), input.userId, c.history ?? creation, c.to, JSON.stringify(input.details ?? {}), JSON.stringify(ids));
  return ids;
}
