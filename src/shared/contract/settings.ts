import { z } from 'zod';
import { englishLocales } from '../formats';
import { backupFrequencies } from './backups';
import { channel, documentMoney, empty } from './define';
import { modules } from './modules';

export const settingsSchema = z.object({
  companyName: z.string().trim().max(200),
  currency: z.string().regex(/^[A-Z]{3}$/),
  /**
   * How English screens and documents write dates and numbers: en-GB (31/12/2025, 14:05) or en-US
   * (12/31/2025, 2:05 PM); both write €1,234.56. Spanish ones are always es-ES (31/12/2025, 1.234,56 €).
   */
  englishLocale: z.enum(englishLocales),
  /**
   * Every manual stock change needs a reason: adding or removing stock, posting a stocktake with
   * differences, reversing an adjustment, transfer or stocktake, and cancelling a receipt.
   */
  requireAdjustmentReason: z.boolean(),
  defaultCostMethod: z.enum(['average', 'last', 'catalogue', 'manual']),
  // Letterhead of the documents (purchase orders).
  companyAddress: z.string().trim().max(1000),
  companyTaxId: z.string().trim().max(50),
  companyEmail: z.union([z.literal(''), z.email()]),
  companyPhone: z.string().trim().max(50),
  /** PNG or JPEG, base64, at most ~300 KB. */
  companyLogo: z.object({ mime: z.enum(['image/png', 'image/jpeg']), base64: z.string().max(400_000) }).nullable(),
  /** Printed as "Ship to" when a purchase order has no address of its own; empty = the letterhead address. */
  defaultShipToAddress: z.string().trim().max(1000),
  // Purchasing.
  poNumberPrefix: z.string().trim().max(20),
  /** The number the next purchase order gets. */
  poNextNumber: z.number().int().min(1).max(999_999_999),
  // RMA.
  rmaNumberPrefix: z.string().trim().max(20),
  /** The number the next RMA gets. */
  rmaNextNumber: z.number().int().min(1).max(999_999_999),
  /**
   * Purchase orders totalling at least this need an approval before they leave the office: until then
   * they are neither submitted nor e-mailed, and their PDF is marked as a draft. null = never.
   */
  approvalThreshold: documentMoney.nullable(),
  /** Whether the user who created a purchase order or asked for its approval may also approve it. */
  allowSelfApproval: z.boolean(),
  /** A charge or purchase order waiting for approval longer than this many days is marked overdue. */
  approvalOverdueDays: z.number().int().min(1).max(365),
  /** A back order (units a vendor still owes on a partly received line) older than this many days is marked overdue. */
  backOrderOverdueDays: z.number().int().min(1).max(365),
  /** Every receipt line must carry the vendor's invoice number. */
  requireVendorInvoiceNumber: z.boolean(),
  // Backups.
  /** Folder the backups go to, an absolute path on the computer holding the database; empty = `backups` beside the database. */
  backupFolder: z
    .string()
    .trim()
    .max(1000)
    .refine((v) => v === '' || v.startsWith('/') || /^[A-Za-z]:[\\/]/.test(v) || v.startsWith('\\\\'), { message: 'absolute path' }),
  /** How often the schedule backs up (at most once per calendar hour, day or week). */
  backupFrequency: z.enum(backupFrequencies),
  /** Back up when the app closes, if anything changed since the last backup. */
  backupOnClose: z.boolean(),
  /** Automatic backups kept: the newest of each of the last this many days that have one… */
  backupKeepDaily: z.number().int().min(1).max(366),
  /** …and of each of the last this many weeks. */
  backupKeepWeekly: z.number().int().min(0).max(520),
});
export type Settings = z.infer<typeof settingsSchema>;

/** The first-run checklist's steps, in the order an office does them. */
export const setupSteps = ['company', 'locations', 'products', 'vendors', 'users', 'smtp', 'backups'] as const;
export type SetupStep = (typeof setupSteps)[number];

export const smtpSecurity = ['tls', 'starttls', 'none'] as const;

const smtpFields = {
  host: z.string().trim().max(200),
  port: z.number().int().min(1).max(65_535),
  security: z.enum(smtpSecurity),
  user: z.string().trim().max(200),
  fromAddress: z.union([z.literal(''), z.email()]),
  fromName: z.string().trim().max(200),
};

export const smtpSettingsSchema = z.object({ ...smtpFields, passwordSet: z.boolean(), storage: z.enum(['keyFile', 'safeStorage']) });
export type SmtpSettings = z.infer<typeof smtpSettingsSchema>;

/** Which modules are on (Admin › Activations). */
export const activationsSchema = z.object(Object.fromEntries(modules.map((m) => [m, z.boolean()])) as Record<(typeof modules)[number], z.ZodBoolean>);

export const settingsContract = {
  'activations.get': channel({
    kind: 'query',
    reads: ['settings'],
    summary: 'Which modules are switched on: Inventory, Procurement (needs Inventory) and RMA.',
    permission: 'signedIn',
    input: empty,
    output: activationsSchema,
  }),
  'activations.set': channel({
    kind: 'mutation',
    changes: ['settings', 'stock', 'purchasing', 'sales', 'locations', 'catalog', 'auth'],
    summary:
      'Switches modules on or off (admin only). A module that is off hides its screens and every one of its channels answers MODULE_DISABLED; its data stays. Inventory cannot be off while Procurement is on; Procurement cannot be switched off while charges wait for approval or quotes hold reservations (the refusal names them).',
    permission: 'admin',
    input: activationsSchema.strict(),
    output: activationsSchema,
  }),
  'settings.setupStatus': channel({
    kind: 'query',
    reads: ['settings', 'locations', 'catalog', 'auth'],
    summary:
      "The first-run checklist (for administrators; others get no steps), each step done or not as the data stands: the office's name and letterhead, a location, products, a vendor and a client, another user, the SMTP server, where backups go; with the counts the empty screens need.",
    permission: 'signedIn',
    input: empty,
    output: z.object({
      steps: z.array(z.object({ step: z.enum(setupSteps), done: z.boolean() })),
      counts: z.object({ locations: z.number().int(), products: z.number().int(), vendors: z.number().int(), clients: z.number().int(), users: z.number().int() }),
    }),
  }),
  'settings.get': channel({
    kind: 'query',
    reads: ['settings'],
    summary: 'Reads the office settings (currency, letterhead, purchase order numbering, approval threshold, …).',
    permission: 'signedIn',
    input: empty,
    output: settingsSchema,
  }),
  'settings.update': channel({
    kind: 'mutation',
    changes: ['settings'],
    summary: 'Changes the office settings (admin only).',
    permission: 'admin',
    input: settingsSchema.partial().strict(),
    output: settingsSchema,
  }),
  'settings.getSmtp': channel({
    kind: 'query',
    reads: ['settings'],
    summary: 'The SMTP server used to e-mail documents; the password is never returned, only whether one is stored.',
    permission: 'admin',
    input: empty,
    output: smtpSettingsSchema,
  }),
  'settings.updateSmtp': channel({
    kind: 'mutation',
    changes: ['settings'],
    summary: 'Changes the SMTP server; the password is stored encrypted (omit it to keep the stored one, null to clear it).',
    permission: 'admin',
    input: z.object({ ...smtpFields, password: z.string().max(500).nullable().optional() }).strict(),
    output: smtpSettingsSchema,
  }),
  'settings.testSmtp': channel({
    kind: 'mutation',
    io: true,
    changes: [],
    summary: 'Sends a test message through the configured SMTP server.',
    permission: 'admin',
    input: z.object({ to: z.email() }).strict(),
    output: z.object({ messageId: z.string() }),
  }),
};
