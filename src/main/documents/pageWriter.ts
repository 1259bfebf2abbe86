// Writes a page's content stream directly instead of through pdf-lib's draw* calls, for two reasons:
// speed (a 500-line order is thousands of text runs; pdf-lib builds, validates and serialises an object
// per operator) and determinism (pdf-lib names page resources with Math.random; here they are F1, Im1, GS1...).
// Text must already be sanitized for the font (see textLayout.ts); coordinates are PDF points from the
// bottom-left corner.
import { PDFName, type PDFDocument, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';

/** Colour as red, green, blue in 0..1. */
export type Rgb = readonly [number, number, number];

export class PageWriter {
  private readonly ops: string[] = [];
  private readonly fontKeys = new Map<PDFFont, string>();
  private readonly imageKeys = new Map<PDFImage, string>();
  private readonly opacityKeys = new Map<number, string>();

  constructor(
    private readonly pdf: PDFDocument,
    readonly page: PDFPage,
  ) {}

  text(text: string, x: number, baseline: number, font: PDFFont, size: number, color: Rgb): void {
    if (text === '') return;
    const hex = font.encodeText(text).toString();
    this.ops.push(`BT ${this.fontKey(font)} ${num(size)} Tf ${fill(color)} 1 0 0 1 ${num(x)} ${num(baseline)} Tm ${hex} Tj ET`);
  }

  /**
   * Text turned `degrees` anticlockwise about its origin and painted at `opacity` (0..1) over what is
   * already on the page, as a watermark: what lies beneath stays readable.
   */
  overlayText(text: string, x: number, baseline: number, font: PDFFont, size: number, color: Rgb, degrees: number, opacity: number): void {
    if (text === '') return;
    const hex = font.encodeText(text).toString();
    const angle = (degrees * Math.PI) / 180;
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    this.ops.push(
      `q ${this.opacityKey(opacity)} gs BT ${this.fontKey(font)} ${num(size)} Tf ${fill(color)} ${num(cos)} ${num(sin)} ${num(-sin)} ${num(cos)} ${num(x)} ${num(baseline)} Tm ${hex} Tj ET Q`,
    );
  }

  fillRect(x: number, y: number, width: number, height: number, color: Rgb): void {
    this.ops.push(`${fill(color)} ${num(x)} ${num(y)} ${num(width)} ${num(height)} re f`);
  }

  strokeRect(x: number, y: number, width: number, height: number, color: Rgb, lineWidth: number): void {
    this.ops.push(`${stroke(color)} ${num(lineWidth)} w ${num(x)} ${num(y)} ${num(width)} ${num(height)} re S`);
  }

  line(x1: number, y1: number, x2: number, y2: number, color: Rgb, lineWidth: number): void {
    this.ops.push(`${stroke(color)} ${num(lineWidth)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
  }

  image(image: PDFImage, x: number, y: number, width: number, height: number): void {
    let key = this.imageKeys.get(image);
    if (!key) {
      key = `/Im${this.imageKeys.size + 1}`;
      this.page.node.setXObject(PDFName.of(key.slice(1)), image.ref);
      this.imageKeys.set(image, key);
    }
    this.ops.push(`q ${num(width)} 0 0 ${num(height)} ${num(x)} ${num(y)} cm ${key} Do Q`);
  }

  /** Attaches what was drawn to the page as one compressed content stream. */
  finish(): void {
    const stream = this.pdf.context.flateStream(this.ops.join('\n'));
    this.page.node.addContentStream(this.pdf.context.register(stream));
    this.ops.length = 0;
  }

  private opacityKey(opacity: number): string {
    let key = this.opacityKeys.get(opacity);
    if (!key) {
      key = `/GS${this.opacityKeys.size + 1}`;
      const state = this.pdf.context.obj({ Type: 'ExtGState', ca: opacity, CA: opacity });
      this.page.node.setExtGState(PDFName.of(key.slice(1)), this.pdf.context.register(state));
      this.opacityKeys.set(opacity, key);
    }
    return key;
  }

  private fontKey(font: PDFFont): string {
    let key = this.fontKeys.get(font);
    if (!key) {
      key = `/F${this.fontKeys.size + 1}`;
      this.page.node.setFontDictionary(PDFName.of(key.slice(1)), font.ref);
      this.fontKeys.set(font, key);
    }
    return key;
  }
}

/** PDF numbers: at most 3 decimals, never exponent notation. */
function num(n: number): string {
  const rounded = Math.round(n * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function fill(c: Rgb): string {
  return `${num(c[0])} ${num(c[1])} ${num(c[2])} rg`;
}

function stroke(c: Rgb): string {
  return `${num(c[0])} ${num(c[1])} ${num(c[2])} RG`;
}
