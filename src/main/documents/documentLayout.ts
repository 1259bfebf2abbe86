// Page furniture of the delivery documents (pick list, packing list): A4 portrait; the office's letterhead
// and a title block on the first page, a one-line continuation header on the others; tables whose header
// (and group heading) repeats on every page they run over, each row with an optional detail text (serial
// numbers) that flows line by line across pages however long it is; "Page n of m" footers. Same input, same
// bytes: the PDF is dated with the document's day, never the clock. Every string is sanitized for the
// standard fonts (textLayout.ts) and every cell is wrapped, shrunk or cut to its column.
import type { Settings } from '@shared/contract/settings';
import { PDFDocument, StandardFonts, type PDFFont, type PDFImage } from 'pdf-lib';
import { isDay } from '@shared/formats';
import { PageWriter, type Rgb } from './pageWriter';
import { fitLine, fontCharset, measure, sanitizeText, wrapText, type TextStyle } from './textLayout';

/** The office as the documents print it (settings). */
export interface Letterhead {
  name: string;
  address: string;
  taxId: string;
  email?: string | null;
  phone?: string | null;
  logo?: { data: Uint8Array; mime: 'image/png' | 'image/jpeg' } | null;
}

/**
 * A document's properties (title, subject, author, language) and its dates: the document's day at
 * midnight UTC, so the same document gives the same bytes wherever and whenever it is printed.
 */
export function setDocumentMetadata(pdf: PDFDocument, meta: { title: string; subject: string; author: string; locale: string; day: string }): void {
  // Info strings are UTF-16 in the PDF, so they need no sanitizing.
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setSubject(meta.subject);
  pdf.setAuthor(meta.author);
  pdf.setCreator(meta.author);
  pdf.setProducer('MSP Inventory');
  pdf.setLanguage(meta.locale);
  if (isDay(meta.day)) {
    const day = new Date(`${meta.day}T00:00:00Z`);
    pdf.setCreationDate(day);
    pdf.setModificationDate(day);
  }
}

/** The office's letterhead as its settings hold it (the logo decoded for embedding). */
export function letterheadOf(settings: Pick<Settings, 'companyName' | 'companyAddress' | 'companyTaxId' | 'companyEmail' | 'companyPhone' | 'companyLogo'>): Letterhead {
  const logo = settings.companyLogo ? { mime: settings.companyLogo.mime, data: new Uint8Array(Buffer.from(settings.companyLogo.base64, 'base64')) } : null;
  return { name: settings.companyName, address: settings.companyAddress, taxId: settings.companyTaxId, email: settings.companyEmail || null, phone: settings.companyPhone || null, logo };
}

export const PAGE: [number, number] = [595.28, 841.89]; // A4 portrait, points
const MARGIN = 40;
export const LEFT = MARGIN;
export const RIGHT = PAGE[0] - MARGIN;
export const WIDTH = RIGHT - LEFT;
const TOP = PAGE[1] - MARGIN;
/** Lowest point body content may reach; the footer sits below it. */
export const BODY_BOTTOM = 52;
const CELL_PAD = 4;

export const INK: Rgb = [0.11, 0.12, 0.14];
export const MUTED: Rgb = [0.4, 0.42, 0.46];
const RULE: Rgb = [0.78, 0.8, 0.83];
const BAND: Rgb = [0.925, 0.935, 0.95];
export const ACCENT: Rgb = [0.12, 0.24, 0.4];
const WHITE: Rgb = [1, 1, 1];

export interface Column<K extends string> {
  key: K;
  label: string;
  /** Points; 0 takes what the other columns leave (one column at most). */
  width: number;
  /** Right-aligned on one line, shrunk rather than cut. */
  numeric?: boolean;
  /** A tick box for the person working from the paper; the cell's text is ignored. */
  checkbox?: boolean;
  /** Lines a cell may wrap to before it is cut with an ellipsis (default 3). */
  maxLines?: number;
}

export interface TableRow<K extends string> {
  cells: Record<K, string>;
  /** Text under the row, from the column `detailFrom` to the right edge: wrapped, never cut, split across pages as needed. */
  detail?: { label: string; text: string } | null;
}

