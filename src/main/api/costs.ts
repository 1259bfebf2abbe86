// Cost visibility at the door. The contract marks cost fields once (`cost()`, `costKeys()` in
// shared/contract/define.ts); from those marks each channel gets, on first use, a redaction plan for its
// output and the set of cost names its input may not sort or filter by. Dispatch applies both for callers
// without `costs.view`, so no service ever checks the permission itself.
import type { z } from 'zod';
import { costDetailKeys, costMarkOf, schemaDef, wrapperTypes, type SchemaDef } from '@shared/contract/define';

type Plan =
  | { kind: 'null' }
  | { kind: 'object'; fields: [string, Plan][] }
  | { kind: 'array'; element: Plan }
  | { kind: 'record'; value: Plan }
  | { kind: 'keys'; keys: Set<string> }
  | { kind: 'all'; plans: Plan[] }
  /** A recursive (lazy) schema met again inside itself: its plan, filled in once known. */
  | { kind: 'ref'; box: { plan: Plan | null } };

export interface CostRules {
  /** How to blank the output's cost fields; null when it has none. */
  output: Plan | null;
  /** Names of cost fields in the output: sorting by one of them is refused. */
  outputNames: Set<string>;
  /** Top-level input fields marked as costs (filters): giving one is refused. */
  inputFields: Set<string>;
}

type Def = SchemaDef;
const defOf = schemaDef;
const wrappers = wrapperTypes;

function combine(plans: (Plan | null)[]): Plan | null {
  const some = plans.filter((p): p is Plan => p !== null);
  if (some.length === 0) return null;
  return some.length === 1 ? some[0]! : { kind: 'all', plans: some };
}

type Open = Map<z.ZodType, { plan: Plan | null }>;

/** `open` holds the schemas being walked: meeting one again (a recursive schema) refers back to it. */
function planFor(schema: z.ZodType, names: Set<string>, open: Open): Plan | null {
  const mark = costMarkOf(schema);
  if (mark?.kind === 'value') return { kind: 'null' };
  if (mark?.kind === 'keys') return { kind: 'keys', keys: new Set(mark.keys) };
  const pending = open.get(schema);
  if (pending) return { kind: 'ref', box: pending };
  const box: { plan: Plan | null } = { plan: null };
  open.set(schema, box);
  try {
    box.plan = planOfDef(defOf(schema), names, open);
    return box.plan;
  } finally {
    open.delete(schema);
  }
}

function planOfDef(def: Def, names: Set<string>, seen: Open): Plan | null {
  if (wrappers.has(def.type)) return planFor(def.innerType as z.ZodType, names, seen);
  switch (def.type) {
    case 'object': {
      const fields: [string, Plan][] = [];
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        const plan = planFor(field, names, seen);
        if (!plan) continue;
        if (plan.kind === 'null') names.add(key);
        fields.push([key, plan]);
      }
      return fields.length > 0 ? { kind: 'object', fields } : null;
    }
    case 'array': {
      const element = planFor(def.element as z.ZodType, names, seen);
      return element ? { kind: 'array', element } : null;
    }
    case 'record': {
      const value = planFor(def.valueType as z.ZodType, names, seen);
      return value ? { kind: 'record', value } : null;
    }
    case 'union':
      return combine((def.options as z.ZodType[]).map((o) => planFor(o, names, seen)));
    case 'intersection':
      return combine([planFor(def.left as z.ZodType, names, seen), planFor(def.right as z.ZodType, names, seen)]);
    case 'pipe':
      return combine([planFor(def.in as z.ZodType, names, seen), planFor(def.out as z.ZodType, names, seen)]);
    case 'lazy':
      return planFor((def.getter as () => z.ZodType)(), names, seen);
    default:
      return null;
  }
}

function inputCostFields(schema: z.ZodType): Set<string> {
  const fields = new Set<string>();
  let def = defOf(schema);
  while (wrappers.has(def.type) || def.type === 'pipe') def = defOf((def.type === 'pipe' ? def.in : def.innerType) as z.ZodType);
  if (def.type !== 'object') return fields;
  for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
    if (planFor(field, new Set(), new Map())?.kind === 'null') fields.add(key);
  }
  return fields;
}

const rulesCache = new WeakMap<object, CostRules>();

/** The cost rules of a channel, computed once from its schemas. */
export function costRules(def: { input: z.ZodType; output: z.ZodType }): CostRules {
  let rules = rulesCache.get(def);
  if (!rules) {
    const outputNames = new Set<string>();
    rules = { output: planFor(def.output, outputNames, new Map()), outputNames, inputFields: inputCostFields(def.input) };
    rulesCache.set(def, rules);
  }
  return rules;
}

/** The first cost the input sorts or filters by, if any (the caller may not see costs). */
export function costInputViolation(rules: CostRules, input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const record = input as Record<string, unknown>;
  for (const field of rules.inputFields) if (record[field] !== undefined && record[field] !== null) return field;
  if (typeof record.sortBy === 'string' && rules.outputNames.has(record.sortBy)) return record.sortBy;
  return null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function blankKeys(value: unknown, keys: Set<string>): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = blankKeys(value[i], keys);
    return value;
  }
  if (!isObject(value)) return value;
  // A change record `{ field, before, after }` of a cost field.
  if (typeof value.field === 'string' && keys.has(value.field)) {
    if ('before' in value) value.before = null;
    if ('after' in value) value.after = null;
  }
  for (const key of Object.keys(value)) value[key] = keys.has(key) ? null : blankKeys(value[key], keys);
  return value;
}

/** Blanks the output's cost fields in place (handlers build fresh objects for each call). */
export function redactCosts(value: unknown, plan: Plan): unknown {
  switch (plan.kind) {
    case 'null':
      return null;
    case 'keys':
      return blankKeys(value, plan.keys);
    case 'all':
      return plan.plans.reduce((v, p) => redactCosts(v, p), value);
    case 'ref':
      return plan.box.plan ? redactCosts(value, plan.box.plan) : value;
    case 'array':
      if (Array.isArray(value)) for (let i = 0; i < value.length; i++) value[i] = redactCosts(value[i], plan.element);
      return value;
    case 'record':
      if (isObject(value)) for (const key of Object.keys(value)) value[key] = redactCosts(value[key], plan.value);
      return value;
    case 'object':
      if (isObject(value)) for (const [key, p] of plan.fields) if (key in value) value[key] = redactCosts(value[key], p);
      return value;
  }
}

const detailKeys = new Set<string>(costDetailKeys);

/** An error's details may name amounts (an approval refusal names the order total): blanked like history details. */
export function redactErrorDetails(details: Record<string, unknown>): Record<string, unknown> {
  return blankKeys(details, detailKeys) as Record<string, unknown>;
}
