// translateError(err) → a sentence a clerk can act on, from an ApiError's stable code and details
// (namespace `errors` in src/app/locales/errors.ts). notify.error and forms both use it, so every
// screen words a refusal the same way. Unknown throwables read as INTERNAL.
import i18next from 'i18next';
import { ApiError } from './api';

type Details = Record<string, unknown>;

function list(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(', ') : '';
}

/** Field names come from the contract's paths; `common:fields.<path>` gives the label a user saw. */
export function fieldLabel(path: string): string {
  const leaf = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? path;
  return i18next.t(`common:fields.${leaf}`, { defaultValue: leaf });
}

function fieldsOf(details: Details): string[] {
  const fields = details.fields;
  if (Array.isArray(fields)) return fields.map((f) => fieldLabel(String((f as { path?: unknown }).path ?? '')));
  if (typeof details.field === 'string') return [fieldLabel(details.field)];
  return [];
}

/** The document holding a unit (SERIAL_UNAVAILABLE), as `{ type, id, number? }`. */
function holder(value: unknown): { type: string; id: number; number: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { type, id, number } = value as { type?: unknown; id?: unknown; number?: unknown };
  return typeof type === 'string' && typeof id === 'number' ? { type, id, number: typeof number === 'string' ? number : String(id) } : null;
}