export interface Table<K extends string> {
  columns: Column<K>[];
  rows: TableRow<K>[];
  /** Where the detail text starts (a column key); the first column when left out. */
  detailFrom?: K;
  /** A band above the table, repeated with `continued` on every page the table runs over. */
  heading?: { text: string; aside?: string; continued: string } | null;
}

interface Block {
  lines: string[];
  style: TextStyle;
  color: Rgb;
  lineHeight: number;
}

const ROW_FONT = 8.5;
const ROW_LINE = 10.5;
const DETAIL_FONT = 8;
const DETAIL_LINE = 10;
const TITLE_WIDTH = 200;

export interface DocumentHead {
  locale: 'es' | 'en';
  /** The document's name, printed large: 'Pick list', 'Lista de embalaje'. */
  title: string;
  /** What names this copy in the continuation header and the footer: a number or a date as printed. */
  reference: string;
  /** The day the document is of ('YYYY-MM-DD'): the PDF's creation date. */
  day: string;
  letterhead: Letterhead;
  /** The PDF's title (metadata, the window title). */
  metaTitle: string;
  /** `(n, of) => 'Page n of m'` in the document's language. */
  pageLabel: (n: number, of: number) => string;
  /** "Phone" in the document's language, before the letterhead's phone number. */
  phoneLabel: string;
  /** "Tax ID" in the document's language. */
  taxIdLabel: string;
}

/** One document being drawn: create, draw top to bottom, then `save`. */
export class DocumentLayout {
  private readonly pages: PageWriter[] = [];
  private page: PageWriter;
  /** Top of the free space on the current page. */
  private y = TOP;
  private readonly charset: ReadonlySet<number>;

  private constructor(
    private readonly pdf: PDFDocument,
    private readonly head: DocumentHead,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    private readonly logo: PDFImage | null,
  ) {
    this.charset = fontCharset(regular);
    this.page = this.addPage();
  }

  static async create(head: DocumentHead): Promise<DocumentLayout> {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    const regular = await pdf.embedFont(StandardFonts.Helvetica);
    const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
    setDocumentMetadata(pdf, { title: head.metaTitle, subject: head.title, author: head.letterhead.name, locale: head.locale, day: head.day });
    return new DocumentLayout(pdf, head, regular, bold, await embedLogo(pdf, head.letterhead.logo));
  }

  clean(text: string): string {
    return sanitizeText(text, this.charset);
  }

  /** First page: letterhead left; title and the given fields (label, value) right. */
  drawHeader(fields: Array<[string, string]>): void {
    const { head } = this;
    const lh = head.letterhead;
    const leftWidth = WIDTH - TITLE_WIDTH - 24;
    let left = TOP;
    if (this.logo) {
      const scale = Math.min(160 / this.logo.width, 56 / this.logo.height);
      const height = this.logo.height * scale;
      this.page.image(this.logo, LEFT, left - height, this.logo.width * scale, height);
      left -= height + 10;
    }
    const contact = [lh.email, lh.phone ? `${head.phoneLabel} ${lh.phone}` : null].filter(nonEmpty).join('  ·  ');
    left = this.drawBlocks(LEFT, left, [
      this.block(lh.name, this.bold, 14, INK, leftWidth, 2),
      this.block(lh.address, this.regular, 9, INK, leftWidth, 6),
      this.block(lh.taxId ? `${head.taxIdLabel}: ${lh.taxId}` : '', this.regular, 9, INK, leftWidth, 1),
      this.block(contact, this.regular, 9, MUTED, leftWidth, 2),
    ]);

    const x = RIGHT - TITLE_WIDTH;
    const title = fitLine(this.clean(head.title), { font: this.bold, size: 20 }, TITLE_WIDTH, 12);
    this.drawRight(title.text, RIGHT, TOP - 18, { font: this.bold, size: title.size }, ACCENT);
    let right = TOP - 30;
    for (const [label, value] of fields) {
      this.page.fillRect(x, right - 18, TITLE_WIDTH, 18, BAND);
      this.drawText(this.clean(label), x + 6, right - 12.5, { font: this.regular, size: 8.5 }, MUTED);
      const fitted = fitLine(this.clean(value), { font: this.bold, size: 10 }, TITLE_WIDTH - 90, 7);
      this.drawRight(fitted.text, RIGHT - 6, right - 12.5, { font: this.bold, size: fitted.size }, INK);
      right -= 20;
    }
    this.y = Math.min(left, right) - 10;
    this.page.line(LEFT, this.y, RIGHT, this.y, ACCENT, 1.2);
    this.y -= 14;
  }

