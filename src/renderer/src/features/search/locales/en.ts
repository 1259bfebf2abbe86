/** English strings of the global search (namespace "search"): the source of truth for keys. */
export const en = {
  placeholder: 'Search products, serial numbers, locations, companies…',
  hint: 'Type a SKU, product name, barcode, serial number, location, bin or company.',
  nothing: 'Nothing found for “{{q}}”.',
  failed: 'The search could not run. Try again.',
  footer: '↑ ↓ to choose, Enter to open, Esc to close',
  products: 'Products',
  serials: 'Serial numbers',
  locations: 'Inventory locations',
  bins: 'Bins',
  companies: 'Companies and vendors',
  serialAt: '{{sku}} · at {{location}}',
  serialGone: '{{sku}} · not in stock',
  binAt: 'Bin at {{location}}',
};
