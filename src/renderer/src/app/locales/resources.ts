// Every translation namespace, each from its folder's locales/en.ts (the source of truth) and
// locales/es.ts (typed against it). i18n.ts loads these; the declaration at the end types i18next's
// t() from the English trees, so a misspelt key or namespace fails `npm run typecheck`.
import type { Translation } from '@renderer/lib/translation';
import { en as adminEn } from '@renderer/features/admin/locales/en';
import { es as adminEs } from '@renderer/features/admin/locales/es';
import { en as backupsEn } from '@renderer/features/admin/backups/locales/en';
import { es as backupsEs } from '@renderer/features/admin/backups/locales/es';
import { en as authEn } from '@renderer/features/auth/locales/en';
import { es as authEs } from '@renderer/features/auth/locales/es';
import { en as catalogEn } from '@renderer/features/catalog/locales/en';
import { es as catalogEs } from '@renderer/features/catalog/locales/es';
import { en as locationsEn } from '@renderer/features/locations/locales/en';
import { es as locationsEs } from '@renderer/features/locations/locales/es';
import { en as purchasingEn } from '@renderer/features/purchasing/locales/en';
import { es as purchasingEs } from '@renderer/features/purchasing/locales/es';
import { en as salesEn } from '@renderer/features/sales/locales/en';
import { es as salesEs } from '@renderer/features/sales/locales/es';
import { en as searchEn } from '@renderer/features/search/locales/en';
import { es as searchEs } from '@renderer/features/search/locales/es';
import { en as stockEn } from '@renderer/features/stock/locales/en';
import { es as stockEs } from '@renderer/features/stock/locales/es';
import { en as importsEn } from '@renderer/features/imports/locales/en';
import { es as importsEs } from '@renderer/features/imports/locales/es';
import { en as labelsEn } from '@renderer/lib/labels/locales/en';
import { es as labelsEs } from '@renderer/lib/labels/locales/es';
import { en as pickersEn } from '@renderer/lib/pickers/locales/en';
import { es as pickersEs } from '@renderer/lib/pickers/locales/es';
import { en as errorsEn } from '../errors/locales/en';
import { es as errorsEs } from '../errors/locales/es';
import { en as commonEn } from './en';
import { es as commonEs } from './es';

export const resourcesEn = {
  common: commonEn,
  errors: errorsEn,
  auth: authEn,
  search: searchEn,
  locations: locationsEn,
  catalog: catalogEn,
  admin: adminEn,
  backups: backupsEn,
  stock: stockEn,
  purchasing: purchasingEn,
  sales: salesEn,
  pickers: pickersEn,
  labels: labelsEn,
  imports: importsEn,
};

export type Namespace = keyof typeof resourcesEn;

export const resourcesEs: { [N in Namespace]: Translation<(typeof resourcesEn)[N]> } = {
  common: commonEs,
  errors: errorsEs,
  auth: authEs,
  search: searchEs,
  locations: locationsEs,
  catalog: catalogEs,
  admin: adminEs,
  backups: backupsEs,
  stock: stockEs,
  purchasing: purchasingEs,
  sales: salesEs,
  pickers: pickersEs,
  labels: labelsEs,
  imports: importsEs,
};

export const namespaces = Object.keys(resourcesEn) as Namespace[];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof resourcesEn;
    returnNull: false;
  }
}
