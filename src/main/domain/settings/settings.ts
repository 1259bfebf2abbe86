// Office settings, stored as one JSON value per key; unknown keys are ignored, missing ones take defaults.
// The next purchase order number lives in the counters table (it is what numbering increments); the SMTP
// password is stored encrypted by the app's secret box and never leaves the main process.
import type { ChannelOutput } from '@shared/contract';
import { setupSteps, type SetupStep, type Settings, type SmtpSettings } from '@shared/contract/settings';
import { defaultEnglishLocale } from '@shared/formats';
import { DomainError } from '@shared/errors';
import type { SmtpConfig } from '@main/mail/mailer';
import { settings } from '@main/db/schema';
import { peekCounter, prepared, takeCounter, type Ctx } from '../context';

export const PO_SERIES = 'PO';
const PO_START = 1001;
export const RMA_SERIES = 'RMA';
const RMA_START = 1001;

export const defaultSettings: Omit<Settings, 'poNextNumber' | 'rmaNextNumber'> = {
  companyName: '',
  // The brief's offices are Spanish and European: euros, and day-first English dates (see formats.ts).
  currency: 'EUR',
  englishLocale: defaultEnglishLocale,
  requireAdjustmentReason: false,
  defaultCostMethod: 'average',
  companyAddress: '',
  companyTaxId: '',
  companyEmail: '',
  companyPhone: '',
  companyLogo: null,
  defaultShipToAddress: '',
  poNumberPrefix: 'PO-',
  rmaNumberPrefix: 'RMA-',
  approvalThreshold: null,
  allowSelfApproval: false,
  approvalOverdueDays: 3,
  backOrderOverdueDays: 14,
  requireVendorInvoiceNumber: false,
  backupFolder: '',
  backupFrequency: 'daily',
  backupOnClose: true,
  backupKeepDaily: 7,
  backupKeepWeekly: 4,
};

function storedValues(ctx: Ctx): Record<string, unknown> {
  const rows = ctx.db.select().from(settings).all();
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

function storeValue(ctx: Ctx, key: string, value: unknown): void {
  const json = JSON.stringify(value);
  ctx.db.insert(settings).values({ key, value: json }).onConflictDoUpdate({ target: settings.key, set: { value: json } }).run();
}

export function getSettings(ctx: Ctx): Settings {
  const stored = storedValues(ctx);
  const result: Record<string, unknown> = { ...defaultSettings };
  for (const key of Object.keys(defaultSettings)) if (key in stored) result[key] = stored[key];
  return { ...(result as Omit<Settings, 'poNextNumber' | 'rmaNextNumber'>), poNextNumber: peekCounter(ctx, PO_SERIES, PO_START), rmaNextNumber: peekCounter(ctx, RMA_SERIES, RMA_START) };
}

export function updateSettings(ctx: Ctx, patch: Partial<Settings>): Settings {
  const { poNextNumber, rmaNextNumber, ...rest } = patch;
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) storeValue(ctx, key, value);
  const setCounter = ctx.sqlite.prepare('INSERT INTO counters (name, next) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET next = excluded.next');
  if (poNextNumber !== undefined) setCounter.run(PO_SERIES, poNextNumber - 1);
  if (rmaNextNumber !== undefined) setCounter.run(RMA_SERIES, rmaNextNumber - 1);
  return getSettings(ctx);
}

/** The next RMA number, e.g. "RMA-1001" (prefix and number from the settings). */
export function nextRmaNumber(ctx: Ctx): string {
  return `${getSettings(ctx).rmaNumberPrefix}${takeCounter(ctx, RMA_SERIES, RMA_START)}`;
}

/** The next purchase order number, e.g. "PO-1001" (prefix and number from the settings). */
export function nextPoNumber(ctx: Ctx): string {
  const prefix = getSettings(ctx).poNumberPrefix;
  return `${prefix}${takeCounter(ctx, PO_SERIES, PO_START)}`;
}