/** Picks the most specific key the details allow, so a message never shows an empty placeholder. */
function keyFor(code: string, d: Details): string {
  switch (code) {
    case 'VALIDATION':
      if (d.reason === 'repeatedLine' && Array.isArray(d.lines)) return 'VALIDATION_repeatedLine';
      if (d.reason === 'amountOutOfRange') return 'VALIDATION_amountOutOfRange';
      if (d.reason === 'orderTotalTooLarge') return 'VALIDATION_orderTotalTooLarge';
      if (d.reason === 'importRows' && typeof d.invalidRows === 'number') return 'VALIDATION_importRows';
      if (d.reason === 'bodyTooLarge') return 'VALIDATION_bodyTooLarge';
      if (d.reason === 'tooManyLabels' && typeof d.labels === 'number' && typeof d.max === 'number') return 'VALIDATION_tooManyLabels';
      return fieldsOf(d).length > 0 ? 'VALIDATION_fields' : 'VALIDATION';
    case 'CONFLICT':
      if (d.reason === 'lastAdmin') return 'CONFLICT_lastAdmin';
      if (d.reason === 'alreadyStocked') return 'CONFLICT_alreadyStocked';
      if ((d.reason === 'builtinRole' || d.reason === 'roleInUse' || d.reason === 'limitInUse') && typeof d.name === 'string') return `CONFLICT_${d.reason}`;
      if (d.reason === 'moduleNeeds' && typeof d.module === 'string' && typeof d.needs === 'string') return 'CONFLICT_moduleNeeds';
      if (d.reason === 'procurementInUse') return 'CONFLICT_procurementInUse';
      if (d.reason === 'rmaInUse' && Array.isArray(d.rmas)) return 'CONFLICT_rmaInUse';
      if (d.reason === 'serialAway' && typeof d.serial === 'string' && ['transit', 'customer', 'vendor'].includes(String(d.place))) return `CONFLICT_serialAway_${String(d.place)}`;
      if (d.reason === 'rmaOpen' && typeof d.number === 'string') return 'CONFLICT_rmaOpen';
      if ((d.reason === 'refillLoop' || d.reason === 'noRefillSource' || d.reason === 'refillSelf') && typeof d.name === 'string') return `CONFLICT_${d.reason}`;
      if (d.reason === 'refillsOthers' && typeof d.name === 'string' && Array.isArray(d.locations)) return 'CONFLICT_refillsOthers';
      if (d.reason === 'refillOverSurplus' && typeof d.name === 'string' && typeof d.sku === 'string' && typeof d.surplus === 'number') return 'CONFLICT_refillOverSurplus';
      return typeof d.field === 'string' && d.value !== undefined ? 'CONFLICT_field' : 'CONFLICT';
    case 'NOT_FOUND':
      return typeof d.entity === 'string' ? 'NOT_FOUND_entity' : 'NOT_FOUND';
    case 'INSUFFICIENT_STOCK':
      if (typeof d.requested === 'number' && typeof d.available === 'number') return Array.isArray(d.heldBy) && d.heldBy.length > 0 ? 'INSUFFICIENT_STOCK_held' : 'INSUFFICIENT_STOCK_counts';
      if (typeof d.allocated === 'number') return 'INSUFFICIENT_STOCK_allocated';
      return 'INSUFFICIENT_STOCK';
    case 'DUPLICATE_SERIAL':
      if (!Array.isArray(d.serials)) return code;
      return d.within === 'list' ? 'DUPLICATE_SERIAL_list' : 'DUPLICATE_SERIAL_stock';
    case 'SERIAL_COUNT_MISMATCH':
      return typeof d.qty === 'number' && typeof d.serials === 'number' ? 'SERIAL_COUNT_MISMATCH_counts' : 'SERIAL_COUNT_MISMATCH';
    case 'SERIAL_NOT_FOUND':
      if (Array.isArray(d.serials) && typeof d.transfer === 'string') return 'SERIAL_NOT_FOUND_transfer';
      return Array.isArray(d.serials) ? 'SERIAL_NOT_FOUND_list' : code;
    case 'SERIAL_UNAVAILABLE':
      if (typeof d.serial === 'string' && holder(d.document)?.type === 'rma') return 'SERIAL_UNAVAILABLE_rma';
      return typeof d.serial === 'string' && (d.heldBy === 'reserved' || d.heldBy === 'picked') && holder(d.document) ? `SERIAL_UNAVAILABLE_${d.heldBy}` : code;
    case 'SERIALIZED_HAS_STOCK':
      return typeof d.units === 'number' ? 'SERIALIZED_HAS_STOCK_units' : 'SERIALIZED_HAS_STOCK';
    case 'TRACKED_HAS_STOCK':
      return typeof d.units === 'number' ? 'TRACKED_HAS_STOCK_units' : code;
    case 'NOT_TRACKED':
      if (typeof d.sku === 'string') return 'NOT_TRACKED_sku';
      return typeof d.number === 'string' ? `${code}_number` : code;
    case 'CONTAINER_CLOSED':
    case 'COMPANY_MISMATCH':
      return typeof d.number === 'string' ? `${code}_number` : code;
    case 'OVER_PICK':
      if (typeof d.number !== 'string') return code;
      if (typeof d.needed === 'number' && typeof d.requested === 'number') return 'OVER_PICK_counts';
      return typeof d.quantity === 'number' && typeof d.picked === 'number' && typeof d.delivered === 'number' ? 'OVER_PICK_quantity' : code;
    case 'NOT_PICKED':
    case 'NOT_RESERVED':
      if (typeof d.number !== 'string') return code;
      if (Array.isArray(d.serials)) return `${code}_serials`;
      return typeof d.picked === 'number' && typeof d.requested === 'number' ? `${code}_counts` : code;
    case 'CHARGE_DELIVERED':
    case 'RECEIPT_DELIVERED':
      return typeof d.number === 'string' && Array.isArray(d.deliveries) && d.deliveries.length > 0 ? `${code}_list` : code;
    case 'NOTHING_TO_ORDER':
      return typeof d.number === 'string' ? `${code}_number` : code;
    case 'DELIVERED_BY_RECEIPT':
      return typeof d.number === 'string' && typeof d.receiptNumber === 'string' ? `${code}_number` : code;
    case 'LOCATION_IN_USE':
      if (typeof d.name !== 'string') return code;
      if (typeof d.shipments === 'number' && d.shipments > 0) return 'LOCATION_IN_USE_shipments';
      return typeof d.allocated === 'number' && d.allocated > 0 ? 'LOCATION_IN_USE_allocated' : 'LOCATION_IN_USE_named';
    case 'LOCATION_IS_DEFAULT':
    case 'LOCATION_FORBIDDEN':
    case 'LOCATION_VIRTUAL':
    case 'LOCATION_INACTIVE':
      return typeof d.name === 'string' ? `${code}_named` : code;
    case 'MIN_GREATER_THAN_MAX':
      return typeof d.min === 'number' && typeof d.max === 'number' ? 'MIN_GREATER_THAN_MAX_values' : code;
    case 'OVER_RECEIPT':
      return typeof d.outstanding === 'number' && typeof d.requested === 'number' ? 'OVER_RECEIPT_counts' : code;
    case 'MAIL_FAILED':
      return typeof d.reason === 'string' ? 'MAIL_FAILED_reason' : code;
    case 'REVERSAL_BLOCKED':
      if (!Array.isArray(d.items) || typeof d.number !== 'string') return code;
      if (d.reason === 'returns' || d.reason === 'rma') return `REVERSAL_BLOCKED_${d.reason}`;
      return 'REVERSAL_BLOCKED_items';
    case 'LOCATION_NOT_OFFERED':
      if (typeof d.name !== 'string') return code;
      return d.reason === 'default' ? 'LOCATION_NOT_OFFERED_default' : 'LOCATION_NOT_OFFERED_named';
    case 'NOT_ELIGIBLE_FOR_RMA':
      return typeof d.sku === 'string' && typeof d.serial === 'string' ? 'NOT_ELIGIBLE_FOR_RMA_named' : code;
    case 'OVER_RESOLVE':
      return typeof d.number === 'string' && typeof d.lineNo === 'number' && typeof d.open === 'number' && typeof d.requested === 'number' ? 'OVER_RESOLVE_counts' : code;
    case 'OVER_RETURN':
      return typeof d.number === 'string' && typeof d.returnable === 'number' && typeof d.requested === 'number' ? 'OVER_RETURN_counts' : code;
    case 'NOT_RETURNABLE':
      if (typeof d.serial === 'string') return 'NOT_RETURNABLE_serial';
      if (typeof d.number === 'string' && Array.isArray(d.serials)) return 'NOT_RETURNABLE_serials';
      return typeof d.number === 'string' ? 'NOT_RETURNABLE_kind' : code;
    case 'APPROVAL_REQUIRED':
      return typeof d.number === 'string' && (d.action === 'submit' || d.action === 'email' || d.action === 'edit') ? `APPROVAL_REQUIRED_${d.action}` : code;
    case 'SELF_APPROVAL':
      return typeof d.number === 'string' && (d.role === 'creator' || d.role === 'requester') ? `SELF_APPROVAL_${d.role}` : code;
    case 'APPROVAL_LIMIT':
      if (typeof d.number !== 'string' || typeof d.limitName !== 'string') return code;
      return typeof d.needed === 'string' ? 'APPROVAL_LIMIT_needed' : 'APPROVAL_LIMIT_admin';
    case 'FORBIDDEN':
      return typeof d.permission === 'string' ? 'FORBIDDEN_permission' : 'FORBIDDEN';
    case 'RATE_LIMITED':
      return typeof d.retryAfterMs === 'number' ? 'RATE_LIMITED_wait' : code;
    case 'DATABASE_IN_USE':
      return typeof d.host === 'string' && typeof d.pid === 'number' ? 'DATABASE_IN_USE_holder' : code;
    case 'BACKUP_NEWER_SCHEMA':
      return typeof d.backupMigrations === 'number' && typeof d.appMigrations === 'number' ? 'BACKUP_NEWER_SCHEMA_counts' : code;
    case 'BACKUP_CORRUPT':
      return ['notADatabase', 'integrity', 'notInventory', 'migration', 'ledger'].includes(String(d.reason)) ? `BACKUP_CORRUPT_${String(d.reason)}` : code;
    case 'BARCODE_TOO_LONG':
    case 'BARCODE_CHARACTERS':
      return typeof d.text === 'string' ? `${code}_named` : code;
    case 'NO_BINS':
      return typeof d.name === 'string' ? 'NO_BINS_named' : code;
    case 'BACKUP_FAILED':
      return d.reason === 'folder' && typeof d.folder === 'string' ? 'BACKUP_FAILED_folder' : code;
    default:
      return code;
  }
}

