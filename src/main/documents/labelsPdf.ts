// Barcode labels: one code per label with the same code in words (bold) and a caption (the product's name,
// the location, the bin's location) beside or under it. A4: sheets of 3 × 8 labels of 70 × 37 mm (the
// common 24-up sheets), filled row by row from any label of a sheet already started; roll: one 62 × 29 mm label per page, for a label printer. Each
// distinct code is drawn and embedded once, whatever the copies. A Code 128 symbol whose bars would come out
// narrower than a scanner reads reliably is refused (BARCODE_TOO_LONG) rather than printed unreadable.
import { PDFDocument, StandardFonts, type PDFFont, type PDFImage } from 'pdf-lib';
import type { LabelFormat, LabelSymbology } from '@shared/contract/labels';
import { DomainError } from '@shared/errors';
import { renderBarcode, type BarcodeImage } from './barcodes';
import { INK, MUTED, setDocumentMetadata } from './documentLayout';
import { PageWriter } from './pageWriter';
import { fitLine, fontCharset, measure, sanitizeText, wrapText, type TextStyle } from './textLayout';

export interface LabelItem {
  /** What the code holds, exactly as the app looks it up. */
  code: string;
  /** Printed smaller next to the code: what it is (a product's name, a bin's location). */
  caption: string | null;
}

export interface LabelsDocument {
  locale: 'es' | 'en';
  symbology: LabelSymbology;
  format: LabelFormat;
  /** Copies of each label, one after the other. */
  copies: number;
  /** A4: the first free label of the first sheet (1-based); the ones before it are left blank. */
  startAt?: number;
  /** The day printed, 'YYYY-MM-DD' (the PDF's date). */
  day: string;
  /** The office's name (the PDF's author). */
  author: string;
  items: LabelItem[];
}

const MM = 72 / 25.4;

interface Geometry {
  page: [number, number];
  label: [number, number];
  columns: number;
  rows: number;
  /** Top-left corner of the first label, from the page's top-left. */
  origin: [number, number];
  pad: [number, number];
  codeSize: number;
  captionSize: number;
}

export const LABEL_FORMATS: Record<LabelFormat, Geometry> = {
  a4: {
    page: [595.28, 841.89],
    label: [70 * MM, 37 * MM],
    columns: 3,
    rows: 8,
    origin: [0, 0.5 * MM],
    pad: [4 * MM, 3.5 * MM],
    codeSize: 9,
    captionSize: 7,
  },
  roll: { page: [62 * MM, 29 * MM], label: [62 * MM, 29 * MM], columns: 1, rows: 1, origin: [0, 0], pad: [2.5 * MM, 2 * MM], codeSize: 8, captionSize: 6.5 },
};

/** Narrowest bar (Code 128) and cell (QR) printed: below this, office printers and scanners start to fail. */
const MIN_MODULE = { code128: 0.19 * MM, qr: 0.25 * MM } as const;
/** Widest Code 128 bar: short codes keep a compact symbol instead of stretching over the whole label. */
const MAX_BAR = 0.5 * MM;
/** Code 128's quiet zone on each side, in modules. */
const QUIET_128 = 10;
/** QR's quiet zone on each side in modules, on top of the label's own blank margin. */
const QUIET_QR = 2;

export const LABELS_TEXT = {
  es: { title: 'Etiquetas', file: 'etiquetas' },
  en: { title: 'Labels', file: 'labels' },
} as const;

/**
 * Drawing a code is synchronous work (a few milliseconds each; a thousand take seconds): the host lets other
 * calls in between every few codes, so one big print does not stall everybody else's screens.
 */
const YIELD_EVERY = 25;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface RenderedLabels {
  bytes: Uint8Array;
  labels: number;
  pages: number;
}

export async function renderLabelsPdf(doc: LabelsDocument): Promise<RenderedLabels> {
  const geometry = LABEL_FORMATS[doc.format];
  const images = new Map<string, BarcodeImage>();
  for (const item of doc.items) {
    if (images.has(item.code)) continue;
    images.set(item.code, await renderBarcode(doc.symbology, item.code));
    if (images.size % YIELD_EVERY === 0) await nextTurn();
  }
  checkDensity(doc, geometry, images);

  const pdf = await PDFDocument.create({ updateMetadata: false });
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const charset = fontCharset(regular);
  setDocumentMetadata(pdf, { title: LABELS_TEXT[doc.locale].title, subject: LABELS_TEXT[doc.locale].title, author: doc.author, locale: doc.locale, day: doc.day });
  const embedded = new Map<string, PDFImage>();
  for (const [code, image] of images) {
    embedded.set(code, await pdf.embedPng(image.png));
    if (embedded.size % YIELD_EVERY === 0) await nextTurn();
  }

  const perPage = geometry.columns * geometry.rows;
  const labels = doc.items.flatMap((item) => Array<LabelItem>(doc.copies).fill(item));
  const skipped = Math.min(perPage, Math.max(1, doc.startAt ?? 1)) - 1;
  let writer: PageWriter | null = null;
  labels.forEach((item, n) => {
    const i = n + skipped;
    const slot = i % perPage;
    if (slot === 0 || n === 0) {
      writer?.finish();
      writer = new PageWriter(pdf, pdf.addPage(geometry.page));
    }
    const col = slot % geometry.columns;
    const row = Math.floor(slot / geometry.columns);
    const left = geometry.origin[0] + col * geometry.label[0];
    const top = geometry.page[1] - geometry.origin[1] - row * geometry.label[1];
    const box: Box = { x: left + geometry.pad[0], y: top - geometry.label[1] + geometry.pad[1], w: geometry.label[0] - 2 * geometry.pad[0], h: geometry.label[1] - 2 * geometry.pad[1] };
    const fonts = { regular, bold, charset };
    const image = { pdf: embedded.get(item.code)!, modules: images.get(item.code)!.modules };
    if (doc.symbology === 'code128') drawLinearLabel(writer!, box, item, image, fonts, geometry);
    else drawQrLabel(writer!, box, item, image, fonts, geometry);
  });
  (writer as PageWriter | null)?.finish();
  return { bytes: await pdf.save({ useObjectStreams: false }), labels: labels.length, pages: pdf.getPageCount() };
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  charset: ReadonlySet<number>;
}
interface Symbol {
  pdf: PDFImage;
  modules: number;
}

