// notify.success(messageKey, values?) shows a translated confirmation ("common:saved" or any
// "<namespace>:<key>"); notify.info(messageKey) for neutral news; notify.error(err) shows the translated refusal of an ApiError (its code and
// details, see errors.ts). Use these instead of @mantine/notifications directly so all feedback looks
// and reads the same.
import { notifications } from '@mantine/notifications';
import i18next from 'i18next';
import { translateError } from './errors';
import { translateKey } from './translation';

/** The confirmation on screen now: a new one takes its place rather than stacking above it. */
let shownSuccess: string | null = null;

export const notify = {
  success(messageKey: string, values?: Record<string, unknown>): void {
    // Stacked, two confirmations (two saves in a row) rise out of the bottom band dialogs keep clear of
    // (app.css --app-toast-band) and cover the buttons of the next dialog the clerk opens.
    if (shownSuccess !== null) notifications.hide(shownSuccess);
    shownSuccess = notifications.show({
      color: 'teal',
      message: translateKey(messageKey, { ...values, interpolation: { escapeValue: false } }),
      autoClose: 3000,
    });
  },
  /** Neutral news that needs no action (e.g. a session that ended). */
  info(messageKey: string, values?: Record<string, unknown>): void {
    notifications.show({ color: 'blue', message: translateKey(messageKey, values), autoClose: 5000 });
  },
  error(err: unknown): void {
    notifications.show({
      color: 'red',
      title: i18next.t('common:errorTitle'),
      message: translateError(err),
      autoClose: 8000,
    });
  },
  /** Takes every message off the screen: what was said to one user is not left for the next to read. */
  clear(): void {
    notifications.clean();
  },
};