  /** Boxes side by side, each a label band over a bold first line and plain lines under it. */
  drawBoxes(boxes: Array<{ label: string; title: string; text: string }>): void {
    if (boxes.length === 0) return;
    const gap = 14;
    const boxWidth = (WIDTH - gap * (boxes.length - 1)) / boxes.length;
    const inner = boxWidth - 2 * 8;
    const contents = boxes.map((b) => [this.block(b.title, this.bold, 10, INK, inner, 2), this.block(b.text, this.regular, 9, INK, inner, 8)]);
    const band = 17;
    const height = band + 8 + Math.max(...contents.map(blocksHeight)) + 6;
    boxes.forEach((b, i) => {
      const x = LEFT + i * (boxWidth + gap);
      this.page.strokeRect(x, this.y - height, boxWidth, height, RULE, 0.75);
      this.page.fillRect(x, this.y - band, boxWidth, band, BAND);
      this.drawText(this.clean(b.label), x + 8, this.y - 11.5, { font: this.bold, size: 8.5 }, ACCENT);
      this.drawBlocks(x + 8, this.y - band - 6, contents[i]!);
    });
    this.y -= height + 12;
  }

  /** A row of small labelled cells (carrier, tracking number, …); cells without a value are left out. */
  drawDetails(cells: Array<[string, string | null | undefined]>): void {
    const shown = cells.filter((c): c is [string, string] => nonEmpty(c[1]));
    if (shown.length === 0) return;
    const width = WIDTH / shown.length;
    const inner = width - 2 * 8;
    const contents = shown.map(([label, value]) => [this.block(label, this.regular, 7.5, MUTED, inner, 2), this.block(value, this.regular, 9, INK, inner, 3)]);
    const height = 6 + Math.max(...contents.map(blocksHeight)) + 6;
    this.page.strokeRect(LEFT, this.y - height, WIDTH, height, RULE, 0.75);
    contents.forEach((blocks, i) => {
      const x = LEFT + i * width;
      if (i > 0) this.page.line(x, this.y, x, this.y - height, RULE, 0.75);
      this.drawBlocks(x + 8, this.y - 6, blocks);
    });
    this.y -= height + 14;
  }

  /** A table; its header (and heading) starts on a new page when not even one row fits under it. */
  drawTable<K extends string>(table: Table<K>): void {
    const columns = resolveWidths(table.columns);
    const style = { font: this.regular, size: ROW_FONT };
    const detailX = columnX(columns, table.detailFrom ?? columns[0]!.key) + CELL_PAD;
    const detailWidth = RIGHT - CELL_PAD - detailX;
    const detailStyle = { font: this.regular, size: DETAIL_FONT };
    const labelStyle = { font: this.bold, size: DETAIL_FONT };
    const heading = table.heading ?? null;
    const headingHeight = heading ? 20 : 0;
    const headerHeight = 18;
    const top = (continued: boolean) => {
      if (heading) this.drawHeading(heading, continued);
      this.drawTableHeader(columns);
    };

    let started = false;
    for (const row of table.rows) {
      const cells = columns.map((col) => {
        if (col.checkbox) return [];
        const inner = col.width - 2 * CELL_PAD;
        const text = row.cells[col.key] ?? '';
        if (col.numeric) return [fitLine(this.clean(text), style, inner, 6)];
        return wrapText(this.clean(text), style, inner, col.maxLines ?? 3).map((l) => ({ text: l, size: ROW_FONT }));
      });
      const height = Math.max(1, ...cells.map((c) => c.length)) * ROW_LINE + 2 * CELL_PAD;
      // The detail: the label in bold, then the text wrapped in what is left of the first line and the full width after it.
      const detail = row.detail && row.detail.text.trim() ? this.detailLines(row.detail, detailWidth, detailStyle, labelStyle) : [];
      const firstDetail = detail.length ? DETAIL_LINE : 0;
      if (!started) {
        if (this.y - headingHeight - headerHeight - height - firstDetail < BODY_BOTTOM) this.newPage();
        top(false);
        started = true;
      } else if (this.y - height - firstDetail < BODY_BOTTOM) {
        this.newPage();
        top(true);
      }
      let x = LEFT;
      columns.forEach((col, c) => {
        if (col.checkbox) this.page.strokeRect(x + (col.width - 8) / 2, this.y - CELL_PAD - 9, 8, 8, INK, 0.75);
        cells[c]!.forEach((cell, i) => {
          const baseline = this.y - CELL_PAD - i * ROW_LINE - 8;
          const cellStyle = { font: this.regular, size: cell.size };
          if (col.numeric) this.drawRight(cell.text, x + col.width - CELL_PAD, baseline, cellStyle, INK);
          else this.drawText(cell.text, x + CELL_PAD, baseline, cellStyle, INK);
        });
        x += col.width;
      });
      this.y -= height;
      for (const line of detail) {
        if (this.y - DETAIL_LINE < BODY_BOTTOM) {
          this.newPage();
          top(true);
        }
        const baseline = this.y - 8;
        if (line.label) this.drawText(line.label, detailX, baseline, labelStyle, MUTED);
        this.drawText(line.text, detailX + (line.label ? measure(`${line.label} `, labelStyle) : 0), baseline, detailStyle, INK);
        this.y -= DETAIL_LINE;
      }
      if (detail.length) this.y -= CELL_PAD;
      this.page.line(LEFT, this.y, RIGHT, this.y, RULE, 0.5);
    }
    this.y -= 14;
  }

