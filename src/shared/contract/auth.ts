import { z } from 'zod';
import { channel, empty, id, ok, permissions, requiredText } from './define';

export const permissionSchema = z.enum(permissions);

export const userSchema = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  /** What the user may do: their own permissions and their roles' (every permission for an administrator). */
  permissions: z.array(permissionSchema),
  /** The permissions granted to the user directly, and the roles they hold. */
  ownPermissions: z.array(permissionSchema),
  roleIds: z.array(id),
  isAdmin: z.boolean(),
  active: z.boolean(),
  /** Member of the purchasing team (works the procurement queues). */
  purchasingTeam: z.boolean(),
  /** The approval tier the user approves up to; null = no limit (administrators always have none). */
  approvalLimitId: id.nullable(),
  /** Internal locations granted besides the user's own vans (location rights: without stock.anyLocation, only those). */
  locationIds: z.array(id),
  /** Where the user's notifications are e-mailed (none: not by e-mail). */
  email: z.string().nullable(),
  /** The language of the user's e-mails and desktop notifications. */
  language: z.enum(['es', 'en']),
});
export type User = z.infer<typeof userSchema>;

/** A role (security level): a named set of permissions; built-in ones have a key and cannot be deleted. */
export const roleSchema = z.object({
  id,
  key: z.string().nullable(),
  name: z.string(),
  /** Never `admin`: administering is the user's administrator switch. */
  permissions: z.array(permissionSchema.exclude(['admin'])),
  /** Active users holding it. */
  userCount: z.number().int(),
});
export type Role = z.infer<typeof roleSchema>;

const username = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[A-Za-z0-9._@-]+$/);
/** The desktop app is offline: the password rule is length, not composition. */
const newPassword = z.string().min(8).max(200);
/** An e-mail address, or none ('' or null both clear it). */
const userEmail = z.union([z.literal(''), z.email().max(200)]).nullable();

/** `token` is present over HTTP only: the desktop transport keeps it in the main process. */
const signedIn = z.object({ user: userSchema, token: z.string().optional() });

export const authContract = {
  'auth.status': channel({
    kind: 'query',
    reads: ['auth'],
    summary: 'Whether the first admin user must still be created, and who is signed in on this connection.',
    permission: 'public',
    input: empty,
    output: z.object({ needsSetup: z.boolean(), user: userSchema.nullable(), demo: z.boolean() }),
  }),
  'auth.setup': channel({
    kind: 'mutation',
    io: true,
    changes: ['auth'],
    summary: 'Creates the first admin user on an empty database (refused once any user exists) and signs in, like auth.login.',
    permission: 'public',
    input: z.object({ username, displayName: requiredText(100), password: newPassword, loadDemoData: z.boolean().default(false) }).strict(),
    output: signedIn,
  }),
  'auth.login': channel({
    kind: 'mutation',
    io: true,
    changes: [],
    summary:
      'Signs in with username and password. Over HTTP the answer sets the session cookie (browsers) and carries the session token (API clients send it as a Bearer token); the desktop app keeps the token in its main process and never returns it. Failed attempts are throttled: RATE_LIMITED with details.retryAfterMs.',
    permission: 'public',
    input: z.object({ username: z.string().trim().min(1).max(60), password: z.string().min(1).max(200) }).strict(),
    output: signedIn,
  }),
  'auth.logout': channel({
    kind: 'mutation',
    changes: [],
    summary: 'Ends the current session.',
    permission: 'signedIn',
    input: empty,
    output: ok,
  }),
  'auth.changePassword': channel({
    kind: 'mutation',
    io: true,
    changes: ['auth'],
    summary: 'Changes the signed-in user’s password after checking the current one (throttled like a sign-in); the user’s other sessions end.',
    permission: 'signedIn',
    input: z.object({ currentPassword: z.string().min(1).max(200), newPassword }).strict(),
    output: ok,
  }),
  'users.list': channel({
    kind: 'query',
    reads: ['auth'],
    summary: 'Lists every user (for owners of vans and the user filter of the history page).',
    permission: 'inventory.view',
    input: empty,
    output: z.array(userSchema),
  }),
  'users.create': channel({
    kind: 'mutation',
    io: true,
    changes: ['auth'],
    summary: 'Creates a user with a set of permissions (admin only).',
    permission: 'admin',
    input: z
      .object({
        username,
        displayName: requiredText(100),
        password: newPassword,
        permissions: z.array(permissionSchema).max(permissions.length),
        isAdmin: z.boolean().default(false),
        locationIds: z.array(id).max(500).default([]),
        roleIds: z.array(id).max(50).default([]),
        purchasingTeam: z.boolean().default(false),
        approvalLimitId: id.nullable().default(null),
        email: userEmail.default(null),
        language: z.enum(['es', 'en']).default('es'),
      })
      .strict(),
    output: userSchema,
  }),
  'users.update': channel({
    kind: 'mutation',
    changes: ['auth'],
    summary: 'Changes a user’s name, permissions, granted locations or active flag (admin only); the last active admin cannot lose admin. Deactivating ends the user’s sessions.',
    permission: 'admin',
    input: z
      .object({
        id,
        displayName: requiredText(100),
        permissions: z.array(permissionSchema).max(permissions.length),
        isAdmin: z.boolean(),
        active: z.boolean(),
        /** Left out: unchanged. */
        locationIds: z.array(id).max(500).optional(),
        roleIds: z.array(id).max(50).optional(),
        purchasingTeam: z.boolean().optional(),
        approvalLimitId: id.nullable().optional(),
        email: userEmail.optional(),
        language: z.enum(['es', 'en']).optional(),
      })
      .strict(),
    output: userSchema,
  }),
  'roles.list': channel({
    kind: 'query',
    reads: ['auth'],
    summary: 'The roles (security levels) with their permissions and how many users hold each (admin only).',
    permission: 'admin',
    input: empty,
    output: z.array(roleSchema),
  }),
  'roles.save': channel({
    kind: 'mutation',
    changes: ['auth'],
    summary: 'Creates a role, or renames one and changes its permissions (admin only); its users’ permissions change at once.',
    permission: 'admin',
    input: z.object({ id: id.optional(), name: requiredText(60), permissions: z.array(permissionSchema.exclude(['admin'])).max(permissions.length) }).strict(),
    output: roleSchema,
  }),
  'roles.delete': channel({
    kind: 'mutation',
    changes: ['auth'],
    summary: 'Deletes a role no user holds (admin only); built-in roles are kept.',
    permission: 'admin',
    input: z.object({ id }).strict(),
    output: ok,
  }),
  'users.resetPassword': channel({
    kind: 'mutation',
    io: true,
    changes: ['auth'],
    summary: 'Sets a new password for another user who forgot theirs (admin only); every session of that user ends.',
    permission: 'admin',
    input: z.object({ id, newPassword }).strict(),
    output: ok,
  }),
};
