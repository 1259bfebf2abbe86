// The app's own translations, to find buttons and fields by the label the user sees in each language
// (so a reworded label does not break the journey). What the specs *assert* — statuses, numbers,
// error sentences — is written out in the specs themselves, independently of these files.
import type { FeatureLocales } from '@renderer/lib/feature';
import { commonLocales } from '@renderer/app/locales/common';
import { errorLocales } from '@renderer/app/locales/errors';
import { adminLocales } from '@renderer/features/admin/locales';
import { backupsLocales } from '@renderer/features/admin/backups/locales';
import { authLocales } from '@renderer/features/auth/locales';
import { catalogLocales } from '@renderer/features/catalog/locales';
import { locationsLocales } from '@renderer/features/locations/locales';
import { en as purchasingEn, es as purchasingEs } from '@renderer/features/purchasing/locales';
import { searchLocales } from '@renderer/features/search/locales';
import { en as stockEn } from '@renderer/features/stock/locales/en';
import { es as stockEs } from '@renderer/features/stock/locales/es';
import { en as pickersEn } from '@renderer/lib/pickers/locales/en';
import { es as pickersEs } from '@renderer/lib/pickers/locales/es';
import type { Lang } from './browser';

const all: FeatureLocales[] = [
  commonLocales,
  errorLocales,
  authLocales,
  searchLocales,
  locationsLocales,
  catalogLocales,
  adminLocales,
  backupsLocales,
  { namespace: 'stock', en: stockEn, es: stockEs },
  // The feature's index.tsx pulls in its screens; its locales are plain data.
  { namespace: 'purchasing', en: purchasingEn, es: purchasingEs },
  { namespace: 'pickers', en: pickersEn, es: pickersEs },
];

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
    const locales = all.find((l) => l.namespace === ns);
    if (!locales) throw new Error(`No namespace ${ns}`);
    const path = rest.split('.');
    let text = lookup(locales[lang], path) ?? lookup(locales.en, path);
    if (typeof text !== 'string' && typeof values.count === 'number') {
      text = lookup(locales[lang], [...path.slice(0, -1), `${path.at(-1)}_${values.count === 1 ? 'one' : 'other'}`]);
    }
    if (typeof text !== 'string') throw new Error(`No translation ${key} (${lang})`);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
  };
}
