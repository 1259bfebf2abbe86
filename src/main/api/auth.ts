import type { authContract } from '../../shared/contract/auth';
import type { settingsContract } from '../../shared/contract/settings';
import { DomainError } from '../../shared/errors';
import { hashPassword } from '../domain/auth/password';
import { changePassword, checkCredentials, createUser, demoUserCount, getUser, listUsers, setupFirstAdmin, storePassword, updateUser, userCount } from '../domain/auth/users';
import { getSettings, getSmtpSettings, smtpConfig, updateSettings, updateSmtpSettings } from '../domain/settings/settings';
import { sendMail } from '../mail/mailer';
import type { PartialHandlerTable } from './types';

export const authHandlers: PartialHandlerTable<keyof typeof authContract | keyof typeof settingsContract> = {
  'auth.status': (_input, { ctx, user }) => ({ needsSetup: userCount(ctx) === 0, user, demo: demoUserCount(ctx) > 0 }),
  // Passwords are hashed before the synchronous write, never inside a transaction.
  'auth.setup': async (input, call) => {
    // Checked before hashing too: a finished install must not hand out free scrypt runs.
    if (userCount(call.ctx) > 0) throw new DomainError('SETUP_DONE');
    const passwordHash = await hashPassword(input.password, call.ctx.passwordCost);
    const user = setupFirstAdmin(call.ctx, { username: input.username, displayName: input.displayName, passwordHash });
    if (input.loadDemoData) call.loadDemoData(user.id);
    return { user, token: call.sessions.create(user.id) };
  },
  'auth.login': async (input, { ctx, sessions, throttle, address }) => {
    const user = await checkCredentials(ctx, throttle, { username: input.username, password: input.password, address });
    return { user, token: sessions.create(user.id) };
  },
  'auth.logout': (_input, { sessions, token }) => {
    if (token) sessions.end(token);
    return { ok: true as const };
  },
  'auth.changePassword': async (input, { ctx, user, sessions, throttle, token, address }) => {
    if (!user) throw new DomainError('UNAUTHENTICATED');
    await changePassword(ctx, throttle, { userId: user.id, currentPassword: input.currentPassword, newPassword: input.newPassword, address });
    // Whoever else knew the old password is signed out; the caller stays signed in.
    sessions.endAllOf(user.id, token);
    return { ok: true as const };
  },
  'users.list': (_input, { ctx }) => listUsers(ctx),
  'users.create': async (input, { ctx }) => {
    const passwordHash = await hashPassword(input.password, ctx.passwordCost);
    return createUser(ctx, { username: input.username, displayName: input.displayName, permissions: input.permissions, isAdmin: input.isAdmin, passwordHash });
  },
  'users.update': (input, { ctx, sessions }) => {
    const user = updateUser(ctx, input);
    if (!user.active) sessions.endAllOf(user.id);
    return user;
  },
  'users.resetPassword': async (input, { ctx, sessions, token }) => {
    getUser(ctx, input.id);
    const passwordHash = await hashPassword(input.newPassword, ctx.passwordCost);
    storePassword(ctx, input.id, passwordHash);
    // An administrator resetting their own password keeps the session they are using.
    sessions.endAllOf(input.id, token);
    return { ok: true as const };
  },
  'settings.get': (_input, { ctx }) => getSettings(ctx),
  'settings.update': (input, { ctx }) => updateSettings(ctx, input),
  'settings.getSmtp': (_input, { ctx }) => getSmtpSettings(ctx),
  'settings.updateSmtp': (input, { ctx }) => updateSmtpSettings(ctx, input),
  'settings.testSmtp': async (input, { ctx }) => {
    const settings = getSettings(ctx);
    const sent = await sendMail(smtpConfig(ctx), {
      to: [input.to],
      subject: `${settings.companyName || 'MSP Inventory'}: test e-mail`,
      text: 'This message confirms that the inventory app can send e-mail through this SMTP server.\n\nEste mensaje confirma que la aplicación de inventario puede enviar correo a través de este servidor SMTP.',
    });
    return { messageId: sent.messageId };
  },
};
