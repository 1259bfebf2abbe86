import i18next from 'i18next';

/**
 * The shape a translation must have: the keys of the source (English) tree, strings at the leaves and
 * lists where the source has a list (suggestion lists may differ in length). Used as the type of every
 * `locales/es.ts`, so a key missing in Spanish, or one only Spanish has, fails the type check.
 */
export type Translation<T> = {
  [K in keyof T]: T[K] extends string ? string : T[K] extends readonly string[] ? string[] : Translation<T[K]>;
};

/**
 * Translates a full "namespace:key" that only exists at run time: a key carried in data (a route's
 * navigation label, a notification, a form issue, a receipt check's message). The compiler cannot
 * check such keys, so this is the one place that lets a plain string through the typed t(); a
 * missing key shows the key itself, as i18next does.
 */
export function translateKey(key: string, values: Record<string, unknown> = {}): string {
  return (i18next.t as unknown as (key: string, options: Record<string, unknown>) => string)(key, values);
}
