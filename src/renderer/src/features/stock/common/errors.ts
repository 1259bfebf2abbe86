import { ApiError } from '@renderer/lib/api';

/** Serial numbers an error names (DUPLICATE_SERIAL, SERIAL_NOT_FOUND), so the form can mark them. */
export function serialsOf(err: unknown): string[] {
  if (!(err instanceof ApiError)) return [];
  const serials = err.details.serials;
  return Array.isArray(serials) ? serials.filter((s): s is string => typeof s === 'string') : [];
}

export function codeOf(err: unknown): string | null {
  return err instanceof ApiError ? err.code : null;
}
