// CSV import: rows checked as their create channel checks one (its schema, the names they refer to, keys
// unique in the file and in the database) and created by that channel's domain function, all in the
// caller's one transaction. With `onlyValid` false a single refused row refuses the import (VALIDATION,
// nothing written); with it true each row is created in a savepoint of its own, so a row the domain refuses
// half-way leaves nothing behind and the others stand.
import type { z } from 'zod';
import type { ImportKind, ImportRowError } from '@shared/contract/imports';
import { MAX_IMPORT_ERRORS, requiredImportFields } from '@shared/contract/imports';
import { DomainError } from '@shared/errors';
import type { Actor, Ctx } from '../context';
import type { CellLanguage } from './cells';
import { importPlans, Lookups, RowReader, rowSchema, type Cells, type RowProblem } from './kinds';

export interface ImportRows {
  kind: ImportKind;
  language: CellLanguage;
  fields: string[];
  rows: string[][];
  firstRow: number;
}

interface CheckedRow {
  row: number;
  input: unknown;
  reader: RowReader;
}

export interface ImportCheck {
  rows: number;
  valid: number;
  errors: ImportRowError[];
  /** Rows with at least one error (errors may list several per row, and at most MAX_IMPORT_ERRORS). */
  invalidRows: number;
}

/** Zod's complaint about a field, as one of the import's codes. */
function issueCode(issue: z.core.$ZodIssue): RowProblem['code'] {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'required' : 'invalid';
    case 'too_small':
      return issue.origin === 'string' ? 'required' : 'outOfRange';
    case 'too_big':
      return issue.origin === 'string' ? 'tooLong' : 'outOfRange';
    default:
      return 'invalid';
  }
}

/** Checks every row; answers the valid ones (converted and parsed) and what is wrong with the others. */
function checkRows(ctx: Ctx, lookups: Lookups, input: ImportRows): { valid: CheckedRow[]; errors: ImportRowError[]; invalidRows: number } {
  const plan = importPlans[input.kind];
  const schema = rowSchema(input.kind);
  const required = new Set<string>(requiredImportFields[input.kind]);
  const valid: CheckedRow[] = [];
  const errors: ImportRowError[] = [];
  let invalidRows = 0;
  const keys = new Map<string, number>();
  const seen = new Map<string, number>();
  input.rows.forEach((cellsOfRow, index) => {
    const rowNumber = input.firstRow + index;
    const cells: Cells = {};
    input.fields.forEach((field, i) => {
      const text = cellsOfRow[i]!.trim();
      if (text !== '') cells[field] = text;
    });
    const reader = new RowReader(cells, input.language);
    const problems = reader.problems;
    for (const field of required) if (cells[field] === undefined) problems.push({ field, code: 'required', details: {} });
    const candidate = plan.read(reader, lookups, ctx);
    let parsed: unknown;
    if (problems.length === 0) {
      const result = schema.safeParse(candidate);
      if (result.success) parsed = result.data;
      else {
        for (const issue of result.error.issues) {
          const path = String(issue.path[0] ?? '');
          problems.push({ field: plan.fieldOf?.[path] ?? path, code: issueCode(issue), details: {} });
        }
      }
    }
    const key = problems.length === 0 && plan.key ? plan.key.of(parsed as never) : null;
    if (key !== null && plan.key) {
      const value = cells[plan.key.field];
      const earlier = keys.get(key);
      if (earlier !== undefined) problems.push({ field: plan.key.field, code: 'duplicateInFile', details: { value, row: earlier } });
      else if (plan.key.taken(key, lookups, ctx)) problems.push({ field: plan.key.field, code: 'duplicateInDatabase', details: { value } });
    }
    if (problems.length === 0 && plan.check) problems.push(...plan.check(parsed as never, reader, lookups, ctx, seen, rowNumber));
    // Only a row that passes every check claims its key: a refused row does not make a later one a duplicate.
    if (problems.length === 0 && key !== null) keys.set(key, rowNumber);
    if (problems.length === 0) valid.push({ row: rowNumber, input: parsed, reader });
    else {
      invalidRows++;
      for (const p of problems) if (errors.length < MAX_IMPORT_ERRORS) errors.push({ row: rowNumber, ...p });
    }
  });
  return { valid, errors, invalidRows };
}

/** What importing the rows would do, reading only: the preview's answer. */
export function checkImport(ctx: Ctx, input: ImportRows): ImportCheck {
  const { valid, errors, invalidRows } = checkRows(ctx, new Lookups(ctx), input);
  return { rows: input.rows.length, valid: valid.length, errors, invalidRows };
}

/**
 * Creates the rows in the caller's transaction. All or nothing unless `onlyValid`: then rows the checks or
 * the domain refuse are skipped and reported, and the others created.
 */
export function runImport(ctx: Ctx, actor: Actor, input: ImportRows & { onlyValid: boolean }): ImportCheck & { created: number; skipped: number } {
  const lookups = new Lookups(ctx);
  const plan = importPlans[input.kind];
  const checked = checkRows(ctx, lookups, input);
  const errors = checked.errors;
  let invalidRows = checked.invalidRows;
  const refuse = () => new DomainError('VALIDATION', { reason: 'importRows', invalidRows, rows: input.rows.length, errors: errors.slice(0, MAX_IMPORT_ERRORS) });
  if (invalidRows > 0 && !input.onlyValid) throw refuse();
  // better-sqlite3 nests a transaction inside an open one as a savepoint: one row's writes stand or fall together.
  const inSavepoint = ctx.sqlite.transaction((create: () => void) => create());
  let created = 0;
  for (const row of checked.valid) {
    try {
      inSavepoint(() => plan.create(ctx, actor, row.input as never, row.reader, lookups));
      created++;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      invalidRows++;
      if (errors.length < MAX_IMPORT_ERRORS) errors.push({ row: row.row, field: fieldOfError(error, plan.fieldOf), code: error.code, details: error.details });
    }
  }
  if (invalidRows > 0 && !input.onlyValid) throw refuse();
  errors.sort((a, b) => a.row - b.row);
  return { rows: input.rows.length, valid: created, errors, invalidRows, created, skipped: input.rows.length - created };
}

function fieldOfError(error: DomainError, fieldOf: Record<string, string> = {}): string | null {
  const field = typeof error.details.field === 'string' ? error.details.field : null;
  return field === null ? null : (fieldOf[field] ?? field);
}
