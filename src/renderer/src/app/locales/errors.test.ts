// Every error code the main process can send must read as a full sentence in both languages, with
// the numbers and serials from its details filled in (never a raw key or "{{placeholder}}").
import i18next, { type Resource, type ResourceLanguage } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, type ErrorCode } from '@shared/errors';
import { ApiError } from '@renderer/lib/api';
import { translateError } from '@renderer/lib/errors';
import { resourcesEn, resourcesEs } from './resources';

/** Details as the main process sends them, and what the sentence must then show. */
const samples: Partial<Record<ErrorCode, [Record<string, unknown>, string[]][]>> = {
  VALIDATION: [
    [{ fields: [{ path: 'sku', code: 'too_small' }, { path: 'lines.0.qty', code: 'too_small' }] }, ['SKU']],
    [{ reason: 'repeatedLine', lines: [0, 3], fields: [{ path: 'lines.3.lineId', code: 'duplicate' }] }, ['1, 4']],
    [{ reason: 'amountOutOfRange', field: 'value' }, []],
    [{ reason: 'orderTotalTooLarge', field: 'total', max: 9007199254740991 }, []],
    [{ reason: 'tooManyLabels', labels: 2400, max: 2000 }, ['2400', '2000']],
    [{ reason: 'importRows', invalidRows: 3, rows: 120, errors: [] }, ['3', '120']],
    [{ reason: 'bodyTooLarge' }, []],
  ],
  CONFLICT: [
    [{ field: 'sku', value: 'LAP-01' }, ['LAP-01', 'SKU']],
    [{ reason: 'lastAdmin' }, []],
    [{ reason: 'rmaInUse', rmas: ['RMA-1001', 'RMA-1004'], rmaCount: 2 }, ['RMA-1001, RMA-1004']],
    [{ reason: 'serialAway', serial: 'SN-4', place: 'transit' }, ['SN-4']],
    [{ reason: 'serialAway', serial: 'SN-5', place: 'customer' }, ['SN-5']],
    [{ reason: 'serialAway', serial: 'SN-6', place: 'vendor' }, ['SN-6']],
    [{ field: 'locationId', reason: 'alreadyStocked' }, []],
    [{ reason: 'builtinRole', name: 'Technician' }, ['Technician']],
    [{ reason: 'roleInUse', name: 'Night shift', count: 3 }, ['Night shift', '3']],
    [{ reason: 'refillLoop', name: 'Van Tom' }, ['Van Tom']],
    [{ reason: 'noRefillSource', name: 'Van Ana' }, ['Van Ana']],
    [{ reason: 'refillSelf', name: 'Main warehouse' }, ['Main warehouse']],
    [{ reason: 'refillsOthers', name: 'Main warehouse', locations: ['Van Ana', 'Van Tom'], count: 2 }, ['Main warehouse', 'Van Ana, Van Tom']],
    [{ reason: 'refillOverSurplus', name: 'Main warehouse', sku: 'CAB-1M', surplus: 3, requested: 5 }, ['Main warehouse', 'CAB-1M', '3', '5']],
  ],
  INSUFFICIENT_STOCK: [[{ requested: 5, available: 2 }, ['5', '2']], [{ allocated: 3 }, ['3']], [{ requested: 4, available: 1, heldBy: ['CHG-1002', 'CHG-1005'] }, ['4', '1', 'CHG-1002, CHG-1005']]],
  DUPLICATE_SERIAL: [[{ serials: ['A1', 'B2'], within: 'list' }, ['A1, B2']], [{ serials: ['A1'], within: 'stock', count: 4 }, ['A1', '3']]],
  SERIAL_COUNT_MISMATCH: [[{ qty: 3, serials: 2 }, ['3', '2']]],
  SERIAL_NOT_FOUND: [[{ serials: ['X9'], count: 1 }, ['X9']], [{ serials: ['X8'], count: 1, transfer: 'TRF-1004' }, ['X8', 'TRF-1004']]],
  SERIAL_UNAVAILABLE: [
    [{ serial: 'SN-7', heldBy: 'reserved', document: { type: 'quoteItem', id: 12 } }, ['SN-7', '12']],
    [{ serial: 'SN-8', heldBy: 'picked', document: { type: 'charge', id: 40 } }, ['SN-8', '40']],
    [{ serial: 'SN-9', heldBy: 'picked', document: { type: 'charge', id: 41, number: 'CHG-1041' } }, ['SN-9', 'CHG-1041']],
    [{ serial: 'SN-10', heldBy: 'reserved', document: { type: 'rma', id: 3, number: 'RMA-1003' } }, ['SN-10', 'RMA-1003']],
  ],
  OVER_RESOLVE: [[{ number: 'VRT-1001', lineNo: 2, open: 3, requested: 5 }, ['VRT-1001', '2', '3', '5']]],
  SERIALIZED_HAS_STOCK: [[{ units: 4 }, ['4']]],
  TRACKED_HAS_STOCK: [[{ units: 6 }, ['6']]],
  NOT_TRACKED: [[{ number: 'CHG-1004' }, ['CHG-1004']], [{ productId: 3, sku: 'LIC-M365' }, ['LIC-M365']], [{ productId: 3 }, []]],
  OVER_PICK: [
    [{ number: 'CHG-1001', needed: 2, requested: 5 }, ['CHG-1001', '2', '5']],
    [{ number: 'CHG-1001', quantity: 1, picked: 2, delivered: 1 }, ['CHG-1001', '2', '1']],
  ],
  NOT_PICKED: [
    [{ number: 'CHG-1002', picked: 1, requested: 3 }, ['CHG-1002', '1', '3']],
    [{ number: 'CHG-1002', serials: ['SN-1', 'SN-2'], count: 2 }, ['CHG-1002', 'SN-1, SN-2']],
  ],
  NOT_RESERVED: [
    [{ number: 'OPP-1002', picked: 1, requested: 3 }, ['OPP-1002', '1', '3']],
    [{ number: 'OPP-1002', serials: ['SN-1'], count: 1 }, ['OPP-1002', 'SN-1']],
  ],
  CHARGE_DELIVERED: [[{ number: 'CHG-1003', deliveries: ['DLV-1001', 'DLV-1004'] }, ['CHG-1003', 'DLV-1001, DLV-1004']]],
  RECEIPT_DELIVERED: [[{ number: 'RCV-1003', deliveries: ['DLV-1002'] }, ['RCV-1003', 'DLV-1002']], [{}, []]],
  NOTHING_TO_ORDER: [[{ number: 'CHG-1010' }, ['CHG-1010']]],
  DELIVERED_BY_RECEIPT: [[{ number: 'DLV-1005', receiptNumber: 'RCV-1004' }, ['DLV-1005', 'RCV-1004']]],
  CONTAINER_CLOSED: [[{ number: 'TKT-1007' }, ['TKT-1007']]],
  COMPANY_MISMATCH: [[{ number: 'CHG-1009' }, ['CHG-1009']]],
  LOCATION_IN_USE: [
    [{ name: 'Van 2', units: 0, allocated: 0, shipments: 2 }, ['Van 2', '2']],[{ name: 'Van 1', units: 3, allocated: 0 }, ['Van 1', '3']], [{ name: 'Van 1', units: 3, allocated: 2 }, ['Van 1', '3', '2']]],
  LOCATION_IS_DEFAULT: [[{ name: 'Main' }, ['Main']]],
  LOCATION_FORBIDDEN: [[{ locationId: 9, name: 'Van Lucía' }, ['Van Lucía']], [{}, []]],
  LOCATION_VIRTUAL: [[{ name: 'Vendor' }, ['Vendor']]],
  LOCATION_INACTIVE: [[{ name: 'Old shelf' }, ['Old shelf']]],
  MIN_GREATER_THAN_MAX: [[{ min: 5, max: 2 }, ['5', '2']]],
  APPROVAL_REQUIRED: [
    [{ number: 'PO-1001', action: 'submit', threshold: 20_000_000 }, ['PO-1001']],
    [{ number: 'PO-1001', action: 'email', threshold: 20_000_000 }, ['PO-1001']],
    [{ number: 'PO-1001', action: 'edit', threshold: 20_000_000 }, ['PO-1001']],
  ],
  SELF_APPROVAL: [
    [{ number: 'PO-1002', role: 'creator' }, ['PO-1002']],
    [{ number: 'PO-1002', role: 'requester' }, ['PO-1002']],
  ],
  RATE_LIMITED: [[{ retryAfterMs: 3_500 }, ['4 s']], [{ retryAfterMs: 60_000 }, ['60 s']]],
  DATABASE_IN_USE: [[{ pid: 4242, host: 'office-pc', startedAt: 0 }, ['4242', 'office-pc']]],
  MAINTENANCE: [[{ reason: 'restore' }, []]],
  BACKUP_NEWER_SCHEMA: [[{ backupMigrations: 9, appMigrations: 6 }, ['9', '6']]],
  BACKUP_CORRUPT: [[{ reason: 'notADatabase' }, []], [{ reason: 'integrity', problems: ['x'] }, []], [{ reason: 'notInventory' }, []], [{ reason: 'migration' }, []], [{ reason: 'ledger', differences: 3 }, []], [{ reason: 'somethingNew' }, []]],
  BACKUP_FAILED: [[{ reason: 'folder', folder: '/srv/backups' }, ['/srv/backups']], [{ reason: 'write', cause: 'ENOSPC' }, []]],
  BARCODE_TOO_LONG: [[{ text: 'SN-0123456789-ABCDEFGHIJ', format: 'roll', symbology: 'code128', max: 285 }, ['SN-0123456789-ABCDEFGHIJ', 'QR']]],
  BARCODE_CHARACTERS: [[{ text: 'Almacén €uro ł', characters: ['ł'] }, ['Almacén €uro ł', 'QR']]],
  NO_BINS: [[{ locationId: 7, name: 'Furgoneta Lucía' }, ['Furgoneta Lucía']]],
  NOT_FOUND: [[{ entity: 'product', id: 3 }, []], [{ entity: 'backup', name: 'x.db' }, []]],
};

