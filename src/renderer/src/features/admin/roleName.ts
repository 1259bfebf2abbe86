import type { TFunction } from 'i18next';
import type { Role } from '@shared/contract/auth';

/** A built-in role in the user's language (its key), an office's own role by the name it was given. */
export function roleName(t: TFunction<readonly ['admin', 'common']> | TFunction<'admin'>, role: Pick<Role, 'key' | 'name'>): string {
  return role.key ? (t as TFunction<'admin'>)(`roles.builtin.${role.key}` as never, { defaultValue: role.name }) : role.name;
}
