// One row's problem as a sentence: the import's own codes from the `imports` namespace, with the field's
// label; a refusal of the domain (REASON_REQUIRED, LOCATION_VIRTUAL…) worded as the channel's own error.
import type { ImportRowError } from '@shared/contract/imports';
import { ApiError } from '@renderer/lib/api';
import { translateError } from '@renderer/lib/errors';
import { translateKey } from '@renderer/lib/translation';

/** `inFile` turns a row as sent into its number in the file (blank rows of the file counted). */
export function rowErrorText(error: ImportRowError, fieldLabel: (field: string) => string, inFile: (row: number) => number = (row) => row): string {
  const field = error.field ? fieldLabel(error.field) : '';
  if (/^[A-Z_]+$/.test(error.code)) {
    const sentence = translateError(new ApiError({ code: error.code as never, message: error.code, details: error.details }));
    return field ? `${field}: ${sentence}` : sentence;
  }
  const details = error.details;
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String).join(', ') : '');
  // A duplicate's value may be missing (a key made of two fields): the sentence then leaves it out.
  const key = (error.code === 'duplicateInFile' || error.code === 'duplicateInDatabase') && details.value === undefined ? `${error.code}NoValue` : error.code;
  const rows = Array.isArray(details.rows) ? details.rows.map((r) => (typeof r === 'number' ? inFile(r) : r)) : details.rows;
  return translateKey(`imports:rowErrors.${key}`, { ...details, ...(typeof details.row === 'number' ? { row: inFile(details.row) } : {}), rows: list(rows), field, serials: list(details.serials) });
}
