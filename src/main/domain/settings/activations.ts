// Module activations: stored as one settings value ({ inventory, procurement, rma }); a database that has
// none has every module on. Switching is refused while it would strand work: Procurement needs Inventory,
// and Procurement is not switched off while charges or purchase orders wait for an approval nobody could
// give or quotes hold reservations nobody could release. Data is never touched: a module switched back on finds it all.
import { allActive, moduleNeeds, modules, type Activations, type Module } from '@shared/contract/modules';
import { DomainError } from '@shared/errors';
import { prepared, type Ctx } from '../context';
import { getSettings } from './settings';

const KEY = 'modules';

export function getActivations(ctx: Ctx): Activations {
  const row = prepared<[string], { value: string }>(ctx, `SELECT value FROM settings WHERE key = ?`).get(KEY);
  const stored = row ? (JSON.parse(row.value) as Partial<Activations>) : {};
  return Object.fromEntries(modules.map((m) => [m, typeof stored[m] === 'boolean' ? stored[m] : allActive[m]])) as Activations;
}

export function isActive(ctx: Ctx, module: Module): boolean {
  return getActivations(ctx)[module];
}

/**
 * SQL that is 1 while Procurement is on: the approval threshold read inside queries (a charge's need for an
 * approval) is no threshold at all while it is off.
 */
export const procurementOnSql = `coalesce((SELECT json_extract(value, '$.procurement') FROM settings WHERE key = '${KEY}'), 1)`;

/** What still needs Procurement: charges waiting for approval and quotes holding reservations (first few of each, and how many). */
function procurementWork(ctx: Ctx): { charges: string[]; chargeCount: number; orders: string[]; orderCount: number; quotes: string[]; quoteCount: number } {
  const charges = prepared<[], { number: string }>(ctx, `SELECT number FROM charges WHERE status = 'waitingApproval' ORDER BY id LIMIT 10`).all().map((r) => r.number);
  const chargeCount = prepared<[], { n: number }>(ctx, `SELECT count(*) AS n FROM charges WHERE status = 'waitingApproval'`).get()!.n;
  const orders = prepared<[], { number: string }>(ctx, `SELECT number FROM purchase_orders WHERE approval_status = 'requested' ORDER BY id LIMIT 10`).all().map((r) => r.number);
  const orderCount = prepared<[], { n: number }>(ctx, `SELECT count(*) AS n FROM purchase_orders WHERE approval_status = 'requested'`).get()!.n;
  const held = `FROM allocations a JOIN quote_items qi ON qi.id = a.source_id JOIN opportunities o ON o.id = qi.opportunity_id WHERE a.source_type = 'quoteItem' AND a.kind = 'reserved'`;
  const quotes = prepared<[], { number: string }>(ctx, `SELECT DISTINCT o.number ${held} ORDER BY o.id LIMIT 10`).all().map((r) => r.number);
  const quoteCount = prepared<[], { n: number }>(ctx, `SELECT count(DISTINCT o.id) AS n ${held}`).get()!.n;
  return { charges, chargeCount, orders, orderCount, quotes, quoteCount };
}

export function setActivations(ctx: Ctx, next: Activations): Activations {
  for (const m of modules) {
    const needs = moduleNeeds[m];
    if (next[m] && needs && !next[needs]) throw new DomainError('CONFLICT', { reason: 'moduleNeeds', module: m, needs });
  }
  if (isActive(ctx, 'procurement') && !next.procurement) {
    const work = procurementWork(ctx);
    if (work.chargeCount + work.orderCount + work.quoteCount > 0) throw new DomainError('CONFLICT', { reason: 'procurementInUse', ...work });
  }
  if (isActive(ctx, 'rma') && !next.rma) {
    // Units an RMA holds could not be freed with its screens gone: its RMAs are closed or canceled first.
    const held = `FROM allocations a JOIN rmas r ON r.id = a.source_id WHERE a.source_type = 'rma'`;
    const rmas = prepared<[], { number: string }>(ctx, `SELECT DISTINCT r.number ${held} ORDER BY r.id LIMIT 10`).all().map((r) => r.number);
    if (rmas.length > 0) throw new DomainError('CONFLICT', { reason: 'rmaInUse', rmas, rmaCount: prepared<[], { n: number }>(ctx, `SELECT count(DISTINCT r.id) AS n ${held}`).get()!.n });
  }
  prepared(ctx, `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(KEY, JSON.stringify(next));
  return getActivations(ctx);
}

/** The approval threshold in force: none while Procurement (which owns approvals) is off. */
export function approvalThreshold(ctx: Ctx): number | null {
  return isActive(ctx, 'procurement') ? getSettings(ctx).approvalThreshold : null;
}
