import type { FeatureLocales } from '@renderer/lib/feature';
import { en } from './locales.en';
import { es } from './locales.es';

export const catalogLocales: FeatureLocales = { namespace: 'catalog', en, es };
