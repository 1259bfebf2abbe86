// The purchase order as the distributor receives it: an A4 PDF, labels in the document's locale. Same
// document in, same bytes out (the PDF's dates are the order date, never the clock). Every string goes
// through the WinAnsi sanitizer, so no user-entered name can make rendering fail, and every table cell is
// wrapped, shrunk or cut to its column. A draft (an order still waiting for its approval) says so on
// every page: a banner above the content and a watermark across it.
import { PDFDocument, StandardFonts, type PDFFont, type PDFImage } from 'pdf-lib';
import { formatDay, formatMoney, formatQty, formatsFor, type EnglishLocale, type Formats } from '@shared/formats';
import { setDocumentMetadata } from './documentLayout';
import { PageWriter, type Rgb } from './pageWriter';
import { fitLine, fontCharset, measure, sanitizeText, wrapText, type TextStyle } from './textLayout';

export interface PurchaseOrderDocument {
  /** The language of the labels; dates and amounts follow it as the screens do (es-ES, or English as `englishLocale` says). */
  locale: 'es' | 'en';
  /** The office's English format (settings): an English document writes dates 31/12/2025 (en-GB) or 12/31/2025 (en-US). */
  englishLocale: EnglishLocale;
  /** Not approved yet: every page is marked "DRAFT – NOT APPROVED" and must not be sent as the order. */
  draft?: boolean;
  /** ISO 4217, e.g. 'EUR'. */
  currency: string;
  letterhead: {
    name: string;
    address: string;
    taxId: string;
    email?: string | null;
    phone?: string | null;
    logo?: { data: Uint8Array; mime: 'image/png' | 'image/jpeg' } | null;
  };
  /** e.g. 'PO-1001'. */
  number: string;
  /** Order date, 'YYYY-MM-DD'. */
  date: string;
  vendor: { name: string; address: string; email?: string | null; phone?: string | null; accountNumber?: string | null };
  /** Address lines separated by '\n'. */
  shipTo: { name: string; address: string };
  /** Client company the purchase is for. */
  purchaseFor?: string | null;
  shippingType?: string | null;
  /** 'YYYY-MM-DD'. */
  expectedShipDate?: string | null;
  paymentTerms?: string | null;
  /** Free text, may be several lines. */
  memo?: string | null;
  /** Money is integer ten-thousandths (12.5 € = 125000). */
  lines: Array<{ sku: string; description: string; vendorPartNumber: string | null; qty: number; unitCost: number; extended: number }>;
  subtotal: number;
  freight: number;
  total: number;
}

