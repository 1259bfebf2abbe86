// Contracts, projects and tickets: light containers a client's charges are billed on. Open or closed
// through their one transition table; a closed container takes no new charges. A ticket or project may
// name a contract of the same company.
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { Container } from '@shared/contract/sales';
import { DomainError } from '@shared/errors';
import { containers } from '@main/db/schema';
import { getCompany } from '../catalog/companies';
import { countUpTo, Filters, listPage, type SortColumns } from '../paging';
import { likePattern, nextNumber, prepared, type Actor, type Ctx } from '../context';
import { applyTransition, createDocument, defineWorkflow } from '../workflow/transitions';

type ContainerStatus = (typeof containers.status.enumValues)[number];
type ContainerKind = (typeof containers.kind.enumValues)[number];

interface ContainerRow {
  id: number;
  number: string;
  status: ContainerStatus;
  kind: ContainerKind;
  companyId: number;
}

const series: Record<ContainerKind, string> = { contract: 'CTR', project: 'PRJ', ticket: 'TKT' };

export const containerWorkflow = defineWorkflow<ContainerStatus, ContainerRow>()({
  document: 'container',
  table: 'containers',
  column: 'status',
  states: containers.status.enumValues,
  read: (ctx, id) => prepared<[number], ContainerRow>(ctx, `SELECT id, number, status, kind, company_id AS companyId FROM containers WHERE id = ?`).get(id),
  state: (row) => row.status,
  history: { table: 'container_events', key: 'container_id' },
  touch: 'updated_at',
  creations: { open: { to: 'open', history: 'created' } },
  transitions: {
    close: { from: ['open'], to: 'closed' },
    reopen: { from: ['closed'], to: 'open' },
  },
});

export function requireContainer(ctx: Ctx, id: number): ContainerRow {
  const row = containerWorkflow.read(ctx, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'container', id });
  return row;
}

const selectSql = `SELECT c.id, c.kind, c.number, c.title, c.description, c.company_id AS companyId, co.name AS companyName, c.status,
       c.owner_user_id AS ownerUserId, u.display_name AS ownerName, c.contract_id AS contractId, k.number AS contractNumber, k.title AS contractTitle,
       c.created_at AS createdAt,
       (SELECT count(*) FROM charges ch WHERE ch.container_id = c.id AND ch.status <> 'canceled') AS chargeCount,
       (SELECT count(*) FROM charges ch WHERE ch.container_id = c.id AND ch.status NOT IN ('canceled', 'delivered')) AS openChargeCount
  FROM containers c JOIN companies co ON co.id = c.company_id LEFT JOIN users u ON u.id = c.owner_user_id LEFT JOIN containers k ON k.id = c.contract_id`;

export function getContainer(ctx: Ctx, id: number): Container {
  const row = ctx.sqlite.prepare<[number], Container>(`${selectSql} WHERE c.id = ?`).get(id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'container', id });
  return row;
}

/** The owner must be an active user; the contract a contract of the same company. */
function checkLinks(ctx: Ctx, kind: ContainerKind, input: { companyId: number; ownerUserId: number | null; contractId: number | null }, selfId?: number): void {
  const company = getCompany(ctx, input.companyId);
  if (!company.isClient) throw new DomainError('VALIDATION', { fields: [{ path: 'companyId', code: 'notAClient' }] });
  if (input.ownerUserId !== null && !ctx.sqlite.prepare(`SELECT 1 FROM users WHERE id = ? AND active = 1`).get(input.ownerUserId)) {
    throw new DomainError('NOT_FOUND', { entity: 'user', id: input.ownerUserId });
  }
  if (input.contractId === null) return;
  if (kind === 'contract' || input.contractId === selfId) throw new DomainError('VALIDATION', { fields: [{ path: 'contractId', code: 'notAllowed' }] });
  const contract = requireContainer(ctx, input.contractId);
  if (contract.kind !== 'contract' || contract.companyId !== input.companyId) throw new DomainError('VALIDATION', { fields: [{ path: 'contractId', code: 'otherCompany' }] });
}

export function createContainer(ctx: Ctx, actor: Actor, input: ParsedInput<'sales.createContainer'>): Container {
  checkLinks(ctx, input.kind, input);
  const now = ctx.now();
  const id = createDocument(
    ctx,
    containerWorkflow,
    'open',
    {
      kind: input.kind,
      number: nextNumber(ctx, series[input.kind]),
      title: input.title,
      description: input.description,
      company_id: input.companyId,
      owner_user_id: input.ownerUserId,
      contract_id: input.contractId,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    },
    { userId: actor.userId },
  );
  return getContainer(ctx, id);
}

export function updateContainer(ctx: Ctx, actor: Actor, input: ParsedInput<'sales.updateContainer'>): Container {
  const row = requireContainer(ctx, input.id);
  checkLinks(ctx, row.kind, input, row.id);
  if (input.companyId !== row.companyId && ctx.sqlite.prepare(`SELECT 1 FROM charges WHERE container_id = ? LIMIT 1`).get(row.id)) {
    throw new DomainError('VALIDATION', { fields: [{ path: 'companyId', code: 'hasCharges' }] });
  }
  const before = getContainer(ctx, row.id);
  ctx.sqlite
    .prepare(`UPDATE containers SET title = ?, description = ?, company_id = ?, owner_user_id = ?, contract_id = ?, updated_at = ? WHERE id = ?`)
    .run(input.title, input.description, input.companyId, input.ownerUserId, input.contractId, ctx.now(), row.id);
  const changes = (['title', 'description', 'companyId', 'ownerUserId', 'contractId'] as const)
    .filter((f) => before[f] !== input[f])
    .map((field) => ({ field, before: before[field], after: input[field] }));
  if (changes.length > 0) {
    ctx.sqlite
      .prepare(`INSERT INTO container_events (container_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, 'updated', ?, ?, ?)`)
      .run(row.id, ctx.now(), actor.userId, row.status, row.status, JSON.stringify({ changes }));
  }
  return getContainer(ctx, row.id);
}

export function setContainerStatus(ctx: Ctx, actor: Actor, input: ParsedInput<'sales.setContainerStatus'>): Container {
  applyTransition(ctx, containerWorkflow, input.id, input.action, { userId: actor.userId });
  return getContainer(ctx, input.id);
}

const sorts: SortColumns<'sales.listContainers'> = { number: 'c.id', title: 'c.title', companyName: 'co.name', createdAt: 'c.created_at' };

export function listContainers(ctx: Ctx, input: ParsedInput<'sales.listContainers'>): ChannelOutput<'sales.listContainers'> {
  const f = new Filters().equals('c.kind', input.kind).equals('c.status', input.status).equals('c.company_id', input.companyId);
  if (input.q) {
    const like = likePattern(input.q);
    f.add(`(c.number LIKE ? ESCAPE '\\' OR c.title LIKE ? ESCAPE '\\' OR co.name LIKE ? ESCAPE '\\')`, like, like, like);
  }
  const from = `FROM containers c JOIN companies co ON co.id = c.company_id ${f.where()}`;
  return listPage(input, {
    sorts,
    defaultSort: { by: 'createdAt', direction: 'desc' },
    rows: (q) => ctx.sqlite.prepare<unknown[], Container>(`${selectSql} ${f.where()} ORDER BY ${q.orderBy('c.id')} LIMIT ? OFFSET ?`).all(...f.params, q.limit, q.offset),
    count: () => countUpTo(ctx, from, f.params),
  });
}
