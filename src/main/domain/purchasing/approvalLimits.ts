// Approval tiers: named limits an administrator defines ("Approver, up to 5,000 €", "Manager, up to
// 20,000 €") and gives to users. One approval by a user whose limit covers the amount clears a charge or a
// purchase order — not a chain of approvals. Administrators and users given no limit approve any amount,
// so an office that defines no tiers keeps the single threshold. The same rule serves charges and orders
// (requireLimitCovers), and the history of each approval records the limit it was given at.
import type { ApprovalLimit, ApproverLimit } from '@shared/contract/purchasing';
import { DomainError } from '@shared/errors';
import { prepared, type Actor, type Ctx } from '../context';

const limitSql = `SELECT l.id, l.name, l.amount AS upTo, (SELECT count(*) FROM users u WHERE u.approval_limit_id = l.id AND u.active = 1) AS userCount FROM approval_limits l`;

/** Smallest first; no limit last. */
export function listApprovalLimits(ctx: Ctx): ApprovalLimit[] {
  return prepared<[], ApprovalLimit>(ctx, `${limitSql} ORDER BY l.amount IS NULL, l.amount, l.name`).all();
}

function requireLimit(ctx: Ctx, id: number): ApprovalLimit {
  const row = prepared<[number], ApprovalLimit>(ctx, `${limitSql} WHERE l.id = ?`).get(id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'approvalLimit', id });
  return row;
}

export function saveApprovalLimit(ctx: Ctx, input: { id?: number; name: string; upTo: number | null }): ApprovalLimit {
  const clash = prepared<[string, number], { id: number }>(ctx, `SELECT id FROM approval_limits WHERE lower(name) = lower(?) AND id <> ?`).get(input.name, input.id ?? 0);
  if (clash) throw new DomainError('CONFLICT', { field: 'name', value: input.name });
  if (input.id === undefined) {
    const id = Number(prepared(ctx, `INSERT INTO approval_limits (name, amount, created_at) VALUES (?, ?, ?)`).run(input.name, input.upTo, ctx.now()).lastInsertRowid);
    return requireLimit(ctx, id);
  }
  requireLimit(ctx, input.id);
  prepared(ctx, `UPDATE approval_limits SET name = ?, amount = ? WHERE id = ?`).run(input.name, input.upTo, input.id);
  return requireLimit(ctx, input.id);
}

export function deleteApprovalLimit(ctx: Ctx, id: number): { ok: true } {
  const limit = requireLimit(ctx, id);
  const holders = prepared<[number], { n: number }>(ctx, `SELECT count(*) AS n FROM users WHERE approval_limit_id = ?`).get(id)!.n;
  if (holders > 0) throw new DomainError('CONFLICT', { reason: 'limitInUse', name: limit.name, count: holders });
  prepared(ctx, `DELETE FROM approval_limits WHERE id = ?`).run(id);
  return { ok: true };
}

/** Checks the limit exists before a user is given it. */
export function requireApprovalLimit(ctx: Ctx, id: number | null): void {
  if (id !== null) requireLimit(ctx, id);
}

/** The limit this user approves up to: their tier, or none (name null) for administrators and users given no tier. */
export function approverLimit(ctx: Ctx, userId: number | null): ApproverLimit {
  if (userId === null) return { name: null, upTo: null };
  const row = prepared<[number], ApproverLimit>(
    ctx,
    `SELECT l.name, l.amount AS upTo FROM users u JOIN approval_limits l ON l.id = u.approval_limit_id WHERE u.id = ? AND u.is_admin = 0`,
  ).get(userId);
  return row ?? { name: null, upTo: null };
}

export function limitCovers(limit: ApproverLimit, amount: number): boolean {
  return limit.upTo === null || amount <= limit.upTo;
}

/** The smallest tier that covers the amount, null when only a user with no limit (an administrator) can. */
export function tierFor(ctx: Ctx, amount: number): string | null {
  return prepared<[number], { name: string }>(ctx, `SELECT name FROM approval_limits WHERE amount IS NULL OR amount >= ? ORDER BY amount IS NULL, amount LIMIT 1`).get(amount)?.name ?? null;
}

/**
 * APPROVAL_LIMIT unless the approver's limit covers the amount; returns the limit, which the approval's
 * history records. `total` is a cost: dispatch blanks it for callers who may not see costs.
 */
export function requireLimitCovers(ctx: Ctx, userId: number | null, number: string, amount: number): ApproverLimit {
  const limit = approverLimit(ctx, userId);
  if (!limitCovers(limit, amount)) throw new DomainError('APPROVAL_LIMIT', { number, total: amount, limitName: limit.name, limitUpTo: limit.upTo, needed: tierFor(ctx, amount) });
  return limit;
}

/** What a list of requests tells one approver: whether their limit covers each amount, and the tier that would. */
export function coverageFor(ctx: Ctx, actor: Actor): (amount: number) => { withinLimit: boolean; neededLimit: string | null } {
  const limit = approverLimit(ctx, actor.userId);
  return (amount) => {
    const withinLimit = limitCovers(limit, amount);
    return { withinLimit, neededLimit: withinLimit ? null : tierFor(ctx, amount) };
  };
}
