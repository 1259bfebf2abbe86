// Other names a spreadsheet's column may have for an import field, in both languages, besides the field's
// own name and its labels on screen: what guessing the mapping compares the file's headers with (without
// case, accents or punctuation). Words found in files, not words the app shows.
export const otherColumnNames: Partial<Record<string, readonly string[]>> = {
  sku: ['code', 'product code', 'item', 'part number', 'código', 'referencia', 'artículo', 'código de producto'],
  name: ['product', 'product name', 'company', 'producto', 'nombre del producto', 'empresa'],
  unitCost: ['cost', 'coste', 'costo', 'coste unitario'],
  unitPrice: ['price', 'sale price', 'precio', 'precio de venta'],
  msrp: ['pvp'],
  qty: ['qty', 'on hand', 'cant', 'unidades', 'existencias'],
  serials: ['serial', 'serial number', 'serie', 'número de serie', 'nº de serie'],
  location: ['warehouse', 'almacén', 'ubicación'],
  owner: ['user', 'driver', 'usuario', 'conductor'],
  min: ['min', 'mín'],
  max: ['max', 'máx'],
};