/** Exported for the glossary test: the Spanish labels use the terms of the screens. */
export const LABELS = {
  es: {
    title: 'Orden de compra', number: 'Número', date: 'Fecha', taxId: 'NIF', phone: 'Tel.',
    vendor: 'Proveedor', shipTo: 'Enviar a', accountNumber: 'N.º de cliente',
    purchaseFor: 'Compra para', shipping: 'Tipo de envío', expectedShipDate: 'Fecha prevista de envío', paymentTerms: 'Condiciones de pago',
    sku: 'SKU', vendorPart: 'N.º pieza prov.', description: 'Descripción', qty: 'Cant.', unitCost: 'Costo unitario', amount: 'Importe',
    subtotal: 'Subtotal', freight: 'Portes', total: 'Total', notes: 'Notas',
    draft: 'BORRADOR – NO APROBADA',
    page: (n: number, of: number) => `Página ${n} de ${of}`,
  },
  en: {
    title: 'Purchase order', number: 'Number', date: 'Date', taxId: 'Tax ID', phone: 'Phone',
    vendor: 'Vendor', shipTo: 'Ship to', accountNumber: 'Account no.',
    purchaseFor: 'Purchase for', shipping: 'Shipping', expectedShipDate: 'Expected ship date', paymentTerms: 'Payment terms',
    sku: 'SKU', vendorPart: 'Vendor part no.', description: 'Description', qty: 'Qty', unitCost: 'Unit cost', amount: 'Amount',
    subtotal: 'Subtotal', freight: 'Freight', total: 'Total', notes: 'Notes',
    draft: 'DRAFT – NOT APPROVED',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
};
type Labels = (typeof LABELS)['es'];

const PAGE: [number, number] = [595.28, 841.89]; // A4 portrait, points
const MARGIN = 40;
const LEFT = MARGIN;
const RIGHT = PAGE[0] - MARGIN;
const WIDTH = RIGHT - LEFT;
const TOP = PAGE[1] - MARGIN;
/** Lowest point body content may reach; the footer sits below it. */
const BODY_BOTTOM = 52;
const CELL_PAD = 4;

const INK: Rgb = [0.11, 0.12, 0.14];
const MUTED: Rgb = [0.4, 0.42, 0.46];
const RULE: Rgb = [0.78, 0.8, 0.83];
const ZEBRA: Rgb = [0.955, 0.96, 0.968];
const BAND: Rgb = [0.925, 0.935, 0.95];
const ACCENT: Rgb = [0.12, 0.24, 0.4];
const WHITE: Rgb = [1, 1, 1];
const DRAFT_INK: Rgb = [0.72, 0.1, 0.1];
const DRAFT_BAND: Rgb = [0.99, 0.9, 0.9];

type ColumnKey = 'sku' | 'vendorPart' | 'description' | 'qty' | 'unitCost' | 'amount';
/** Widths in points; the description takes what the others leave. */
const COLUMNS: Array<{ key: ColumnKey; width: number; numeric: boolean }> = [
  { key: 'sku', width: 70, numeric: false },
  { key: 'vendorPart', width: 76, numeric: false },
  { key: 'description', width: WIDTH - 70 - 76 - 38 - 68 - 74, numeric: false },
  { key: 'qty', width: 38, numeric: true },
  { key: 'unitCost', width: 68, numeric: true },
  { key: 'amount', width: 74, numeric: true },
];

interface Ctx {
  pdf: PDFDocument;
  doc: PurchaseOrderDocument;
  labels: Labels;
  formats: Formats;
  regular: PDFFont;
  bold: PDFFont;
  clean: (text: string) => string;
  /** Money as printed, sanitized; memoised because Intl formatting dominates a long order's render time. */
  money: (minor: number) => string;
  pages: PageWriter[];
  page: PageWriter;
  /** Top of the free space on the current page. */
  y: number;
}

interface Block {
  lines: string[];
  style: TextStyle;
  color: Rgb;
  lineHeight: number;
}

export async function renderPurchaseOrderPdf(doc: PurchaseOrderDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const charset = fontCharset(regular);
  const labels = LABELS[doc.locale];
  const formats = formatsFor(doc.locale, doc.englishLocale);
  setDocumentMetadata(pdf, { title: `${doc.number} — ${doc.vendor.name}${doc.draft ? ` (${labels.draft})` : ''}`, subject: labels.title, author: doc.letterhead.name, locale: doc.locale, day: doc.date });

  const clean = (text: string) => sanitizeText(text, charset);
  const printed = new Map<number, string>();
  const money = (minor: number) => {
    let text = printed.get(minor);
    if (text === undefined) printed.set(minor, (text = clean(formatMoney(minor, formats, doc.currency, { maximumFractionDigits: 4 }))));
    return text;
  };
  const page = new PageWriter(pdf, pdf.addPage(PAGE));
  const ctx: Ctx = { pdf, doc, labels, formats, regular, bold, clean, money, pages: [page], page, y: TOP };
  const logo = await embedLogo(pdf, doc.letterhead.logo);
  drawHeader(ctx, logo);
  drawParties(ctx);
  drawDetails(ctx);
  drawLineTable(ctx);
  drawTotals(ctx);
  drawNotes(ctx);
  if (doc.draft) drawDraftMarks(ctx);
  drawFooters(ctx);
  for (const p of ctx.pages) p.finish();
  return pdf.save();
}


/** A logo that cannot be decoded is left out rather than stopping the order from going out. */
async function embedLogo(pdf: PDFDocument, logo: PurchaseOrderDocument['letterhead']['logo']): Promise<PDFImage | null> {
  if (!logo) return null;
  try {
    return logo.mime === 'image/png' ? await pdf.embedPng(logo.data) : await pdf.embedJpg(logo.data);
  } catch {
    return null;
  }
}

// ---- first-page header: letterhead left, title block right ----

const TITLE_WIDTH = 200;

function drawHeader(ctx: Ctx, logo: PDFImage | null): void {
  const { doc, labels } = ctx;
  const lh = doc.letterhead;
  const leftWidth = WIDTH - TITLE_WIDTH - 24;
  let left = TOP;
  if (logo) {
    const scale = Math.min(160 / logo.width, 56 / logo.height);
    const height = logo.height * scale;
    ctx.page.image(logo, LEFT, left - height, logo.width * scale, height);
    left -= height + 10;
  }
  const contact = [lh.email, lh.phone ? `${labels.phone} ${lh.phone}` : null].filter(nonEmpty).join('  ·  ');
  left = drawBlocks(ctx, LEFT, left, [
    block(ctx, lh.name, ctx.bold, 14, INK, leftWidth, 2),
    block(ctx, lh.address, ctx.regular, 9, INK, leftWidth, 6),
    block(ctx, lh.taxId ? `${labels.taxId}: ${lh.taxId}` : '', ctx.regular, 9, INK, leftWidth, 1),
    block(ctx, contact, ctx.regular, 9, MUTED, leftWidth, 2),
  ]);

  const x = RIGHT - TITLE_WIDTH;
  const title = fitLine(ctx.clean(labels.title), { font: ctx.bold, size: 20 }, TITLE_WIDTH, 12);
  drawRight(ctx, title.text, RIGHT, TOP - 18, { font: ctx.bold, size: title.size }, ACCENT);
  let right = TOP - 30;
  for (const [label, value] of [[labels.number, doc.number], [labels.date, formatDay(doc.date, ctx.formats)]]) {
    ctx.page.fillRect(x, right - 18, TITLE_WIDTH, 18, BAND);
    drawText(ctx, ctx.clean(label), x + 6, right - 12.5, { font: ctx.regular, size: 8.5 }, MUTED);
    const fitted = fitLine(ctx.clean(value), { font: ctx.bold, size: 10 }, TITLE_WIDTH - 70, 7);
    drawRight(ctx, fitted.text, RIGHT - 6, right - 12.5, { font: ctx.bold, size: fitted.size }, INK);
    right -= 20;
  }

  ctx.y = Math.min(left, right) - 10;
  ctx.page.line(LEFT, ctx.y, RIGHT, ctx.y, ACCENT, 1.2);
  ctx.y -= 14;
}

// ---- vendor and ship-to boxes ----

function drawParties(ctx: Ctx): void {
  const { doc, labels } = ctx;
  const gap = 14;
  const boxWidth = (WIDTH - gap) / 2;
  const inner = boxWidth - 2 * 8;
  const vendor = [
    block(ctx, doc.vendor.name, ctx.bold, 10, INK, inner, 2),
    block(ctx, doc.vendor.address, ctx.regular, 9, INK, inner, 6),
    block(ctx, doc.vendor.email ?? '', ctx.regular, 9, INK, inner, 1),
    block(ctx, doc.vendor.phone ? `${labels.phone} ${doc.vendor.phone}` : '', ctx.regular, 9, INK, inner, 1),
    block(ctx, doc.vendor.accountNumber ? `${labels.accountNumber}: ${doc.vendor.accountNumber}` : '', ctx.regular, 9, INK, inner, 1),
  ];
  const shipTo = [block(ctx, doc.shipTo.name, ctx.bold, 10, INK, inner, 2), block(ctx, doc.shipTo.address, ctx.regular, 9, INK, inner, 8)];
  const band = 17;
  const height = band + 8 + Math.max(blocksHeight(vendor), blocksHeight(shipTo)) + 6;
  for (const [i, label, blocks] of [[0, labels.vendor, vendor], [1, labels.shipTo, shipTo]] as const) {
    const x = LEFT + i * (boxWidth + gap);
    ctx.page.strokeRect(x, ctx.y - height, boxWidth, height, RULE, 0.75);
    ctx.page.fillRect(x, ctx.y - band, boxWidth, band, BAND);
    drawText(ctx, ctx.clean(label), x + 8, ctx.y - 11.5, { font: ctx.bold, size: 8.5 }, ACCENT);
    drawBlocks(ctx, x + 8, ctx.y - band - 6, blocks);
  }
  ctx.y -= height + 12;
}

// ---- purchase for / shipping / expected ship date / payment terms ----

function drawDetails(ctx: Ctx): void {
  const { doc, labels } = ctx;
  const cells: Array<[string, string | null | undefined]> = [
    [labels.purchaseFor, doc.purchaseFor],
    [labels.shipping, doc.shippingType],
    [labels.expectedShipDate, doc.expectedShipDate ? formatDay(doc.expectedShipDate, ctx.formats) : null],
    [labels.paymentTerms, doc.paymentTerms],
  ];
  if (!cells.some(([, value]) => nonEmpty(value))) return;
  const width = WIDTH / cells.length;
  const inner = width - 2 * 8;
  const contents = cells.map(([label, value]) => [
    block(ctx, label, ctx.regular, 7.5, MUTED, inner, 2),
    block(ctx, nonEmpty(value) ? value : '—', ctx.regular, 9, INK, inner, 3),
  ]);
  const height = 6 + Math.max(...contents.map(blocksHeight)) + 6;
  ctx.page.strokeRect(LEFT, ctx.y - height, WIDTH, height, RULE, 0.75);
  contents.forEach((blocks, i) => {
    const x = LEFT + i * width;
    if (i > 0) ctx.page.line(x, ctx.y, x, ctx.y - height, RULE, 0.75);
    drawBlocks(ctx, x + 8, ctx.y - 6, blocks);
  });
  ctx.y -= height + 14;
}

// ---- the line table, its header repeated on every page it runs over ----

const ROW_FONT = 8.5;
const ROW_LINE = 10.5;

function drawLineTable(ctx: Ctx): void {
  const { doc } = ctx;
  const style = { font: ctx.regular, size: ROW_FONT };
  drawTableHeader(ctx);
  doc.lines.forEach((line, index) => {
    const text: Record<ColumnKey, string> = {
      sku: line.sku,
      vendorPart: line.vendorPartNumber ?? '',
      description: line.description,
      qty: formatQty(line.qty, ctx.formats, { maximumFractionDigits: 4 }),
      unitCost: ctx.money(line.unitCost),
      amount: ctx.money(line.extended),
    };
    const cells = COLUMNS.map((col) => {
      const inner = col.width - 2 * CELL_PAD;
      if (col.numeric) return [fitLine(col.key === 'qty' ? ctx.clean(text.qty) : text[col.key], style, inner, 6)];
      const lines = wrapText(ctx.clean(text[col.key]), style, inner, col.key === 'description' ? 8 : 3);
      return lines.map((l) => ({ text: l, size: ROW_FONT }));
    });
    const height = Math.max(...cells.map((c) => c.length)) * ROW_LINE + 2 * CELL_PAD;
    if (ctx.y - height < BODY_BOTTOM) {
      newPage(ctx);
      drawTableHeader(ctx);
    }
    if (index % 2 === 1) ctx.page.fillRect(LEFT, ctx.y - height, WIDTH, height, ZEBRA);
    let x = LEFT;
    COLUMNS.forEach((col, c) => {
      cells[c].forEach((cell, i) => {
        const baseline = ctx.y - CELL_PAD - i * ROW_LINE - 8;
        const cellStyle = { font: ctx.regular, size: cell.size };
        if (col.numeric) drawRight(ctx, cell.text, x + col.width - CELL_PAD, baseline, cellStyle, INK);
        else drawText(ctx, cell.text, x + CELL_PAD, baseline, cellStyle, INK);
      });
      x += col.width;
    });
    ctx.y -= height;
  });
  ctx.page.line(LEFT, ctx.y, RIGHT, ctx.y, RULE, 0.75);
}

function drawTableHeader(ctx: Ctx): void {
  const height = 18;
  ctx.page.fillRect(LEFT, ctx.y - height, WIDTH, height, ACCENT);
  let x = LEFT;
  for (const col of COLUMNS) {
    const fitted = fitLine(ctx.clean(ctx.labels[col.key]), { font: ctx.bold, size: 8 }, col.width - 2 * CELL_PAD, 6);
    const style = { font: ctx.bold, size: fitted.size };
    if (col.numeric) drawRight(ctx, fitted.text, x + col.width - CELL_PAD, ctx.y - 12, style, WHITE);
    else drawText(ctx, fitted.text, x + CELL_PAD, ctx.y - 12, style, WHITE);
    x += col.width;
  }
  ctx.y -= height;
}

// ---- totals and notes ----

function drawTotals(ctx: Ctx): void {
  const { doc, labels } = ctx;
  const width = 230;
  const x = RIGHT - width;
  const { money } = ctx;
  const height = 8 + 16 + 16 + 4 + 22;
  if (ctx.y - height < BODY_BOTTOM) newPage(ctx);
  let y = ctx.y - 8;
  for (const [label, value] of [[labels.subtotal, doc.subtotal], [labels.freight, doc.freight]] as const) {
    drawText(ctx, ctx.clean(label), x + 6, y - 11.5, { font: ctx.regular, size: 9.5 }, MUTED);
    const fitted = fitLine(money(value), { font: ctx.regular, size: 9.5 }, width - 110, 6);
    drawRight(ctx, fitted.text, RIGHT - CELL_PAD, y - 11.5, { font: ctx.regular, size: fitted.size }, INK);
    y -= 16;
  }
  y -= 4;
  ctx.page.fillRect(x, y - 22, width, 22, BAND);
  ctx.page.line(x, y, RIGHT, y, ACCENT, 1.2);
  drawText(ctx, ctx.clean(labels.total), x + 6, y - 15, { font: ctx.bold, size: 11 }, ACCENT);
  const total = fitLine(money(doc.total), { font: ctx.bold, size: 11 }, width - 90, 6);
  drawRight(ctx, total.text, RIGHT - CELL_PAD, y - 15, { font: ctx.bold, size: total.size }, INK);
  ctx.y = y - 22;
}

function drawNotes(ctx: Ctx): void {
  const memo = ctx.doc.memo?.trim();
  if (!memo) return;
  const style = { font: ctx.regular, size: 9 };
  const lines = wrapText(ctx.clean(memo), style, WIDTH);
  const lineHeight = 12;
  ctx.y -= 18;
  if (ctx.y - 14 - lineHeight < BODY_BOTTOM) newPage(ctx);
  drawText(ctx, ctx.clean(ctx.labels.notes), LEFT, ctx.y - 9, { font: ctx.bold, size: 9.5 }, ACCENT);
  ctx.y -= 14;
  for (const line of lines) {
    if (ctx.y - lineHeight < BODY_BOTTOM) newPage(ctx);
    drawText(ctx, line, LEFT, ctx.y - 9, style, INK);
    ctx.y -= lineHeight;
  }
}

// ---- pages: continuation header and footers ----

function newPage(ctx: Ctx): void {
  ctx.page = new PageWriter(ctx.pdf, ctx.pdf.addPage(PAGE));
  ctx.pages.push(ctx.page);
  const style = { font: ctx.bold, size: 9 };
  const right = fitLine(ctx.clean(`${ctx.labels.title} ${ctx.doc.number}`), style, WIDTH / 2 - 10, 6);
  drawRight(ctx, right.text, RIGHT, TOP - 9, { font: ctx.bold, size: right.size }, ACCENT);
  const left = fitLine(ctx.clean(ctx.doc.letterhead.name), style, WIDTH / 2 - 10);
  drawText(ctx, left.text, LEFT, TOP - 9, style, INK);
  ctx.page.line(LEFT, TOP - 15, RIGHT, TOP - 15, RULE, 0.75);
  ctx.y = TOP - 26;
}

/** A banner in the top margin and a translucent diagonal watermark across the body, on every page. */
function drawDraftMarks(ctx: Ctx): void {
  const text = ctx.clean(ctx.labels.draft);
  const banner = { font: ctx.bold, size: 10 };
  const bandBottom = PAGE[1] - 32;
  // Diagonal at 45°: about 85 % of the body's width from end to end, whatever the language.
  const size = Math.min(60, (1.2 * WIDTH) / measure(text, { font: ctx.bold, size: 1 }));
  const width = measure(text, { font: ctx.bold, size });
  const half = Math.SQRT1_2 / 2;
  // The middle of the text (half its width along the baseline, half its cap height across) on the body's middle.
  const [cx, cy] = [PAGE[0] / 2, (TOP + BODY_BOTTOM) / 2];
  const capHeight = 0.72 * size;
  const x = cx - width * half + capHeight * half;
  const y = cy - width * half - capHeight * half;
  for (const page of ctx.pages) {
    ctx.page = page;
    page.fillRect(LEFT, bandBottom, WIDTH, 20, DRAFT_BAND);
    page.strokeRect(LEFT, bandBottom, WIDTH, 20, DRAFT_INK, 0.75);
    drawText(ctx, text, LEFT + (WIDTH - measure(text, banner)) / 2, bandBottom + 6.5, banner, DRAFT_INK);
    page.overlayText(text, x, y, ctx.bold, size, DRAFT_INK, 45, 0.16);
  }
}

function drawFooters(ctx: Ctx): void {
  const { pages } = ctx;
  const style = { font: ctx.regular, size: 8 };
  const reference = ctx.clean(`${ctx.labels.title} ${ctx.doc.number} · ${ctx.doc.letterhead.name}`);
  pages.forEach((page, i) => {
    ctx.page = page;
    page.line(LEFT, 40, RIGHT, 40, RULE, 0.5);
    drawText(ctx, fitLine(reference, style, WIDTH - 140).text, LEFT, 28, style, MUTED);
    drawRight(ctx, ctx.clean(ctx.labels.page(i + 1, pages.length)), RIGHT, 28, style, MUTED);
  });
}

// ---- drawing helpers ----

function block(ctx: Ctx, text: string, font: PDFFont, size: number, color: Rgb, width: number, maxLines: number): Block {
  const style = { font, size };
  const trimmed = text.trim();
  return { lines: trimmed ? wrapText(ctx.clean(trimmed), style, width, maxLines) : [], style, color, lineHeight: size * 1.28 };
}

function blocksHeight(blocks: Block[]): number {
  return blocks.reduce((sum, b) => sum + b.lines.length * b.lineHeight, 0);
}

/** Draws blocks top-down from `top`; returns the y below the last line. */
function drawBlocks(ctx: Ctx, x: number, top: number, blocks: Block[]): number {
  let y = top;
  for (const b of blocks) {
    for (const line of b.lines) {
      drawText(ctx, line, x, y - b.style.size, b.style, b.color);
      y -= b.lineHeight;
    }
  }
  return y;
}

function drawText(ctx: Ctx, text: string, x: number, baseline: number, style: TextStyle, color: Rgb): void {
  ctx.page.text(text, x, baseline, style.font, style.size, color);
}

function drawRight(ctx: Ctx, text: string, right: number, baseline: number, style: TextStyle, color: Rgb): void {
  drawText(ctx, text, right - measure(text, style), baseline, style, color);
}

function nonEmpty(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
