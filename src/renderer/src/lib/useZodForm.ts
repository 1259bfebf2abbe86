// useZodForm(schema, initialValues, { toInput? }) — a @mantine/form form validated by the contract's
// zod schema, so the screen refuses exactly what the main process would.
//   - values are what the inputs hold (text for money, string ids for Select…); `toInput(values)`
//     turns them into the channel's input before validation (default: values as they are).
//   - validation runs schema.safeParse(toInput(values)); each issue becomes a translated, generic
//     field error (common:validation.*) on the field named by the issue path.
//   - form.onSubmit(handler) hands the handler the *parsed* input (z.output of the schema), ready
//     for call()/useApiMutation; Enter in any input submits the <form>.
//   - form.applyApiError(err) puts a server refusal (VALIDATION fields, CONFLICT on a field) on the
//     matching inputs and returns true, or returns false so the caller can notify.error(err).
import { useForm, type UseFormReturnType } from '@mantine/form';
import i18next, { type ParseKeys, type TOptions } from 'i18next';
import type { z } from 'zod';
import { ApiError } from './api';
import { translateError } from './errors';
import { translateKey } from './translation';

type Issue = z.core.$ZodIssue;

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** One generic sentence per kind of issue; the label beside the input says which field. `value` is
 * what was validated at the issue's path (zod does not put it in the issue). */
export function issueMessage(issue: Issue, value: unknown): string {
  const t = (key: ParseKeys<'common', TOptions, 'validation'>, values?: Record<string, unknown>) => i18next.t(`common:validation.${key}`, values ?? {});
  switch (issue.code) {
    case 'invalid_type':
      if (isBlank(value)) return t('required');
      if (issue.expected === 'int') return t('integer');
      if (issue.expected === 'number') return t('number');
      return t('invalid');
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? t('required') : t('minLength', { count: Number(issue.minimum) });
      if (issue.origin === 'array') return t('minItems', { count: Number(issue.minimum) });
      return t('minNumber', { minimum: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('maxLength', { count: Number(issue.maximum) });
      if (issue.origin === 'array') return t('maxItems', { count: Number(issue.maximum) });
      return t('maxNumber', { maximum: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('email') : t('format');
    case 'invalid_value':
      return t('choose');
    case 'invalid_union':
      return isBlank(value) ? t('required') : t('invalid');
    case 'custom':
      return typeof issue.params?.messageKey === 'string' ? translateKey(issue.params.messageKey) : t('invalid');
    default:
      return t('invalid');
  }
}

export type ZodForm<V, Out> = UseFormReturnType<V, Out> & {
  applyApiError: (err: unknown) => boolean;
};

export interface ZodFormOptions<V> {
  toInput?: (values: V) => unknown;
}

export function useZodForm<S extends z.ZodType, V extends Record<string, unknown>>(
  schema: S,
  initialValues: V,
  options: ZodFormOptions<V> = {},
): ZodForm<V, z.output<S>> {
  const toInput = options.toInput ?? ((v: V) => v);
  const form = useForm<V, z.output<S>>({
    mode: 'controlled',
    initialValues,
    validate: (values) => {
      const input = toInput(values);
      const result = schema.safeParse(input);
      if (result.success) return {};
      const errors: Record<string, string> = {};
      for (const issue of result.error.issues) {
        const path = issue.path.map(String).join('.');
        if (!(path in errors)) errors[path] = issueMessage(issue, valueAt(input, issue.path));
      }
      return errors;
    },
    transformValues: (values) => schema.parse(toInput(values)) as z.output<S>,
  });

  const applyApiError = (err: unknown): boolean => {
    if (!(err instanceof ApiError)) return false;
    const d = err.details;
    if (err.code === 'VALIDATION' && Array.isArray(d.fields)) {
      let applied = false;
      for (const f of d.fields as { path?: unknown; code?: unknown }[]) {
        const path = String(f.path ?? '');
        if (path && path in form.values) {
          form.setFieldError(path, f.code === 'required' ? i18next.t('common:validation.required') : translateError(err));
          applied = true;
        }
      }
      return applied;
    }
    if (err.code === 'CONFLICT' && typeof d.field === 'string' && d.field in form.values) {
      form.setFieldError(d.field, i18next.t('common:validation.taken'));
      return true;
    }
    return false;
  };

  return Object.assign(form, { applyApiError });
}
