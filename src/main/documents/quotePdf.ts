// The quote of an opportunity as the client receives it: who it is for, what is offered (SKU, description,
// quantity, net unit price, line amount) and the total, in the client company's language. Prices are net:
// the document says VAT is not included. It carries no cost, so the document type has no field that could
// hold one. Same document in, same bytes out (the PDF is dated with the document's day).
import { formatDay, formatMoney, formatQty, formatsFor, type EnglishLocale } from '@shared/formats';
import { DocumentLayout, type Column, type Letterhead } from './documentLayout';

export interface QuoteDocument {
  locale: 'es' | 'en';
  /** The office's English format (settings): dates 31/12/2025 (en-GB) or 12/31/2025 (en-US). */
  englishLocale: EnglishLocale;
  /** ISO 4217, e.g. 'EUR'. */
  currency: string;
  letterhead: Letterhead;
  /** The opportunity's number, e.g. 'OPP-1001'. */
  number: string;
  /** The opportunity's title: what the quote is about. */
  title: string;
  /** The day the quote was printed: 'YYYY-MM-DD'. */
  date: string;
  /** The day the sale is expected to close ('YYYY-MM-DD'), if the opportunity has one. */
  expectedClose: string | null;
  /** The client company; address lines separated by '\n'. */
  client: { name: string; address: string };
  lines: QuoteLine[];
  /** Σ of the line totals, integer ten-thousandths as a decimal string (exact past 2^53). */
  total: string;
}

export interface QuoteLine {
  /** The item's line number, as the opportunity's screen shows it. */
  lineNo: number;
  sku: string;
  description: string;
  quantity: number;
  /** Net of VAT, integer ten-thousandths (12.5 € = 125000). */
  unitPrice: number;
  /** quantity × unitPrice, integer ten-thousandths as a decimal string: one line can pass 2^53. */
  lineTotal: string;
}

/** Exported for the glossary test: the Spanish labels use the terms of the screens. */
export const QUOTE_LABELS = {
  es: {
    title: 'Cotización', number: 'Número', date: 'Fecha', expectedClose: 'Cierre previsto', taxId: 'NIF', phone: 'Tel.',
    client: 'Cliente', subject: 'Asunto',
    lineNo: '#', sku: 'SKU', description: 'Descripción', qty: 'Cant.', unitPrice: 'Precio unitario', amount: 'Importe', total: 'Total',
    conditions: 'Condiciones', pricesNet: 'Precios sin IVA.',
    page: (n: number, of: number) => `Página ${n} de ${of}`,
  },
  en: {
    title: 'Quote', number: 'Number', date: 'Date', expectedClose: 'Expected close', taxId: 'Tax ID', phone: 'Phone',
    client: 'Client', subject: 'Subject',
    lineNo: '#', sku: 'SKU', description: 'Description', qty: 'Qty', unitPrice: 'Unit price', amount: 'Amount', total: 'Total',
    conditions: 'Conditions', pricesNet: 'Prices exclude VAT.',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
};

type Key = 'lineNo' | 'sku' | 'description' | 'qty' | 'unitPrice' | 'amount';

export async function renderQuotePdf(doc: QuoteDocument): Promise<Uint8Array> {
  const labels = QUOTE_LABELS[doc.locale];
  const formats = formatsFor(doc.locale, doc.englishLocale);
  // Prices may carry four decimals; printing them cut to two would make the lines not add up.
  const money = (minor: number | string) => formatMoney(minor, formats, doc.currency, { maximumFractionDigits: 4 });
  const qty = (n: number) => formatQty(n, formats);
  const layout = await DocumentLayout.create({
    locale: doc.locale,
    title: labels.title,
    reference: doc.number,
    day: doc.date,
    letterhead: doc.letterhead,
    metaTitle: `${labels.title} ${doc.number} — ${doc.client.name}`,
    pageLabel: labels.page,
    phoneLabel: labels.phone,
    taxIdLabel: labels.taxId,
  });
  layout.drawHeader([
    [labels.number, doc.number],
    [labels.date, formatDay(doc.date, formats)],
    ...(doc.expectedClose ? [[labels.expectedClose, formatDay(doc.expectedClose, formats)] as [string, string]] : []),
  ]);
  layout.drawBoxes([
    { label: labels.client, title: doc.client.name, text: doc.client.address },
    { label: labels.subject, title: doc.title, text: '' },
  ]);
  const columns: Column<Key>[] = [
    { key: 'lineNo', label: labels.lineNo, width: 24, numeric: true },
    { key: 'sku', label: labels.sku, width: 84 },
    { key: 'description', label: labels.description, width: 0, maxLines: 4 },
    { key: 'qty', label: labels.qty, width: 44, numeric: true },
    { key: 'unitPrice', label: labels.unitPrice, width: 80, numeric: true },
    { key: 'amount', label: labels.amount, width: 88, numeric: true },
  ];
  const rows = doc.lines.map((l) => ({
    cells: { lineNo: String(l.lineNo), sku: l.sku, description: l.description, qty: qty(l.quantity), unitPrice: money(l.unitPrice), amount: money(l.lineTotal) },
  }));
  // The total is the table's last row: the layout pages rows, so it can never fall into the footer.
  rows.push({ cells: { lineNo: '', sku: '', description: labels.total, qty: '', unitPrice: '', amount: money(doc.total) } });
  layout.drawTable({ columns, rows });
  layout.drawNote(labels.conditions, [labels.pricesNet]);
  return layout.save();
}
