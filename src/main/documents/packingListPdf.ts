// The packing list that travels with the goods: who they go to, what is in the parcel (SKU, product,
// quantity, the client's charge and contract/project/ticket) and every serial number, in the client
// company's language. It carries no money at all — no costs, no prices — so the document type has no
// field that could hold one.
import { formatDay, formatQty, formatsFor, type EnglishLocale } from '@shared/formats';
import { DocumentLayout, type Column, type Letterhead } from './documentLayout';

export interface PackingListDocument {
  locale: 'es' | 'en';
  /** The office's English format (settings): dates 31/12/2025 (en-GB) or 12/31/2025 (en-US). */
  englishLocale: EnglishLocale;
  letterhead: Letterhead;
  /** The delivery's day, or the day it was printed for lines not delivered yet: 'YYYY-MM-DD'. */
  date: string;
  /** The delivery document it lists; null for Delivery & Shipping lines before they leave. */
  delivery: { number: string; carrier: string | null; trackingNumber: string | null; shipDate: string | null; reason: string | null } | null;
  /** The client company. */
  client: string;
  /** Address lines separated by '\n'. */
  shipTo: { name: string; address: string };
  lines: PackingLine[];
}

export interface PackingLine {
  sku: string;
  productName: string;
  qty: number;
  /** The charge and its contract/project/ticket; null for units sent outside any charge. */
  chargeNumber: string | null;
  containerNumber: string | null;
  serials: string[];
}

/** Exported for the glossary test: the Spanish labels use the terms of the screens. */
export const PACKING_LIST_LABELS = {
  es: {
    title: 'Lista de embalaje', number: 'Número', date: 'Fecha', units: 'Unidades', taxId: 'NIF', phone: 'Tel.',
    shipTo: 'Enviar a', client: 'Cliente', carrier: 'Transportista', tracking: 'N.º de seguimiento', shipDate: 'Fecha de envío', reason: 'Motivo',
    lineNo: '#', sku: 'SKU', product: 'Producto', qty: 'Cant.', reference: 'Referencia', serials: 'N.º de serie:', continued: '(cont.)',
    page: (n: number, of: number) => `Página ${n} de ${of}`,
  },
  en: {
    title: 'Packing list', number: 'Number', date: 'Date', units: 'Units', taxId: 'Tax ID', phone: 'Phone',
    shipTo: 'Ship to', client: 'Client', carrier: 'Carrier', tracking: 'Tracking number', shipDate: 'Ship date', reason: 'Reason',
    lineNo: '#', sku: 'SKU', product: 'Product', qty: 'Qty', reference: 'Reference', serials: 'Serials:', continued: '(cont.)',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
};

type Key = 'lineNo' | 'sku' | 'product' | 'qty' | 'reference';

export async function renderPackingListPdf(doc: PackingListDocument): Promise<Uint8Array> {
  const labels = PACKING_LIST_LABELS[doc.locale];
  const formats = formatsFor(doc.locale, doc.englishLocale);
  const qty = (n: number) => formatQty(n, formats);
  const day = formatDay(doc.date, formats);
  const reference = doc.delivery?.number ?? day;
  const layout = await DocumentLayout.create({
    locale: doc.locale,
    title: labels.title,
    reference,
    day: doc.date,
    letterhead: doc.letterhead,
    metaTitle: `${labels.title} ${reference} — ${doc.client}`,
    pageLabel: labels.page,
    phoneLabel: labels.phone,
    taxIdLabel: labels.taxId,
  });
  layout.drawHeader([
    ...(doc.delivery ? [[labels.number, doc.delivery.number] as [string, string]] : []),
    [labels.date, day],
    [labels.units, qty(doc.lines.reduce((n, l) => n + l.qty, 0))],
  ]);
  // The client is named apart only when the parcel goes to someone else (a site, a branch).
  const sameName = doc.shipTo.name.trim().toLowerCase() === doc.client.trim().toLowerCase();
  layout.drawBoxes([
    { label: labels.shipTo, title: doc.shipTo.name, text: doc.shipTo.address },
    ...(sameName ? [] : [{ label: labels.client, title: doc.client, text: '' }]),
  ]);
  if (doc.delivery) {
    layout.drawDetails([
      [labels.carrier, doc.delivery.carrier],
      [labels.tracking, doc.delivery.trackingNumber],
      [labels.shipDate, doc.delivery.shipDate ? formatDay(doc.delivery.shipDate, formats) : null],
      [labels.reason, doc.delivery.reason],
    ]);
  }
  const columns: Column<Key>[] = [
    { key: 'lineNo', label: labels.lineNo, width: 24, numeric: true },
    { key: 'sku', label: labels.sku, width: 90 },
    { key: 'product', label: labels.product, width: 0, maxLines: 4 },
    { key: 'qty', label: labels.qty, width: 44, numeric: true },
    { key: 'reference', label: labels.reference, width: 120 },
  ];
  layout.drawTable({
    columns,
    detailFrom: 'sku',
    rows: doc.lines.map((l, i) => ({
      cells: {
        lineNo: String(i + 1),
        sku: l.sku,
        product: l.productName,
        qty: qty(l.qty),
        reference: [l.chargeNumber, l.containerNumber].filter(Boolean).join('\n'),
      },
      detail: l.serials.length ? { label: labels.serials, text: l.serials.join(', ') } : null,
    })),
  });
  return layout.save();
}
