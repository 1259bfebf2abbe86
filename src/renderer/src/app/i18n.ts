// i18next set-up: Spanish and English, the language of the OS/browser unless the user chose one in
// the header (remembered in localStorage). Each feature contributes its FeatureLocales as a namespace;
// `common` holds shell strings and `errors` the translation of every error code.
import dayjs from 'dayjs';
import 'dayjs/locale/es';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { FeatureLocales } from '../lib/feature';
import { adminLocales } from '../features/admin/locales';
import { backupsLocales } from '../features/admin/backups/locales';
import { authLocales } from '../features/auth/locales';
import { catalogLocales } from '../features/catalog/locales';
import { locationsLocales } from '../features/locations/locales';
import { searchLocales } from '../features/search/locales';
import { purchasingLocales } from '../features/purchasing';
import { stockLocales } from '../features/stock';
import { en as pickersEn } from '../lib/pickers/locales/en';
import { es as pickersEs } from '../lib/pickers/locales/es';
import { commonLocales } from './locales/common';
import { errorLocales } from './locales/errors';

export const languages = ['es', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'msp-inventory.language';

const allLocales: FeatureLocales[] = [commonLocales, errorLocales, authLocales, searchLocales, locationsLocales, catalogLocales, adminLocales, backupsLocales, stockLocales, purchasingLocales, { namespace: 'pickers', en: pickersEn, es: pickersEs }];

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function initialLanguage(): Language {
  const chosen = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(chosen)) return chosen;
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  dayjs.locale(language);
}

export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  applyLanguage(language);
  await i18next.changeLanguage(language);
}

export function initI18n(): typeof i18next {
  const resources: Record<Language, Record<string, Record<string, unknown>>> = { es: {}, en: {} };
  for (const locales of allLocales) {
    resources.es[locales.namespace] = locales.es;
    resources.en[locales.namespace] = locales.en;
  }
  const language = initialLanguage();
  applyLanguage(language);
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...languages],
    ns: allLocales.map((l) => l.namespace),
    defaultNS: 'common',
    // React escapes what it renders; escaping here would show &amp; in names.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  document.title = i18next.t('common:appName');
  i18next.on('languageChanged', () => {
    document.title = i18next.t('common:appName');
  });
  return i18next;
}
