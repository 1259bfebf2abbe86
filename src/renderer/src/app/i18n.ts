// i18next set-up: Spanish and English, the language of the OS/browser unless the user chose one in
// the header (remembered in localStorage). Every namespace (locales/resources.ts) comes from its folder's
// locales/en.ts + es.ts; `common` holds shell strings and `errors` the translation of every error code.
import dayjs from 'dayjs';
import 'dayjs/locale/es';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { namespaces, resourcesEn, resourcesEs } from './locales/resources';

export const languages = ['es', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'msp-inventory.language';

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
  const language = initialLanguage();
  applyLanguage(language);
  void i18next.use(initReactI18next).init({
    resources: { en: resourcesEn, es: resourcesEs },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...languages],
    ns: namespaces,
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
