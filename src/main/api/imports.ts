// CSV import (contract: imports.check, imports.run). An import is the same effect as creating its rows one
// by one, so it is admitted as a call of the channel that creates one such row would be: that channel's
// permission and module, checked by the door (call.admitAs) once for the whole file; a caller without `costs.view` may not bring
// unit costs in (the file's cost column is refused whole, FORBIDDEN naming the field). The rows themselves
// are validated with that channel's schema and created by its domain function (domain/imports).
import { importCostFields, type ImportKind } from '@shared/contract/imports';
import { DomainError } from '@shared/errors';
import { can } from '../domain/context';
import { checkImport, runImport } from '../domain/imports/importRows';
import { importPlans } from '../domain/imports/kinds';
import type { CallContext, PartialHandlerTable } from './types';

function admitImport(call: CallContext, input: { kind: ImportKind; fields: string[]; rows: string[][] }): void {
  call.admitAs(importPlans[input.kind].target);
  if (can(call.actor, 'costs.view')) return;
  for (const field of importCostFields[input.kind] as readonly string[]) {
    const column = input.fields.indexOf(field);
    if (column >= 0 && input.rows.some((row) => row[column]!.trim() !== '')) throw new DomainError('FORBIDDEN', { permission: 'costs.view', field });
  }
}

export const importHandlers: PartialHandlerTable<'imports.check' | 'imports.run'> = {
  'imports.check': (input, call) => {
    admitImport(call, input);
    const { invalidRows: _invalid, ...answer } = checkImport(call.ctx, input);
    return answer;
  },
  'imports.run': (input, call) => {
    admitImport(call, input);
    const { invalidRows: _invalid, ...answer } = runImport(call.ctx, call.actor, input);
    return answer;
  },
};
