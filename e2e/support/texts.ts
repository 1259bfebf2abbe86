// The app's own translations, to find buttons and fields by the label the user sees in each language
// (so a reworded label does not break the journey). What the specs *assert* — statuses, numbers,
// error sentences — is written out in the specs themselves, independently of these files.
import { resourcesEn, resourcesEs } from '@renderer/app/locales/resources';
import type { Lang } from './browser';

const trees: Record<Lang, Record<string, unknown>> = { en: resourcesEn, es: resourcesEs };

function lookup(tree: unknown, path: string[]): unknown {
  let node = tree;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** t('auth:setup.submit') → the label in `lang` (falls back to English like the app does; throws on a missing key). */
export function translator(lang: Lang): Translate {
  return (key, values = {}) => {
    const [ns, rest] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['common', key];
    if (!(ns in trees.en)) throw new Error(`No namespace ${ns}`);
    const path = rest.split('.');
    let text = lookup(trees[lang][ns], path) ?? lookup(trees.en[ns], path);
    if (typeof text !== 'string' && typeof values.count === 'number') {
      text = lookup(trees[lang][ns], [...path.slice(0, -1), `${path.at(-1)}_${values.count === 1 ? 'one' : 'other'}`]);
    }
    if (typeof text !== 'string') throw new Error(`No translation ${key} (${lang})`);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
  };
}
