// Test support: reads a PDF back, so tests assert on what a reader sees. `pdfPages` gives one string per
// page: text runs regrouped into visual lines (same baseline, left to right), lines top to bottom joined
// with '\n', runs on one line joined with a single space, no-break spaces as plain spaces; a run drawn at
// an angle (a watermark) reads as a line of its own, after the page's level text. `pdfTextRuns`
// gives the positioned runs, for layout assertions; `pdfInfo` the metadata and the images drawn per page.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const standardFontDataUrl = join(pdfjsRoot, 'standard_fonts') + '/';

/** A run of text as drawn: baseline origin and advance width in PDF points, from the bottom-left corner. */
export interface TextRun {
  x: number;
  y: number;
  width: number;
  text: string;
  /** Degrees anticlockwise from the horizontal (0 for ordinary text). */
  angle: number;
}

export interface PdfInfo {
  title: string | null;
  author: string | null;
  creator: string | null;
  producer: string | null;
  /** Raw PDF date string, e.g. "D:20260115000000Z". */
  creationDate: string | null;
  /** Image XObjects painted on each page. */
  imagesPerPage: number[];
}

/** Text of each page of the PDF, in page order. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  return (await pdfTextRuns(bytes)).map(joinRuns);
}

/** The non-blank text runs of each page, in drawing order. */
export async function pdfTextRuns(bytes: Uint8Array): Promise<TextRun[][]> {
  return withPdf(bytes, async (pdf) => {
    const pages: TextRun[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b] = item.transform as number[];
        const angle = Math.round((Math.atan2(b!, a!) * 180) / Math.PI);
        runs.push({ x: item.transform[4], y: item.transform[5], width: item.width, text: item.str.replace(/[\u00a0\u202f]/g, ' '), angle });
      }
      pages.push(runs);
      page.cleanup();
    }
    return pages;
  });
}

export async function pdfInfo(bytes: Uint8Array): Promise<PdfInfo> {
  return withPdf(bytes, async (pdf) => {
    const info: Record<string, unknown> = { ...(await pdf.getMetadata()).info };
    const field = (key: string) => (typeof info[key] === 'string' ? (info[key] as string) : null);
    const imagesPerPage: number[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const ops = await page.getOperatorList();
      imagesPerPage.push(ops.fnArray.filter((fn) => fn === OPS.paintImageXObject).length);
      page.cleanup();
    }
    return {
      title: field('Title'),
      author: field('Author'),
      creator: field('Creator'),
      producer: field('Producer'),
      creationDate: field('CreationDate'),
      imagesPerPage,
    };
  });
}

async function withPdf<T>(bytes: Uint8Array, read: (pdf: PDFDocumentProxy) => Promise<T>): Promise<T> {
  // pdf.js may transfer (detach) the buffer it is given; a copy keeps the caller's bytes usable.
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    useWorkerFetch: false,
    verbosity: 0,
  }).promise;
  try {
    return await read(pdf);
  } finally {
    await pdf.destroy();
  }
}

/** Groups runs whose baselines are within 2 pt into one line, reading order top-down then left-right. */
function joinRuns(page: TextRun[]): string {
  const turned = page.filter((r) => r.angle !== 0).map((r) => r.text.trim());
  const runs = page.filter((r) => r.angle === 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextRun[][] = [];
  for (const run of runs) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].y - run.y) <= 2) line.push(run);
    else lines.push([run]);
  }
  return [
    ...lines.map((line) =>
      line
        .sort((a, b) => a.x - b.x)
        .map((r) => r.text.trim())
        .join(' '),
    ),
    ...turned,
  ].join('\n');
}
