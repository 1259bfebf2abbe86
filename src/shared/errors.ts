/** Stable error codes that cross the bridge; the renderer translates them (errors.<CODE>). */
export const errorCodes = [
  'VALIDATION',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'INSUFFICIENT_STOCK',
  'DUPLICATE_SERIAL',
  'SERIAL_COUNT_MISMATCH',
  'SERIAL_NOT_FOUND',
  'SERIAL_UNAVAILABLE',
  'SERIAL_REQUIRED',
  'SERIALS_NOT_ALLOWED',
  'SERIALIZED_HAS_STOCK',
  'COUNT_OPEN',
  'LOCATION_IN_USE',
  'LOCATION_IS_DEFAULT',
  'LOCATION_OWNED_CANNOT_BE_DEFAULT',
  'LOCATION_VIRTUAL',
  'LOCATION_INACTIVE',
  'MIN_GREATER_THAN_MAX',
  'REASON_REQUIRED',
  'COST_REQUIRED',
  'SAME_LOCATION',
  'ALREADY_REVERSED',
  'REVERSAL_BLOCKED',
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'SETUP_DONE',
  'MODULE_DISABLED',
  'APPROVAL_REQUIRED',
  'SELF_APPROVAL',
  /** The approver's limit does not cover the amount (details: number, total, limitName, limitUpTo, needed — the smallest tier that does). */
  'APPROVAL_LIMIT',
  'OVER_RECEIPT',
  'INVOICE_REQUIRED',
  'VENDOR_NOT_LINKED',
  'PO_EMPTY',
  'SMTP_NOT_CONFIGURED',
  'MAIL_FAILED',
  'SECRET_UNAVAILABLE',
  /** Another process owns the database file (its lock file names it). */
  'DATABASE_IN_USE',
  /** The host is restoring a backup: every other call waits for the restore and a reload. */
  'MAINTENANCE',
  /** The backup was made by a newer version of the app (more migrations than this one knows). */
  'BACKUP_NEWER_SCHEMA',
  /** The backup is damaged or not an inventory database (details.reason says which check refused it). */
  'BACKUP_CORRUPT',
  /** A backup could not be written (details.reason: the folder, the disk). */
  'BACKUP_FAILED',
  /** A product with units on hand cannot stop being tracked in stock. */
  'TRACKED_HAS_STOCK',
  /** Stock of a product not tracked in stock (a licence, a service) was asked for. */
  'NOT_TRACKED',
  /** More units than the charge still needs (details: needed, requested). */
  'OVER_PICK',
  /** Units to deliver or unpick that are not picked for the charge (details: picked, requested, serials). */
  'NOT_PICKED',
  'NOT_RESERVED',
  /** The charge has deliveries: reverse them first (details: number, deliveries). */
  'CHARGE_DELIVERED',
  /** The container is closed: no new charges (details: number). */
  'CONTAINER_CLOSED',
  /** One delivery goes to one client company (details: companies). */
  'COMPANY_MISMATCH',
  /** The charge has nothing left to order: picked, delivered or on purchase orders already (details: number). */
  'NOTHING_TO_ORDER',
  /** A receipt's units were delivered to a client: reverse those deliveries first (details: number, deliveries). */
  'RECEIPT_DELIVERED',
  /** A delivery made by a receipt straight to the client is undone by cancelling the receipt (details: number, receiptNumber). */
  'DELIVERED_BY_RECEIPT',
  /** The user may not work at that location: not their van, not granted to them (details: locationId, name). */
  'LOCATION_FORBIDDEN',
  /** The location holds units without offering them (a returns shelf, quarantine): nothing is reserved or picked there (details: locationId, name; reason 'default': it cannot be the default). */
  'LOCATION_NOT_OFFERED',
  /** The product is not eligible for RMA (details: sku, serial). */
  'NOT_ELIGIBLE_FOR_RMA',
  /** More units than the client still holds of the charge: delivered minus already returned (details: number, returnable, requested). */
  'OVER_RETURN',
  /** The device or serial is not at the client to come back: returned already, voided, another charge's (details: serial(s), status, number). */
  'NOT_RETURNABLE',
  /** More units answered for on a vendor return line than the vendor still has of it (details: number, line, open, requested). */
  'OVER_RESOLVE',
  /** A Code 128 label cannot hold the code legibly at its size: too many characters (details: text, format, max — the most modules that fit). QR holds it. */
  'BARCODE_TOO_LONG',
  /** Code 128 holds Latin-1 characters only (details: text, characters). QR holds any. */
  'BARCODE_CHARACTERS',
  /** Labels for the bins of a location none of whose inventory products has a bin (details: locationId, name). */
  'NO_BINS',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorData {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** Thrown by the domain; transports turn it into `{ ok: false, error }`. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: ErrorCode, details: Record<string, unknown> = {}, message?: string) {
    super(message ?? code);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorData };
