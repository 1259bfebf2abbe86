// How a new notification is announced beyond the bell: by the operating system where the page may do so —
// in the desktop app its main process shows it (Electron's Notification, transport/ipc.ts), in a browser
// page in a secure context (localhost) whose user allowed it the page does — and otherwise as an in-app toast.

export interface AlertEnvironment {
  /** The desktop app's window (the preload's bridge is there). */
  desktopApp: boolean;
  /** window.isSecureContext: a page served from localhost or over HTTPS. */
  secureContext: boolean;
  /** The Notification API exists here. */
  supported: boolean;
  permission: 'default' | 'granted' | 'denied' | null;
}

/** host: the desktop app's main process shows it, the page does nothing. */
export type AlertChannel = 'host' | 'system' | 'toast';

export function alertChannel(env: AlertEnvironment): AlertChannel {
  // A system without notifications in the desktop app has none in its main process either.
  if (!env.supported) return 'toast';
  if (env.desktopApp) return 'host';
  return env.secureContext && env.permission === 'granted' ? 'system' : 'toast';
}

/** Whether to offer "turn on desktop notifications": a browser page that could, and was not answered yet. */
export function mayAskPermission(env: AlertEnvironment): boolean {
  return !env.desktopApp && env.supported && env.secureContext && env.permission === 'default';
}

export function currentEnvironment(): AlertEnvironment {
  const supported = typeof window !== 'undefined' && 'Notification' in window;
  return {
    desktopApp: typeof window !== 'undefined' && window.api !== undefined,
    secureContext: typeof window !== 'undefined' && window.isSecureContext,
    supported,
    permission: supported ? Notification.permission : null,
  };
}
