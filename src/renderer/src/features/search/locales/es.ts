import type { Translation } from '@renderer/lib/translation';
import type { en } from './en';

/** Spanish strings of the global search (namespace "search"), typed against the English ones so a missing or extra key fails the type check. */
export const es: Translation<typeof en> = {
  placeholder: 'Buscar productos, números de serie, ubicaciones, empresas…',
  hint: 'Escriba un SKU, nombre de producto, código de barras, número de serie, ubicación, casillero o empresa.',
  nothing: 'No se encontró nada para «{{q}}».',
  failed: 'No se pudo buscar. Inténtelo de nuevo.',
  footer: '↑ ↓ para elegir, Intro para abrir, Esc para cerrar',
  products: 'Productos',
  serials: 'Números de serie',
  locations: 'Ubicaciones de inventario',
  bins: 'Casilleros',
  companies: 'Empresas y proveedores',
  serialAt: '{{sku}} · en {{location}}',
  serialGone: '{{sku}} · sin existencias',
  binAt: 'Casillero en {{location}}',
};
