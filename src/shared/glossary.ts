/**
 * One Spanish term per concept, on every screen and document: words the app does not use, each with the
 * one it uses instead (the DOMAIN.md glossary, and the project's choices where the glossary is silent).
 * The translation files and the purchase order's labels are tested against this list; add to it when a
 * screen or document brings a concept that Spanish can name two ways.
 */
export interface BannedTerm {
  /** The word or phrase refused, matched whole, ignoring case. */
  banned: string;
  /** What the app says for that concept. */
  preferred: string;
}

export const bannedSpanishTerms: readonly BannedTerm[] = [
  // cost — costo (the brief's word; Spain's "coste" means the same)
  { banned: 'coste', preferred: 'costo' },
  { banned: 'costes', preferred: 'costos' },
  // receipt — recepción
  { banned: 'albarán', preferred: 'recepción' },
  { banned: 'albaranes', preferred: 'recepciones' },
  // inventory location — ubicación
  { banned: 'localización', preferred: 'ubicación' },
  { banned: 'localizaciones', preferred: 'ubicaciones' },
  // vendor — proveedor
  { banned: 'vendedor', preferred: 'proveedor' },
  { banned: 'vendedores', preferred: 'proveedores' },
  // stocktake — recuento (its counting is "contar")
  { banned: 'inventario físico', preferred: 'recuento' },
  { banned: 'inventarios físicos', preferred: 'recuentos' },
  { banned: 'conteo', preferred: 'recuento' },
  { banned: 'conteos', preferred: 'recuentos' },
  // post (a receipt, a stocktake) — registrar
  { banned: 'contabilizar', preferred: 'registrar' },
  { banned: 'contabilizado', preferred: 'registrado' },
  { banned: 'contabilizada', preferred: 'registrada' },
  { banned: 'contabilice', preferred: 'registre' },
  { banned: 'contabilícelo', preferred: 'regístrelo' },
  // quote — cotización
  { banned: 'presupuesto', preferred: 'cotización' },
  { banned: 'presupuestos', preferred: 'cotizaciones' },
  // sales order — pedido de venta
  { banned: 'orden de venta', preferred: 'pedido de venta' },
  { banned: 'órdenes de venta', preferred: 'pedidos de venta' },
  // transfer — transferencia
  { banned: 'traspaso', preferred: 'transferencia' },
  { banned: 'traspasos', preferred: 'transferencias' },
  // product — producto
  { banned: 'artículo', preferred: 'producto' },
  { banned: 'artículos', preferred: 'productos' },
  // on hand — existencias
  { banned: 'stock', preferred: 'existencias' },
  // scrap — desecho
  { banned: 'chatarra', preferred: 'desecho' },
  // in transit — en tránsito
  { banned: 'en camino', preferred: 'en tránsito' },
  // cancel — cancelar
  { banned: 'anular', preferred: 'cancelar' },
  { banned: 'anulada', preferred: 'cancelada' },
  { banned: 'anulado', preferred: 'cancelado' },
  // vendor part number — número de pieza del proveedor
  { banned: 'ref. proveedor', preferred: 'n.º de pieza del proveedor' },
  { banned: 'referencia del proveedor', preferred: 'número de pieza del proveedor' },
  { banned: 'referencias del proveedor', preferred: 'números de pieza del proveedor' },
  // purchase for (a client) — compra para
  { banned: 'comprar para', preferred: 'compra para' },
  { banned: 'comprado para', preferred: 'compra para' },
  // pick — seleccionar; marking rows in a table is "marcar", so the two never meet on one screen
  { banned: 'seleccionar todo', preferred: 'marcar todo' },
  { banned: 'quitar la selección', preferred: 'desmarcar todo' },
  { banned: 'picking', preferred: 'selección' },
  // the brand is a name, never translated
  { banned: 'MSP Inventario', preferred: 'MSP Inventory' },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole words or phrases, accents included ("coste" is not found in "costear"; "stock" not in "stocktake"). */
const patterns = bannedSpanishTerms.map((term) => ({
  term,
  pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term.banned)}(?![\\p{L}\\p{N}])`, 'iu'),
}));

/** The banned terms a Spanish text uses. */
export function bannedTermsIn(text: string): BannedTerm[] {
  return patterns.filter(({ pattern }) => pattern.test(text)).map(({ term }) => term);
}