// SMTP ---------------------------------------------------------------------------------------

interface StoredSmtp {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  user: string;
  fromAddress: string;
  fromName: string;
  /** Encrypted by ctx.secrets; null when no password is stored. */
  password: string | null;
}

const SMTP_KEY = 'smtp';
const defaultSmtp: StoredSmtp = { host: '', port: 587, security: 'starttls', user: '', fromAddress: '', fromName: '', password: null };

function storedSmtp(ctx: Ctx): StoredSmtp {
  const value = storedValues(ctx)[SMTP_KEY] as Partial<StoredSmtp> | undefined;
  return { ...defaultSmtp, ...value };
}

export function getSmtpSettings(ctx: Ctx): SmtpSettings {
  const { password, ...rest } = storedSmtp(ctx);
  return { ...rest, passwordSet: password !== null, storage: ctx.secrets.kind };
}

export function updateSmtpSettings(
  ctx: Ctx,
  input: Omit<StoredSmtp, 'password'> & { password?: string | null },
): SmtpSettings {
  const current = storedSmtp(ctx);
  // Encrypt outside the transaction: it may touch the key file.
  const password = input.password === undefined ? current.password : input.password === null || input.password === '' ? null : ctx.secrets.encrypt(input.password);
  const value: StoredSmtp = { host: input.host, port: input.port, security: input.security, user: input.user, fromAddress: input.fromAddress, fromName: input.fromName, password };
  storeValue(ctx, SMTP_KEY, value);
  return getSmtpSettings(ctx);
}

/** Whether the office sends e-mail: an SMTP server and a sender are set (the password is not needed to know). */
export function mailConfigured(ctx: Ctx): boolean {
  const smtp = storedSmtp(ctx);
  return smtp.host.trim() !== '' && smtp.fromAddress.trim() !== '';
}

/** What the mailer needs; SMTP_NOT_CONFIGURED without a host or a sender address. */
export function smtpConfig(ctx: Ctx): SmtpConfig {
  const smtp = storedSmtp(ctx);
  if (!smtp.host || !smtp.fromAddress) throw new DomainError('SMTP_NOT_CONFIGURED');
  return {
    host: smtp.host,
    port: smtp.port,
    security: smtp.security,
    user: smtp.user || null,
    password: smtp.password === null ? null : ctx.secrets.decrypt(smtp.password),
    fromAddress: smtp.fromAddress,
    fromName: smtp.fromName || getSettings(ctx).companyName || null,
  };
}

/**
 * The first-run checklist as the data stands: each step is done when what it asks for exists, so the list
 * ticks itself off whichever screen (or import) did it.
 */
export function setupStatus(ctx: Ctx): ChannelOutput<'settings.setupStatus'> {
  const settings = getSettings(ctx);
  const counts = prepared<[], ChannelOutput<'settings.setupStatus'>['counts']>(
    ctx,
    `SELECT (SELECT count(*) FROM locations WHERE usage = 'internal' AND active = 1) AS locations, (SELECT count(*) FROM products) AS products,
            (SELECT count(*) FROM companies WHERE is_vendor = 1) AS vendors, (SELECT count(*) FROM companies WHERE is_client = 1) AS clients,
            (SELECT count(*) FROM users WHERE active = 1) AS users`,
  ).get()!;
  const smtp = getSmtpSettings(ctx);
  const done: Record<SetupStep, boolean> = {
    company: settings.companyName.trim() !== '' && settings.companyAddress.trim() !== '',
    locations: counts.locations > 0,
    products: counts.products > 0,
    vendors: counts.vendors > 0 && counts.clients > 0,
    users: counts.users > 1,
    smtp: smtp.host !== '' && smtp.fromAddress !== '',
    // Backups are on and go to a folder the office chose (another disk, a share), not only beside the database.
    backups: settings.backupFrequency !== 'off' && settings.backupFolder !== '',
  };
  return { steps: setupSteps.map((step) => ({ step, done: done[step] })), counts };
}