/** What still needs Procurement (CONFLICT procurementInUse): the charges waiting and the quotes holding stock, named. */
function procurementWork(d: Details): string {
  const parts: string[] = [];
  if (typeof d.chargeCount === 'number' && d.chargeCount > 0) parts.push(i18next.t('errors:procurementWork_charges', { count: d.chargeCount, list: list(d.charges) }));
  if (typeof d.orderCount === 'number' && d.orderCount > 0) parts.push(i18next.t('errors:procurementWork_orders', { count: d.orderCount, list: list(d.orders) }));
  if (typeof d.quoteCount === 'number' && d.quoteCount > 0) parts.push(i18next.t('errors:procurementWork_quotes', { count: d.quoteCount, list: list(d.quotes) }));
  return parts.join('; ');
}

export function translateError(err: unknown): string {
  if (!(err instanceof ApiError)) return i18next.t('errors:INTERNAL');
  if (err.code === 'INTERNAL' && err.message === 'network') return i18next.t('errors:NETWORK');
  const d = err.details;
  const shown = Array.isArray(d.serials) ? d.serials : Array.isArray(d.items) ? d.items : null;
  const more = typeof d.count === 'number' && shown && d.count > shown.length ? d.count - shown.length : 0;
  const held = holder(d.document);
  return i18next.t(`errors:${keyFor(err.code, d)}`, {
    ...d,
    // A list of serials is shown joined; a count of serials (SERIAL_COUNT_MISMATCH) as it is.
    serials: Array.isArray(d.serials) ? list(d.serials) : d.serials,
    items: list(d.items),
    deliveries: list(d.deliveries),
    rmas: list(d.rmas),
    locations: list(d.locations),
    // Line indexes are 0-based in details; a user counts lines from 1.
    lines: Array.isArray(d.lines) ? d.lines.map((n) => (typeof n === 'number' ? n + 1 : n)).join(', ') : '',
    document: held ? i18next.t(`errors:holders.${held.type}`, { id: held.id, number: held.number, defaultValue: `${held.type} ${held.number}` }) : '',
    heldBy: list(d.heldBy),
    fields: fieldsOf(d).join(', '),
    field: typeof d.field === 'string' ? fieldLabel(d.field) : '',
    entity: typeof d.entity === 'string' ? i18next.t(`errors:entities.${d.entity}`, { defaultValue: d.entity }) : '',
    permission: typeof d.permission === 'string' ? i18next.t(`common:permissions.${d.permission}`, { defaultValue: d.permission }) : '',
    more: more > 0 ? i18next.t('errors:andMore', { count: more }) : '',
    module: typeof d.module === 'string' ? i18next.t(`common:modules.${d.module}`, { defaultValue: d.module }) : '',
    needs: typeof d.needs === 'string' ? i18next.t(`common:modules.${d.needs}`, { defaultValue: d.needs }) : '',
    work: procurementWork(d),
    // Whole seconds, rounded up: "wait 0 s" would invite a retry that is refused again.
    seconds: typeof d.retryAfterMs === 'number' ? Math.max(1, Math.ceil(d.retryAfterMs / 1000)) : '',
    defaultValue: i18next.t('errors:INTERNAL'),
    interpolation: { escapeValue: false },
  });
}
