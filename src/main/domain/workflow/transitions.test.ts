// The generic transition module on a small document of its own (a repair ticket) in a real SQLite
// database: what applyTransition refuses, writes and records, and what does not compile.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '@shared/errors';
import type { Ctx } from '../context';
import { applyTransition, createDocument, defineWorkflow, requireEditable, requireTransition } from './transitions';

type TicketState = 'open' | 'waiting' | 'closed' | 'voided';
interface TicketRow {
  id: number;
  number: string;
  state: TicketState;
  parts: number;
}

let sqlite: Database.Database;
let clock: number;
let ctx: Ctx;
const derived: { id: number; to: TicketState }[] = [];

const ticket = defineWorkflow<TicketState, TicketRow>()({
  document: 'ticket',
  table: 'tickets',
  column: 'state',
  states: ['open', 'waiting', 'closed', 'voided'],
  read: (c, id) => c.sqlite.prepare(`SELECT id, number, state, parts FROM tickets WHERE id = ?`).get(id) as TicketRow | undefined,
  state: (row) => row.state,
  history: { table: 'ticket_events', key: 'ticket_id' },
  touch: 'updated_at',
  afterTransition: (_c, row, to) => derived.push({ id: row.id, to }),
  creations: { open: { to: 'open' }, log: { to: 'closed', history: 'logged' } },
  transitions: {
    wait: { from: ['open'], to: 'waiting', sets: ({ note }) => ({ note: note ?? null }) },
    // Closing needs the parts; a ticket with none closes as voided.
    close: {
      from: ['open', 'waiting'],
      to: (row) => (row.parts > 0 ? 'closed' : 'voided'),
      guard: (_c, row, input) => {
        if (input.reason === 'not yet') return false;
        if (input.reason === 'missing') throw new DomainError('REASON_REQUIRED', { action: 'close' });
        return { partsAtClose: row.parts };
      },
      sets: ({ userId, now, reason }) => ({ closed_by: userId, closed_at: now, close_reason: reason ?? null }),
    },
    reopen: { from: ['closed'], to: 'open', repeatOf: ['open'] },
    expire: { from: ['waiting'], to: 'closed', system: true, history: false },
  },
  edits: { addPart: ['open', 'waiting'] },
});

beforeEach(() => {
  sqlite = new Database(':memory:');
  sqlite.exec(`
    CREATE TABLE tickets (id INTEGER PRIMARY KEY, number TEXT NOT NULL, state TEXT NOT NULL, parts INTEGER NOT NULL DEFAULT 0, note TEXT,
      closed_by INTEGER, closed_at INTEGER, close_reason TEXT, updated_at INTEGER);
    CREATE TABLE ticket_events (id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL, occurred_at INTEGER NOT NULL, user_id INTEGER, type TEXT NOT NULL,
      from_state TEXT, to_state TEXT NOT NULL, details TEXT NOT NULL);`);
  clock = 1_000;
  ctx = { sqlite, now: () => clock } as unknown as Ctx;
  derived.length = 0;
});
afterEach(() => sqlite.close());

const row = (id: number) => sqlite.prepare(`SELECT * FROM tickets WHERE id = ?`).get(id) as Record<string, unknown>;
const events = (id: number) =>
  (sqlite.prepare(`SELECT occurred_at, user_id, type, from_state, to_state, details FROM ticket_events WHERE ticket_id = ? ORDER BY id`).all(id) as { type: string; details: string }[]).map((e) => ({
    ...e,
    details: JSON.parse(e.details) as unknown,
  }));
const snapshot = () => JSON.stringify([sqlite.prepare(`SELECT * FROM tickets ORDER BY id`).all(), sqlite.prepare(`SELECT * FROM ticket_events ORDER BY id`).all()]);

function open(number = 'T-1', parts = 0): number {
  return createDocument(ctx, ticket, 'open', { number, parts }, { userId: 7, details: { by: 'phone' } });
}

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('transition tables', () => {
  it('creates a document in its initial state with its first history row', () => {
    const id = open();
    expect(row(id)).toMatchObject({ number: 'T-1', state: 'open' });
    expect(events(id)).toEqual([{ occurred_at: 1_000, user_id: 7, type: 'open', from_state: null, to_state: 'open', details: { by: 'phone' } }]);
    const logged = createDocument(ctx, ticket, 'log', { number: 'T-2' }, { userId: null });
    expect(row(logged).state).toBe('closed');
    expect(events(logged)[0]).toMatchObject({ type: 'logged', from_state: null, to_state: 'closed', details: {} });
  });

  it('applies an allowed action: state, the columns it sets, the touch column, one history row, then what derives from it', () => {
    const id = open('T-1', 2);
    clock = 2_000;
    const result = applyTransition(ctx, ticket, id, 'close', { userId: 9, reason: 'fixed', details: ({ from, to }) => ({ summary: `${from}→${to}` }) });
    expect(result).toMatchObject({ from: 'open', to: 'closed', row: { id, number: 'T-1', state: 'open' } });
    expect(row(id)).toMatchObject({ state: 'closed', closed_by: 9, closed_at: 2_000, close_reason: 'fixed', updated_at: 2_000 });
    expect(events(id).slice(1)).toEqual([
      { occurred_at: 2_000, user_id: 9, type: 'close', from_state: 'open', to_state: 'closed', details: { partsAtClose: 2, summary: 'open→closed' } },
    ]);
    expect(derived).toEqual([{ id, to: 'closed' }]);
  });

  it('picks the state from the row when the table gives a rule', () => {
    const id = open('T-1', 0);
    expect(applyTransition(ctx, ticket, id, 'close', { userId: 1 }).to).toBe('voided');
    expect(row(id).state).toBe('voided');
  });

  it('refuses an action from any other state with INVALID_TRANSITION naming document, number, status and action, and changes nothing', () => {
    const id = open();
    const before = snapshot();
    for (const action of ['reopen', 'expire'] as const) {
      const error = caught(() => applyTransition(ctx, ticket, id, action, { userId: 1 }));
      expect(error.code).toBe(action === 'reopen' ? 'ALREADY_REVERSED' : 'INVALID_TRANSITION');
      expect(error.details).toEqual({ document: 'ticket', number: 'T-1', status: 'open', action });
    }
    applyTransition(ctx, ticket, id, 'wait', { userId: 1 });
    const waiting = snapshot();
    expect(caught(() => applyTransition(ctx, ticket, id, 'wait', { userId: 1 })).details).toEqual({ document: 'ticket', number: 'T-1', status: 'waiting', action: 'wait' });
    expect(snapshot()).toBe(waiting);
    expect(before).not.toBe(waiting);
  });

  it('answers ALREADY_REVERSED only in the states the table names as a repeat', () => {
    const id = open('T-1', 1);
    applyTransition(ctx, ticket, id, 'close', { userId: 1 });
    applyTransition(ctx, ticket, id, 'reopen', { userId: 1 });
    expect(caught(() => applyTransition(ctx, ticket, id, 'reopen', { userId: 1 })).code).toBe('ALREADY_REVERSED');
    applyTransition(ctx, ticket, id, 'wait', { userId: 1 });
    expect(caught(() => applyTransition(ctx, ticket, id, 'reopen', { userId: 1 })).code).toBe('INVALID_TRANSITION');
  });

  it('lets a guard refuse as INVALID_TRANSITION or with its own code, before anything is written', () => {
    const id = open('T-1', 1);
    const before = snapshot();
    expect(caught(() => applyTransition(ctx, ticket, id, 'close', { userId: 1, reason: 'not yet' }))).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { document: 'ticket', number: 'T-1', status: 'open', action: 'close' },
    });
    expect(caught(() => applyTransition(ctx, ticket, id, 'close', { userId: 1, reason: 'missing' })).code).toBe('REASON_REQUIRED');
    expect(caught(() => requireTransition(ctx, ticket, id, 'close', { userId: 1, reason: 'missing' })).code).toBe('REASON_REQUIRED');
    expect(snapshot()).toBe(before);
    expect(derived).toEqual([]);
  });

  it('checks without applying: requireTransition returns the row and writes nothing', () => {
    const id = open();
    const before = snapshot();
    expect(requireTransition(ctx, ticket, id, 'wait', { userId: 1 })).toMatchObject({ id, state: 'open' });
    expect(snapshot()).toBe(before);
    expect(caught(() => requireTransition(ctx, ticket, id, 'reopen', { userId: 1 })).code).toBe('ALREADY_REVERSED');
  });

  it('writes no history row for a transition the causing change records itself', () => {
    const id = open();
    applyTransition(ctx, ticket, id, 'wait', { userId: 1 });
    applyTransition(ctx, ticket, id, 'expire', { userId: 1 });
    expect(row(id).state).toBe('closed');
    expect(events(id).map((e) => e.type)).toEqual(['open', 'wait']);
  });

  it('answers NOT_FOUND for a missing document', () => {
    expect(caught(() => applyTransition(ctx, ticket, 99, 'wait', { userId: 1 }))).toMatchObject({ code: 'NOT_FOUND', details: { entity: 'ticket', id: 99 } });
  });

  it('allows an edit that keeps the status only in its states', () => {
    const id = open();
    const read = () => ticket.read(ctx, id)!;
    expect(() => requireEditable(ticket, read(), 'addPart')).not.toThrow();
    applyTransition(ctx, ticket, id, 'wait', { userId: 1 });
    expect(() => requireEditable(ticket, read(), 'addPart')).not.toThrow();
    applyTransition(ctx, ticket, id, 'close', { userId: 1 });
    expect(caught(() => requireEditable(ticket, read(), 'addPart'))).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { document: 'ticket', number: 'T-1', status: 'voided', action: 'addPart' },
    });
  });

  it('refuses to apply when the state changed behind the table since it was read', () => {
    const id = open();
    const spy = { ...ticket, read: (c: Ctx, i: number) => ({ ...ticket.read(c, i)!, state: 'waiting' as const }) };
    expect(() => applyTransition(ctx, spy, id, 'close', { userId: 1 })).toThrow(/left waiting/);
    expect(row(id).state).toBe('open');
  });

  it('refuses a table naming a state it does not have, or a table or column that is not a plain identifier', () => {
    const base = { document: 'x', table: 'x', column: 'state', states: ['a', 'b'] as const, read: () => undefined, state: () => 'a' as const, history: { table: 'x_events', key: 'x_id' }, creations: {} };
    expect(() => defineWorkflow<'a' | 'b', { id: number; number: string }>()({ ...base, states: ['a'], transitions: { go: { from: ['a'], to: 'b' } } })).toThrow(/no state "b"/);
    expect(() => defineWorkflow<'a' | 'b', { id: number; number: string }>()({ ...base, table: 'x; DROP TABLE y', transitions: {} })).toThrow(/plain SQL identifier/);
    const bad = defineWorkflow<TicketState, TicketRow>()({ ...ticket, transitions: { wait: { from: ['open'], to: 'waiting', sets: () => ({ 'note = 1, state': 'x' }) } } });
    const id = open();
    expect(() => applyTransition(ctx, bad, id, 'wait', { userId: 1 })).toThrow(/plain SQL identifier/);
    expect(row(id).state).toBe('open');
  });

  it('types: an unknown action, creation, edit or state does not compile', () => {
    const id = open();
    const tryCompile = (fn: () => unknown) => expect(fn).toThrow();
    // @ts-expect-error — the table has no action "archive".
    tryCompile(() => applyTransition(ctx, ticket, id, 'archive', { userId: 1 }));
    // @ts-expect-error — nor does requireTransition know it.
    tryCompile(() => requireTransition(ctx, ticket, id, 'archive', { userId: 1 }));
    // @ts-expect-error — no creation "import".
    tryCompile(() => createDocument(ctx, ticket, 'import', { number: 'T-9' }, { userId: 1 }));
    // @ts-expect-error — no edit "rename".
    tryCompile(() => requireEditable(ticket, ticket.read(ctx, id)!, 'rename'));
    tryCompile(() =>
      defineWorkflow<TicketState, TicketRow>()({
        ...ticket,
        // @ts-expect-error — "lost" is not a ticket state.
        transitions: { lose: { from: ['open'], to: 'lost' } },
      }),
    );
    tryCompile(() =>
      defineWorkflow<TicketState, TicketRow>()({
        ...ticket,
        // @ts-expect-error — nor may an action start from it.
        transitions: { find: { from: ['lost'], to: 'open' } },
      }),
    );
    tryCompile(() =>
      defineWorkflow<TicketState, TicketRow>()({
        ...ticket,
        // @ts-expect-error — a creation's state is checked too.
        creations: { found: { to: 'lost' } },
      }),
    );
  });
});
