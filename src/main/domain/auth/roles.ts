// Roles (security levels: Purchasing, Approver, Warehouse, Technician, Sales, Read-only — the Administrator
// level is the user's administrator switch): named sets of permissions an administrator edits as a
// matrix and assigns, several per user. A user's permissions are their own plus their roles', so editing
// a role changes what its users may do at once (the door reads them on every call).
import type { Role } from '@shared/contract/auth';
import type { Permission } from '@shared/contract/define';
import { DomainError } from '@shared/errors';
import { prepared, type Ctx } from '../context';

interface RoleRow {
  id: number;
  key: string | null;
  name: string;
  permissions: string;
  userCount: number;
}

const toRole = (r: RoleRow): Role => ({ ...r, permissions: JSON.parse(r.permissions) as Role['permissions'] });

const roleSql = `SELECT r.id, r.key, r.name, r.permissions,
  (SELECT count(*) FROM user_roles ur JOIN users u ON u.id = ur.user_id WHERE ur.role_id = r.id AND u.active = 1) AS userCount FROM roles r`;

export function listRoles(ctx: Ctx): Role[] {
  // Built-in ones first, in the order the office knows them; then the office's own, by name.
  return prepared<[], RoleRow>(ctx, `${roleSql} ORDER BY r.key IS NULL, r.id`).all().map(toRole);
}

function requireRole(ctx: Ctx, id: number): Role {
  const row = prepared<[number], RoleRow>(ctx, `${roleSql} WHERE r.id = ?`).get(id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'role', id });
  return toRole(row);
}

export function saveRole(ctx: Ctx, input: { id?: number; name: string; permissions: Permission[] }): Role {
  const clash = prepared<[string, number], { id: number }>(ctx, `SELECT id FROM roles WHERE lower(name) = lower(?) AND id <> ?`).get(input.name, input.id ?? 0);
  if (clash) throw new DomainError('CONFLICT', { field: 'name', value: input.name });
  const permissions = JSON.stringify([...new Set(input.permissions)]);
  if (input.id === undefined) {
    const id = Number(prepared(ctx, `INSERT INTO roles (name, permissions, created_at) VALUES (?, ?, ?)`).run(input.name, permissions, ctx.now()).lastInsertRowid);
    return requireRole(ctx, id);
  }
  requireRole(ctx, input.id);
  prepared(ctx, `UPDATE roles SET name = ?, permissions = ? WHERE id = ?`).run(input.name, permissions, input.id);
  return requireRole(ctx, input.id);
}

export function deleteRole(ctx: Ctx, id: number): { ok: true } {
  const role = requireRole(ctx, id);
  if (role.key !== null) throw new DomainError('CONFLICT', { reason: 'builtinRole', name: role.name });
  const holders = prepared<[number], { n: number }>(ctx, `SELECT count(*) AS n FROM user_roles WHERE role_id = ?`).get(id)!.n;
  if (holders > 0) throw new DomainError('CONFLICT', { reason: 'roleInUse', name: role.name, count: holders });
  prepared(ctx, `DELETE FROM roles WHERE id = ?`).run(id);
  return { ok: true };
}

/** The roles a user holds and the permissions they give. */
export function rolesOf(ctx: Ctx, userId: number): { roleIds: number[]; permissions: Permission[] } {
  const rows = prepared<[number], { id: number; permissions: string }>(ctx, `SELECT r.id, r.permissions FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ? ORDER BY r.id`).all(userId);
  return { roleIds: rows.map((r) => r.id), permissions: [...new Set(rows.flatMap((r) => JSON.parse(r.permissions) as Permission[]))] };
}

/** Replaces the roles a user holds; each must exist. */
export function setRoles(ctx: Ctx, userId: number, roleIds: readonly number[]): void {
  const unique = [...new Set(roleIds)];
  for (const id of unique) requireRole(ctx, id);
  prepared(ctx, `DELETE FROM user_roles WHERE user_id = ?`).run(userId);
  const insert = prepared(ctx, `INSERT INTO user_roles (user_id, role_id) VALUES (?, ?)`);
  for (const id of unique) insert.run(userId, id);
}
