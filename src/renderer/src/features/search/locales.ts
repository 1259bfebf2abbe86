import type { FeatureLocales } from '@renderer/lib/feature';

const en = {
  placeholder: 'Search products, serial numbers, locations, companies…',
  hint: 'Type a SKU, product name, barcode, serial number, location or company.',
  nothing: 'Nothing found for “{{q}}”.',
  failed: 'The search could not run. Try again.',
  footer: '↑ ↓ to choose, Enter to open, Esc to close',
  products: 'Products',
  serials: 'Serial numbers',
  locations: 'Inventory locations',
  companies: 'Companies and vendors',
  serialAt: '{{sku}} · at {{location}}',
  serialGone: '{{sku}} · not in stock',
};

const es: typeof en = {
  placeholder: 'Buscar productos, números de serie, ubicaciones, empresas…',
  hint: 'Escriba un SKU, nombre de producto, código de barras, número de serie, ubicación o empresa.',
  nothing: 'No se encontró nada para «{{q}}».',
  failed: 'No se pudo buscar. Inténtelo de nuevo.',
  footer: '↑ ↓ para elegir, Intro para abrir, Esc para cerrar',
  products: 'Productos',
  serials: 'Números de serie',
  locations: 'Ubicaciones de inventario',
  companies: 'Empresas y proveedores',
  serialAt: '{{sku}} · en {{location}}',
  serialGone: '{{sku}} · sin existencias',
};

export const searchLocales: FeatureLocales = { namespace: 'search', en, es };
