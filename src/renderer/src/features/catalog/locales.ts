import type { FeatureLocales } from '../../lib/feature';
import { en } from './locales.en';
import { es } from './locales.es';

export const catalogLocales: FeatureLocales = { namespace: 'catalog', en, es };