  /** A short titled paragraph (a note), flowing across pages. */
  drawNote(title: string, lines: string[]): void {
    const style = { font: this.regular, size: 9 };
    const wrapped = lines.flatMap((l) => wrapText(this.clean(l), style, WIDTH));
    if (wrapped.length === 0) return;
    const lineHeight = 12;
    if (this.y - 14 - lineHeight < BODY_BOTTOM) this.newPage();
    this.drawText(this.clean(title), LEFT, this.y - 9, { font: this.bold, size: 9.5 }, ACCENT);
    this.y -= 14;
    for (const line of wrapped) {
      if (this.y - lineHeight < BODY_BOTTOM) this.newPage();
      this.drawText(line, LEFT, this.y - 9, style, INK);
      this.y -= lineHeight;
    }
    this.y -= 10;
  }

  /** Footers on every page, then the bytes. */
  async save(): Promise<Uint8Array> {
    const style = { font: this.regular, size: 8 };
    const reference = this.clean(`${this.head.title} ${this.head.reference} · ${this.head.letterhead.name}`);
    this.pages.forEach((page, i) => {
      this.page = page;
      page.line(LEFT, 40, RIGHT, 40, RULE, 0.5);
      this.drawText(fitLine(reference, style, WIDTH - 140).text, LEFT, 28, style, MUTED);
      this.drawRight(this.clean(this.head.pageLabel(i + 1, this.pages.length)), RIGHT, 28, style, MUTED);
    });
    for (const p of this.pages) p.finish();
    return this.pdf.save();
  }

  // ---- pages ----

  private addPage(): PageWriter {
    const page = new PageWriter(this.pdf, this.pdf.addPage(PAGE));
    this.pages.push(page);
    return page;
  }

  private newPage(): void {
    this.page = this.addPage();
    const style = { font: this.bold, size: 9 };
    const right = fitLine(this.clean(`${this.head.title} ${this.head.reference}`), style, WIDTH / 2 - 10, 6);
    this.drawRight(right.text, RIGHT, TOP - 9, { font: this.bold, size: right.size }, ACCENT);
    const left = fitLine(this.clean(this.head.letterhead.name), style, WIDTH / 2 - 10);
    this.drawText(left.text, LEFT, TOP - 9, style, INK);
    this.page.line(LEFT, TOP - 15, RIGHT, TOP - 15, RULE, 0.75);
    this.y = TOP - 26;
  }

  // ---- table parts ----

