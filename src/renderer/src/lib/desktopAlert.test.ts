// Which way a new notification is announced, for each place the app runs.
import { describe, expect, it } from 'vitest';
import { alertChannel, mayAskPermission, type AlertEnvironment } from './desktopAlert';

const browser = (over: Partial<AlertEnvironment> = {}): AlertEnvironment => ({ desktopApp: false, secureContext: true, supported: true, permission: 'default', ...over });

describe('alertChannel', () => {
  it.each([
    ['the desktop app (its main process shows it)', { desktopApp: true, secureContext: false, permission: 'default' as const }, 'host'],
    ['localhost, allowed', { permission: 'granted' as const }, 'system'],
    ['localhost, not asked yet', { permission: 'default' as const }, 'toast'],
    ['localhost, refused', { permission: 'denied' as const }, 'toast'],
    ['a LAN address over plain HTTP, allowed before', { secureContext: false, permission: 'granted' as const }, 'toast'],
    ['a browser without the API', { supported: false, permission: null }, 'toast'],
    ['the desktop app without the API', { desktopApp: true, supported: false, permission: null }, 'toast'],
  ])('%s', (_name, over, expected) => {
    expect(alertChannel(browser(over))).toBe(expected);
  });
});

describe('mayAskPermission', () => {
  it('offers to turn system notifications on only in a secure browser page not yet answered', () => {
    expect(mayAskPermission(browser())).toBe(true);
    expect(mayAskPermission(browser({ permission: 'granted' }))).toBe(false);
    expect(mayAskPermission(browser({ permission: 'denied' }))).toBe(false);
    expect(mayAskPermission(browser({ secureContext: false }))).toBe(false);
    expect(mayAskPermission(browser({ desktopApp: true }))).toBe(false);
    expect(mayAskPermission(browser({ supported: false, permission: null }))).toBe(false);
  });
});
