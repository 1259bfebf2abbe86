import type { notificationsContract } from '@shared/contract/notifications';
import { eventSettings, saveEventSettings } from '../domain/notifications/config';
import { listNotifications, listOutbox, markRead, mySettings, retryMail, saveMySettings, unreadCount } from '../domain/notifications/notifications';
import type { PartialHandlerTable } from './types';

export const notificationHandlers: PartialHandlerTable<keyof typeof notificationsContract> = {
  'notifications.unreadCount': (_input, { ctx, actor }) => unreadCount(ctx, actor),
  'notifications.list': (input, { ctx, actor }) => listNotifications(ctx, actor, input),
  'notifications.markRead': (input, { ctx, actor }) => markRead(ctx, actor, input),
  'notifications.mySettings': (_input, { ctx, actor }) => mySettings(ctx, actor),
  'notifications.saveMySettings': (input, { ctx, actor }) => saveMySettings(ctx, actor, input),
  'notifications.settings': (_input, { ctx }) => eventSettings(ctx),
  'notifications.saveSettings': (input, { ctx }) => saveEventSettings(ctx, input.events),
  'notifications.outbox': (input, { ctx }) => listOutbox(ctx, input),
  'notifications.retryMail': (input, { ctx }) => retryMail(ctx, input),
};
