import type { authContract } from '../../shared/contract/auth';
import type { settingsContract } from '../../shared/contract/settings';
import { DomainError } from '../../shared/errors';
import { changePassword, checkCredentials, createUser, demoUserCount, listUsers, setupFirstAdmin, updateUser, userCount } from '../domain/auth/users';
import { getSettings, getSmtpSettings, smtpConfig, updateSettings, updateSmtpSettings } from '../domain/settings/settings';
import { sendMail } from '../mail/mailer';
import type { PartialHandlerTable } from './types';

export const authHandlers: PartialHandlerTable<keyof typeof authContract | keyof typeof settingsContract> = {
  'auth.status': (_input, { ctx, user }) => ({ needsSetup: userCount(ctx) === 0, user, demo: demoUserCount(ctx) > 0 }),
  'auth.setup': (input, call) => {
    const user = setupFirstAdmin(call.ctx, input);
    if (input.loadDemoData) call.loadDemoData(user.id);
    return { user, token: call.sessions.create(user.id) };
  },
  'auth.login': (input, { ctx, sessions }) => {
    const user = checkCredentials(ctx, input.username, input.password);
    return { user, token: sessions.create(user.id) };
  },
  'auth.logout': (_input, { sessions, token }) => {
    if (token) sessions.end(token);
    return { ok: true as const };
  },
  'auth.changePassword': (input, { ctx, user }) => {
    if (!user) throw new DomainError('UNAUTHENTICATED');
    changePassword(ctx, user.id, input.currentPassword, input.newPassword);
    return { ok: true as const };
  },
  'users.list': (_input, { ctx }) => listUsers(ctx),
  'users.create': (input, { ctx }) => createUser(ctx, input),
  'users.update': (input, { ctx }) => updateUser(ctx, input),
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