beforeAll(async () => {
  const resources: Resource = { en: {}, es: {} };
  for (const ns of ['common', 'errors'] as const) {
    resources.en![ns] = resourcesEn[ns] as ResourceLanguage;
    resources.es![ns] = resourcesEs[ns] as ResourceLanguage;
  }
  await i18next.init({ resources, lng: 'en', fallbackLng: false, ns: ['common', 'errors'], defaultNS: 'common', interpolation: { escapeValue: false } });
});

describe.each(['en', 'es'])('error messages in %s', (language) => {
  it.each([...errorCodes])('%s has a sentence for every shape of its details', async (code) => {
    await i18next.changeLanguage(language);
    // Every code must also read well when the details are missing.
    for (const [details, shown] of [...(samples[code] ?? []), [{}, []] as [Record<string, unknown>, string[]]]) {
      const text = translateError(new ApiError({ code, message: code, details }));
      expect(text.length).toBeGreaterThan(20);
      expect(text).not.toMatch(/\{\{|errors:|common:|undefined/);
      for (const part of shown) expect(text).toContain(part);
    }
  });
});

it('names invalid fields by the label the user saw, not by their path', async () => {
  await i18next.changeLanguage('en');
  const text = translateError(new ApiError({ code: 'VALIDATION', message: '', details: { fields: [{ path: 'lines.0.qty', code: 'too_small' }] } }));
  expect(text).toBe('Check these fields and try again: Quantity.');
});

it('names the serials that clash and how many more there are', async () => {
  await i18next.changeLanguage('en');
  const text = translateError(new ApiError({ code: 'DUPLICATE_SERIAL', message: '', details: { serials: ['SN-1', 'SN-2'], within: 'stock', count: 5 } }));
  expect(text).toContain('SN-1, SN-2');
  expect(text).toContain('3 more');
});

it('shows available and requested quantities in Spanish', async () => {
  await i18next.changeLanguage('es');
  const text = translateError(new ApiError({ code: 'INSUFFICIENT_STOCK', message: '', details: { requested: 7, available: 4 } }));
  expect(text).toBe('No hay suficiente existencia: 4 disponibles, 7 solicitadas. Reduzca la cantidad o elija otra ubicación.');
});

it('says which step an approval holds back, and why the approver must be someone else', async () => {
  await i18next.changeLanguage('en');
  const say = (code: ErrorCode, details: Record<string, unknown>) => translateError(new ApiError({ code, message: '', details }));
  expect(say('APPROVAL_REQUIRED', { number: 'PO-7', action: 'email' })).toBe('PO-7 is at or above the approval threshold: an approver must approve it before it is e-mailed to the vendor.');
  expect(say('APPROVAL_REQUIRED', { number: 'PO-7', action: 'submit' })).toContain('before it is submitted');
  expect(say('SELF_APPROVAL', { number: 'PO-7', role: 'requester' })).toBe('You asked for the approval of PO-7, so another approver must approve it.');
  await i18next.changeLanguage('es');
  expect(say('APPROVAL_REQUIRED', { number: 'PO-7', action: 'email' })).toContain('antes de enviarla por correo');
  expect(say('SELF_APPROVAL', { number: 'PO-7', role: 'creator' })).toBe('Usted creó PO-7, así que debe aprobarla otro aprobador.');
});