  private drawHeading(heading: NonNullable<Table<string>['heading']>, continued: boolean): void {
    const height = 20;
    this.page.fillRect(LEFT, this.y - height, WIDTH, height, BAND);
    const style = { font: this.bold, size: 10 };
    const aside = heading.aside ? this.clean(heading.aside) : '';
    const asideStyle = { font: this.regular, size: 8.5 };
    const asideWidth = aside ? measure(aside, asideStyle) + 12 : 0;
    const text = fitLine(this.clean(continued ? `${heading.text} ${heading.continued}` : heading.text), style, WIDTH - 12 - asideWidth, 7);
    this.drawText(text.text, LEFT + 6, this.y - 14, { font: this.bold, size: text.size }, ACCENT);
    if (aside) this.drawRight(aside, RIGHT - 6, this.y - 14, asideStyle, MUTED);
    this.y -= height;
  }

  private drawTableHeader(columns: Column<string>[]): void {
    const height = 18;
    this.page.fillRect(LEFT, this.y - height, WIDTH, height, ACCENT);
    let x = LEFT;
    for (const col of columns) {
      const fitted = fitLine(this.clean(col.label), { font: this.bold, size: 8 }, Math.max(1, col.width - 2 * CELL_PAD), 6);
      const style = { font: this.bold, size: fitted.size };
      if (col.numeric) this.drawRight(fitted.text, x + col.width - CELL_PAD, this.y - 12, style, WHITE);
      else this.drawText(fitted.text, x + CELL_PAD, this.y - 12, style, WHITE);
      x += col.width;
    }
    this.y -= height;
  }

  private detailLines(detail: { label: string; text: string }, width: number, style: TextStyle, labelStyle: TextStyle): Array<{ label: string; text: string }> {
    const label = this.clean(detail.label);
    const indent = label ? measure(`${label} `, labelStyle) : 0;
    const text = this.clean(detail.text);
    // The first line is shorter by the label: wrap it alone, then the rest at full width.
    const [first = '', ...rest] = wrapText(text, style, width - indent);
    const remainder = rest.join(' ');
    return [{ label, text: first }, ...(remainder ? wrapText(remainder, style, width).map((t) => ({ label: '', text: t })) : [])];
  }

  // ---- drawing helpers ----

  private block(text: string, font: PDFFont, size: number, color: Rgb, width: number, maxLines: number): Block {
    const style = { font, size };
    const trimmed = text.trim();
    return { lines: trimmed ? wrapText(this.clean(trimmed), style, width, maxLines) : [], style, color, lineHeight: size * 1.28 };
  }

  /** Draws blocks top-down from `top`; returns the y below the last line. */
  private drawBlocks(x: number, top: number, blocks: Block[]): number {
    let y = top;
    for (const b of blocks) {
      for (const line of b.lines) {
        this.drawText(line, x, y - b.style.size, b.style, b.color);
        y -= b.lineHeight;
      }
    }
    return y;
  }

  private drawText(text: string, x: number, baseline: number, style: TextStyle, color: Rgb): void {
    this.page.text(text, x, baseline, style.font, style.size, color);
  }

  private drawRight(text: string, right: number, baseline: number, style: TextStyle, color: Rgb): void {
    this.drawText(text, right - measure(text, style), baseline, style, color);
  }
}

/** A logo that cannot be decoded is left out rather than stopping the document. */
async function embedLogo(pdf: PDFDocument, logo: Letterhead['logo']): Promise<PDFImage | null> {
  if (!logo) return null;
  try {
    return logo.mime === 'image/png' ? await pdf.embedPng(logo.data) : await pdf.embedJpg(logo.data);
  } catch {
    return null;
  }
}

function resolveWidths<K extends string>(columns: Column<K>[]): Column<K>[] {
  const fixed = columns.reduce((sum, c) => sum + c.width, 0);
  return columns.map((c) => (c.width === 0 ? { ...c, width: WIDTH - fixed } : c));
}

function columnX<K extends string>(columns: Column<K>[], key: K): number {
  let x = LEFT;
  for (const col of columns) {
    if (col.key === key) return x;
    x += col.width;
  }
  return LEFT;
}

function blocksHeight(blocks: Block[]): number {
  return blocks.reduce((sum, b) => sum + b.lines.length * b.lineHeight, 0);
}

function nonEmpty(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