/** The module width a code gets on its label: as wide as fits, up to MAX_BAR for Code 128. */
function moduleWidth(symbology: LabelSymbology, geometry: Geometry, modules: number): number {
  const inner = [geometry.label[0] - 2 * geometry.pad[0], geometry.label[1] - 2 * geometry.pad[1]] as const;
  if (symbology === 'code128') return Math.min(MAX_BAR, inner[0] / (modules + 2 * QUIET_128));
  return qrSide(inner[0], inner[1]) / (modules + 2 * QUIET_QR);
}

function qrSide(width: number, height: number): number {
  return Math.min(height, width * 0.5);
}

function checkDensity(doc: LabelsDocument, geometry: Geometry, images: Map<string, BarcodeImage>): void {
  for (const [code, image] of images) {
    if (moduleWidth(doc.symbology, geometry, image.modules) >= MIN_MODULE[doc.symbology]) continue;
    const inner = geometry.label[0] - 2 * geometry.pad[0];
    throw new DomainError('BARCODE_TOO_LONG', { text: code, format: doc.format, symbology: doc.symbology, max: Math.floor(inner / MIN_MODULE.code128) - 2 * QUIET_128 });
  }
}

function drawLinearLabel(page: PageWriter, box: Box, item: LabelItem, image: Symbol, fonts: Fonts, geometry: Geometry): void {
  const codeStyle = { font: fonts.bold, size: geometry.codeSize };
  const captionStyle = { font: fonts.regular, size: geometry.captionSize };
  const code = fitLine(sanitizeText(item.code, fonts.charset), codeStyle, box.w, 5);
  const captionLines = item.caption ? wrapText(sanitizeText(item.caption, fonts.charset), captionStyle, box.w, geometry.rows > 1 ? 2 : 1) : [];
  const captionLead = captionStyle.size * 1.15;
  const textHeight = code.size * 1.2 + captionLines.length * captionLead;
  // Bars on top, the code in words under them, the caption under that.
  let baseline = box.y + captionLines.length * captionLead + 0.25 * code.size;
  centered(page, code.text, box, baseline, { font: fonts.bold, size: code.size }, INK);
  captionLines.forEach((line, i) => {
    baseline = box.y + (captionLines.length - 1 - i) * captionLead + 0.25 * captionStyle.size;
    centered(page, line, box, baseline, captionStyle, MUTED);
  });
  const barsHeight = box.h - textHeight - 2;
  const module = Math.min(MAX_BAR, box.w / (image.modules + 2 * QUIET_128));
  const width = image.modules * module;
  page.image(image.pdf, box.x + (box.w - width) / 2, box.y + box.h - barsHeight, width, barsHeight);
}

function drawQrLabel(page: PageWriter, box: Box, item: LabelItem, image: Symbol, fonts: Fonts, geometry: Geometry): void {
  const side = qrSide(box.w, box.h);
  const module = side / (image.modules + 2 * QUIET_QR);
  const drawn = image.modules * module;
  page.image(image.pdf, box.x + QUIET_QR * module, box.y + (box.h - drawn) / 2, drawn, drawn);

  // Beside it: the code in words (as large as fits, wrapped), the caption in what height is left.
  const left = box.x + side + 2 * MM;
  const width = box.x + box.w - left;
  let size = geometry.codeSize;
  let lines = wrapText(sanitizeText(item.code, fonts.charset), { font: fonts.bold, size }, width);
  while (size > 5 && lines.length * size * 1.2 > box.h) {
    size -= 0.5;
    lines = wrapText(sanitizeText(item.code, fonts.charset), { font: fonts.bold, size }, width);
  }
  const codeLines = lines.slice(0, Math.max(1, Math.floor(box.h / (size * 1.2))));
  const captionStyle = { font: fonts.regular, size: geometry.captionSize };
  const captionLead = captionStyle.size * 1.15;
  const room = Math.floor((box.h - codeLines.length * size * 1.2 - 1) / captionLead);
  const captionLines = item.caption && room > 0 ? wrapText(sanitizeText(item.caption, fonts.charset), captionStyle, width, room) : [];
  const blockHeight = codeLines.length * size * 1.2 + (captionLines.length > 0 ? 1 + captionLines.length * captionLead : 0);
  let y = box.y + (box.h + blockHeight) / 2;
  for (const line of codeLines) {
    y -= size * 1.2;
    page.text(line, left, y + 0.25 * size, fonts.bold, size, INK);
  }
  y -= 1;
  for (const line of captionLines) {
    y -= captionLead;
    page.text(line, left, y + 0.25 * captionStyle.size, fonts.regular, captionStyle.size, MUTED);
  }
}

function centered(page: PageWriter, text: string, box: Box, baseline: number, style: TextStyle, color: typeof INK): void {
  page.text(text, box.x + (box.w - measure(text, style)) / 2, baseline, style.font, style.size, color);
}
