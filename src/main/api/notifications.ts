import type { notificationsContract } from '@shared/contract/notifications';
import { listNotifications, markRead, unreadCount } from '../domain/notifications/notifications';
import type { PartialHandlerTable } from './types';

export const notificationHandlers: PartialHandlerTable<keyof typeof notificationsContract> = {
  'notifications.unreadCount': (_input, { ctx, actor }) => unreadCount(ctx, actor),
  'notifications.list': (input, { ctx, actor }) => listNotifications(ctx, actor, input),
  'notifications.markRead': (input, { ctx, actor }) => markRead(ctx, actor, input),
};
