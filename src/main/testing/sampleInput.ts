// A small valid value for a zod schema, built from the schema itself: tests that must call every channel
// of the contract (whatever a handler does with it) use it instead of a hand-written input per channel.
import type { z } from 'zod';
import { contract, type ChannelName } from '@shared/contract';

type Def = { type: string } & Record<string, unknown>;

function defOf(schema: unknown): Def {
  return (schema as { _zod: { def: Def } })._zod.def;
}

interface Check {
  _zod: { def: { check: string; value?: number; minimum?: number; inclusive?: boolean; format?: string; pattern?: RegExp } };
}

function checksOf(def: Def): Check['_zod']['def'][] {
  return ((def.checks as Check[] | undefined) ?? []).map((c) => c._zod.def);
}

/** A value the schema accepts in most cases: the smallest of each kind (tests confirm it with safeParse). */
export function sampleInput(schema: z.ZodType): unknown {
  return sample(schema);
}

function sample(schema: unknown): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(shape)) {
        const t = defOf(field).type;
        if (t === 'optional' || t === 'default') continue;
        out[key] = sample(field);
      }
      return out;
    }
    case 'optional':
    case 'default':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return sample(def.innerType);
    case 'nullable':
      return null;
    case 'pipe':
      return sample(def.in);
    case 'transform':
      return undefined;
    case 'union':
      return sample((def.options as unknown[])[0]);
    case 'intersection':
      return { ...(sample(def.left) as object), ...(sample(def.right) as object) };
    case 'literal':
      return (def.values as unknown[])[0];
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'boolean':
      return false;
    case 'array': {
      const min = checksOf(def).find((c) => c.check === 'min_length')?.minimum ?? 0;
      return Array.from({ length: min }, () => sample(def.element));
    }
    case 'record':
      return {};
    case 'number': {
      const checks = checksOf(def);
      const lower = checks.find((c) => c.check === 'greater_than');
      if (!lower) return 1;
      return (lower.value ?? 0) + (lower.inclusive ? 0 : 1);
    }
    case 'string': {
      const checks = checksOf(def);
      const format = (def.format as string | undefined) ?? checks.find((c) => c.check === 'string_format')?.format;
      if (format === 'email') return 'someone@example.com';
      if (format === 'regex') return '1';
      const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 1;
      return 'x'.repeat(Math.max(1, min));
    }
    default:
      return undefined;
  }
}

/** Inputs the schema generator cannot guess (names and patterns); every other channel gets sampleInput. */
const inputOverrides: Partial<Record<ChannelName, unknown>> = {
  'auth.setup': { username: 'second-admin', displayName: 'Second', password: 'long enough password' },
  'users.create': { username: 'sampled', displayName: 'Sampled', password: 'long enough password', permissions: [] },
  'backups.restore': { name: 'missing.db' },
  // Switching modules off would refuse every later call of theirs here.
  'activations.set': { inventory: true, procurement: true, rma: true },
  // Either a delivery or lines, never both.
  'delivery.packingListPdf': { deliveryId: 1 },
  // Exactly one of a device, a charge or a product per line.
  'returns.create': { companyId: 1, condition: 'used', reason: 'sampled', lines: [{ deviceId: 1 }] },
  // A quantity or serials per line.
  'vendorReturns.create': { vendorId: 1, locationId: 1, reason: 'other', vendorRmaNumber: 'sampled', lines: [{ productId: 1, qty: 1 }] },
  // Something to buy or to transfer: a line to buy.
  'purchasing.createFromSuggestions': { lines: [{ inventoryProductId: 1, qty: 1 }] },
  // Something to label: every list may be left empty, not all of them.
  'stock.labelsPdf': { productIds: [1], symbology: 'code128', format: 'a4', locale: 'en' },
  // A list, a column of its rows and a real time zone.
  'lists.export': { list: 'catalog.listProducts', input: {}, columns: [{ field: 'sku', header: 'SKU' }], language: 'en', timeZone: 'UTC', yes: 'Yes', no: 'No' },
  // A mapping of the import's own fields, with its required ones, and a row that fits it.
  'imports.check': { kind: 'companies', language: 'en', fields: ['name'], rows: [['Sample import company']] },
  'imports.run': { kind: 'companies', language: 'en', fields: ['name'], rows: [['Sample import company']] },
  // Back to the returns shelf, with no replacement: the simplest swap.
  'devices.swap': { deviceId: 1, fate: 'returns', condition: 'used', reason: 'sampled' },
};
/** A valid input for a channel: its override, else the schema's sample. */
export function sampleChannelInput(channel: ChannelName): unknown {
  return inputOverrides[channel] ?? sampleInput(contract[channel].input);
}
