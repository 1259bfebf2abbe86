// Text layout for pdf-lib standard fonts, shared by the printed documents. The standard fonts only encode
// WinAnsi, so every user-entered string goes through `sanitizeText` first: a character the font cannot
// encode becomes a close equivalent or '?', never an exception. Widths are measured without kerning,
// because pdf-lib draws without kerning; what we measure is exactly what lands on the page.
import type { PDFFont } from 'pdf-lib';

export interface TextStyle {
  font: PDFFont;
  size: number;
}

const ELLIPSIS = '\u2026';

/** Stand-ins for common characters outside WinAnsi; anything else tries its accent-less form, then '?'. */
const REPLACEMENTS: Record<string, string> = {
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2043': '-', '\u2212': '-',
  '\u2032': "'", '\u2033': '"', '\u2044': '/', '\u2215': '/',
  '\u2264': '<=', '\u2265': '>=', '\u2260': '!=', '\u2248': '~',
  '\u2192': '->', '\u2190': '<-',
};

const SPACES = /[\u2000-\u200a\u202f\u205f\u3000\t]/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\ufe00-\ufe0f\u00ad]/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const COMBINING = /[\u0300-\u036f]/g;

/** Code points the font can draw; built once per font. */
export function fontCharset(font: PDFFont): ReadonlySet<number> {
  return new Set(font.getCharacterSet());
}

/** Makes text drawable with a WinAnsi font; keeps '\n' (line breaks are normalised to it). */
export function sanitizeText(text: string, charset: ReadonlySet<number>): string {
  let out = '';
  for (const ch of text.normalize('NFC').replace(/\r\n?|[\u2028\u2029]/g, '\n')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\n' || charset.has(cp)) out += ch;
    else if (SPACES.test(ch)) out += ' ';
    else if (INVISIBLE.test(ch) || CONTROL.test(ch)) continue;
    else if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else {
      const bare = ch.normalize('NFD').replace(COMBINING, '');
      const drawable = bare !== '' && [...bare].every((c) => charset.has(c.codePointAt(0) ?? 0));
      out += drawable ? bare : '?';
    }
  }
  return out;
}

const glyphWidths = new WeakMap<PDFFont, Map<string, number>>();

/** Width in points of already-sanitized text as pdf-lib will draw it (no kerning). */
export function measure(text: string, style: TextStyle): number {
  let widths = glyphWidths.get(style.font);
  if (!widths) glyphWidths.set(style.font, (widths = new Map()));
  let total = 0;
  for (const ch of text) {
    let w = widths.get(ch);
    if (w === undefined) widths.set(ch, (w = style.font.widthOfTextAtSize(ch, 1)));
    total += w;
  }
  return total * style.size;
}

/**
 * Breaks sanitized text into lines no wider than `width`: at '\n', then between words, and inside a word
 * that is too long by itself (after a '-', '/' or '_' when possible). With more than `maxLines` lines the
 * last kept line ends in an ellipsis.
 */
export function wrapText(text: string, style: TextStyle, width: number, maxLines = Number.POSITIVE_INFINITY): string[] {
  const lines: string[] = [];
  const full = () => lines.length > maxLines;
  for (const paragraph of text.split('\n')) {
    let current = '';
    for (const word of paragraph.split(' ').filter((w) => w !== '')) {
      const candidate = current === '' ? word : `${current} ${word}`;
      if (measure(candidate, style) <= width) {
        current = candidate;
        continue;
      }
      if (current !== '') lines.push(current);
      current = word;
      while (measure(current, style) > width && !full()) {
        const cut = breakPoint(current, style, width);
        lines.push(current.slice(0, cut));
        current = current.slice(cut);
      }
      if (full()) break;
    }
    lines.push(current);
    if (full()) break;
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(kept[maxLines - 1], style, width);
  return kept;
}

/** Index to cut an over-long word at: the longest prefix that fits, preferring to end after a separator. */
function breakPoint(word: string, style: TextStyle, width: number): number {
  const chars = [...word];
  let fits = 0;
  let used = 0;
  for (const ch of chars) {
    used += measure(ch, style);
    if (used > width) break;
    fits += ch.length;
  }
  if (fits === 0) return chars[0].length;
  const separator = Math.max(...['-', '/', '_'].map((s) => word.lastIndexOf(s, fits - 1)));
  return separator > 0 ? separator + 1 : fits;
}

/** Marks text as cut: as much of it as fits in `width` together with a trailing ellipsis. */
function ellipsize(text: string, style: TextStyle, width: number): string {
  const chars = [...text.trimEnd()];
  while (chars.length > 0 && measure(chars.join('') + ELLIPSIS, style) > width) chars.pop();
  return chars.join('').trimEnd() + ELLIPSIS;
}

/**
 * One line of sanitized text in `width`: shrinks the size down to `minSize` first (for numbers, which must
 * stay whole), then cuts with an ellipsis.
 */
export function fitLine(text: string, style: TextStyle, width: number, minSize = style.size): { text: string; size: number } {
  let size = style.size;
  while (size > minSize && measure(text, { font: style.font, size }) > width) size = Math.max(minSize, size - 0.5);
  const sized = { font: style.font, size };
  return { text: measure(text, sized) <= width ? text : ellipsize(text, sized, width), size };
}
