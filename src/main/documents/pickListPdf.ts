// The pick list: what to take from the shelves for chosen Delivery & Shipping lines, walked location by
// location and bin by bin, with a tick box per row and every serial number to take. Products not tracked
// in stock have nothing to pick: a short note at the end names them, so the list still accounts for every
// line chosen. No costs and no prices: the paper goes to the warehouse.
import { formatDay, formatQty, formatsFor, type EnglishLocale } from '@shared/formats';
import { DocumentLayout, type Column, type Letterhead } from './documentLayout';

export interface PickListDocument {
  locale: 'es' | 'en';
  /** The office's English format (settings): dates 31/12/2025 (en-GB) or 12/31/2025 (en-US). */
  englishLocale: EnglishLocale;
  letterhead: Letterhead;
  /** The day it was printed, 'YYYY-MM-DD'. */
  date: string;
  /** In walking order: locations, then bins, then products. */
  locations: Array<{ name: string; rows: PickRow[] }>;
  /** Lines of products not tracked in stock: delivered without picking. */
  notStocked: Array<{ sku: string; productName: string; qty: number; chargeNumber: string; companyName: string; containerNumber: string }>;
}

export interface PickRow {
  bin: string | null;
  sku: string;
  productName: string;
  qty: number;
  chargeNumber: string;
  companyName: string;
  containerNumber: string;
  containerTitle: string;
  /** Every serial to take, for a serialized product; empty otherwise. */
  serials: string[];
}

/** Exported for the glossary test: the Spanish labels use the terms of the screens ("seleccionar", not "picking"). */
export const PICK_LIST_LABELS = {
  es: {
    title: 'Lista de selección', date: 'Fecha', lines: 'Líneas', units: 'Unidades', taxId: 'NIF', phone: 'Tel.',
    bin: 'Casillero', sku: 'SKU', product: 'Producto', qty: 'Cant.', charge: 'Cargo', client: 'Cliente',
    serials: 'N.º de serie:', noBin: '—', continued: '(cont.)',
    unitsAt: (n: string) => `${n} unidades`,
    notStocked: 'Nada que seleccionar (productos sin control de existencias)',
    page: (n: number, of: number) => `Página ${n} de ${of}`,
  },
  en: {
    title: 'Pick list', date: 'Date', lines: 'Lines', units: 'Units', taxId: 'Tax ID', phone: 'Phone',
    bin: 'Bin', sku: 'SKU', product: 'Product', qty: 'Qty', charge: 'Charge', client: 'Client',
    serials: 'Serials:', noBin: '—', continued: '(cont.)',
    unitsAt: (n: string) => `${n} units`,
    notStocked: 'Nothing to pick (products not tracked in stock)',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
};

type Key = 'check' | 'bin' | 'sku' | 'product' | 'qty' | 'charge' | 'client';

export async function renderPickListPdf(doc: PickListDocument): Promise<Uint8Array> {
  const labels = PICK_LIST_LABELS[doc.locale];
  const formats = formatsFor(doc.locale, doc.englishLocale);
  const qty = (n: number) => formatQty(n, formats);
  const day = formatDay(doc.date, formats);
  const layout = await DocumentLayout.create({
    locale: doc.locale,
    title: labels.title,
    reference: day,
    day: doc.date,
    letterhead: doc.letterhead,
    metaTitle: `${labels.title} ${day}`,
    pageLabel: labels.page,
    phoneLabel: labels.phone,
    taxIdLabel: labels.taxId,
  });
  const rows = doc.locations.flatMap((l) => l.rows);
  layout.drawHeader([
    [labels.date, day],
    [labels.lines, qty(rows.length)],
    [labels.units, qty(rows.reduce((n, r) => n + r.qty, 0))],
  ]);
  const columns: Column<Key>[] = [
    { key: 'check', label: '', width: 18, checkbox: true },
    { key: 'bin', label: labels.bin, width: 62 },
    { key: 'sku', label: labels.sku, width: 78 },
    { key: 'product', label: labels.product, width: 0, maxLines: 4 },
    { key: 'qty', label: labels.qty, width: 40, numeric: true },
    { key: 'charge', label: labels.charge, width: 64 },
    { key: 'client', label: labels.client, width: 118, maxLines: 4 },
  ];
  for (const location of doc.locations) {
    layout.drawTable({
      columns,
      detailFrom: 'sku',
      heading: { text: location.name, aside: labels.unitsAt(qty(location.rows.reduce((n, r) => n + r.qty, 0))), continued: labels.continued },
      rows: location.rows.map((r) => ({
        cells: {
          check: '',
          bin: r.bin ?? labels.noBin,
          sku: r.sku,
          product: r.productName,
          qty: qty(r.qty),
          charge: r.chargeNumber,
          client: `${r.companyName}\n${r.containerNumber} ${r.containerTitle}`,
        },
        detail: r.serials.length ? { label: labels.serials, text: r.serials.join(', ') } : null,
      })),
    });
  }
  if (doc.notStocked.length) {
    layout.drawNote(
      labels.notStocked,
      doc.notStocked.map((l) => `${l.chargeNumber} · ${l.sku} ${l.productName} × ${qty(l.qty)} · ${l.companyName} · ${l.containerNumber}`),
    );
  }
  return layout.save();
}
