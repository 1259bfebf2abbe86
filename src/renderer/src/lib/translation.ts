/**
 * The shape a translation must have: the keys of the source (English) tree, strings at the leaves and
 * lists where the source has a list (suggestion lists may differ in length). Used as the type of every
 * `locales/es.ts`, so a key missing in Spanish, or one only Spanish has, fails the type check.
 */
export type Translation<T> = {
  [K in keyof T]: T[K] extends string ? string : T[K] extends readonly string[] ? string[] : Translation<T[K]>;
};
