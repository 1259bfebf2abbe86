import { reviewChargesForApproval } from '../domain/sales/charges';
import { getActivations, setActivations } from '../domain/settings/activations';
import type { authContract } from '@shared/contract/auth';
import type { settingsContract } from '@shared/contract/settings';
import { deleteRole, listRoles, saveRole } from '../domain/auth/roles';
import { DomainError } from '@shared/errors';
import { hashPassword } from '../domain/auth/password';
import { checkCredentials, checkCurrentPassword, createUser, demoUserCount, getUser, listUsers, setupFirstAdmin, storePassword, updateUser, userCount } from '../domain/auth/users';
import { getSettings, getSmtpSettings, setupStatus, smtpConfig, updateSettings, updateSmtpSettings } from '../domain/settings/settings';
import { sendMail } from '../mail/mailer';
import { ioHandler } from './io';
import type { PartialHandlerTable } from './types';

export const authHandlers: PartialHandlerTable<keyof typeof authContract | keyof typeof settingsContract> = {
  'auth.status': (_input, { ctx, user }) => ({ needsSetup: userCount(ctx) === 0, user, demo: demoUserCount(ctx) > 0 }),
  // Passwords are hashed before the write transaction (the `before` phase), never inside one.
  'auth.setup': ioHandler({
    before: async (input, call) => {
      // Checked before hashing too: a finished install must not hand out free scrypt runs.
      if (userCount(call.ctx) > 0) throw new DomainError('SETUP_DONE');
      return hashPassword(input.password, call.ctx.passwordCost);
    },
    write: (input, call, passwordHash) => {
      const user = setupFirstAdmin(call.ctx, { username: input.username, displayName: input.displayName, passwordHash });
      // In the same transaction: a demo that fails midway leaves no half-set-up install.
      if (input.loadDemoData) call.loadDemoData(user.id);
      return { user, token: call.sessions.create(user.id) };
    },
  }),
  'auth.login': ioHandler({
    before: (input, { ctx, throttle, address }) => checkCredentials(ctx, throttle, { username: input.username, password: input.password, address }),
    write: (_input, { sessions }, user) => ({ user, token: sessions.create(user.id) }),
  }),
  'auth.logout': (_input, { sessions, token }) => {
    if (token) sessions.end(token);
    return { ok: true as const };
  },
  'auth.changePassword': ioHandler({
    before: async (input, { ctx, user, throttle, address }) => {
      if (!user) throw new DomainError('UNAUTHENTICATED');
      await checkCurrentPassword(ctx, throttle, { userId: user.id, currentPassword: input.currentPassword, address });
      return { userId: user.id, passwordHash: await hashPassword(input.newPassword, ctx.passwordCost) };
    },
    write: (_input, { ctx, sessions, token }, { userId, passwordHash }) => {
      storePassword(ctx, userId, passwordHash);
      // Whoever else knew the old password is signed out; the caller stays signed in.
      sessions.endAllOf(userId, token);
      return { ok: true as const };
    },
  }),
  'users.list': (_input, { ctx }) => listUsers(ctx),
  'roles.list': (_input, { ctx }) => listRoles(ctx),
  'roles.save': (input, { ctx }) => saveRole(ctx, input),
  'roles.delete': (input, { ctx }) => deleteRole(ctx, input.id),
  'users.create': ioHandler({
    before: (input, { ctx }) => hashPassword(input.password, ctx.passwordCost),
    write: (input, { ctx }, passwordHash) =>
      createUser(ctx, {
        username: input.username,
        displayName: input.displayName,
        permissions: input.permissions,
        isAdmin: input.isAdmin,
        locationIds: input.locationIds,
        roleIds: input.roleIds,
        purchasingTeam: input.purchasingTeam,
        approvalLimitId: input.approvalLimitId,
        email: input.email,
        language: input.language,
        passwordHash,
      }),
  }),
  'users.update': (input, { ctx, sessions }) => {
    const user = updateUser(ctx, input);
    if (!user.active) sessions.endAllOf(user.id);
    return user;
  },
  'users.resetPassword': ioHandler({
    before: (input, { ctx }) => {
      // An unknown user is refused before any hashing.
      getUser(ctx, input.id);
      return hashPassword(input.newPassword, ctx.passwordCost);
    },
    write: (input, { ctx, sessions, token }, passwordHash) => {
      storePassword(ctx, input.id, passwordHash);
      // An administrator resetting their own password keeps the session they are using.
      sessions.endAllOf(input.id, token);
      return { ok: true as const };
    },
  }),
  'activations.get': (_input, { ctx }) => getActivations(ctx),
  'activations.set': (input, { ctx, actor }) => {
    const wasOn = getActivations(ctx).procurement;
    const now = setActivations(ctx, input);
    if (!wasOn && now.procurement) reviewChargesForApproval(ctx, actor.userId);
    return now;
  },
  'settings.get': (_input, { ctx }) => getSettings(ctx),
  // The checklist is the administrators' (it names the SMTP and backup set-up); the counts serve every empty screen.
  'settings.setupStatus': (_input, { ctx, actor }) => {
    const status = setupStatus(ctx);
    return actor.isAdmin ? status : { ...status, steps: [] };
  },
  'settings.update': (input, { ctx }) => updateSettings(ctx, input),
  'settings.getSmtp': (_input, { ctx }) => getSmtpSettings(ctx),
  'settings.updateSmtp': (input, { ctx }) => updateSmtpSettings(ctx, input),
  'settings.testSmtp': ioHandler({
    // Read in the short transaction; the SMTP conversation waits until it committed.
    write: (_input, { ctx }) => ({ companyName: getSettings(ctx).companyName, config: smtpConfig(ctx) }),
    after: async ({ companyName, config }, { input }) => {
      const sent = await sendMail(config, {
        to: [input.to],
        subject: `${companyName || 'MSP Inventory'}: test e-mail`,
        text: 'This message confirms that the inventory app can send e-mail through this SMTP server.\n\nEste mensaje confirma que la aplicación de inventario puede enviar correo a través de este servidor SMTP.',
      });
      return { messageId: sent.messageId };
    },
  }),
};
