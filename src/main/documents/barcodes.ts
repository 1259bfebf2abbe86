// Barcode images for labels, drawn by bwip-js as PNG: black modules on white, no quiet zone and no text
// (the label layout leaves the quiet zone and prints the code in words itself), so the image's width is
// the symbol's width in modules times SCALE. The PNG is what the PDF embeds, and what the tests decode.
// Code 128 carries Latin-1 (accents through FNC4): its text goes in as those bytes, exactly as ZXing-style
// readers give them back; QR carries UTF-8, so any text.
import { toBuffer } from 'bwip-js/node';
import type { LabelSymbology } from '@shared/contract/labels';
import { DomainError } from '@shared/errors';

/** Pixels per module: whole pixels keep every bar edge sharp however the PDF scales the image. */
export const SCALE = 2;

export interface BarcodeImage {
  png: Uint8Array;
  /** The symbol's width in modules (for QR also its height). */
  modules: number;
}

/** Characters of `text` that Code 128 cannot hold (beyond Latin-1), each once. */
export function code128Unencodable(text: string): string[] {
  return [...new Set([...text].filter((ch) => (ch.codePointAt(0) ?? 0) > 0xff))];
}

/**
 * The PNG of one code. `text` is encoded as given (the caller trims and NFC-normalises it);
 * BARCODE_CHARACTERS when Code 128 cannot hold it.
 */
export async function renderBarcode(symbology: LabelSymbology, text: string): Promise<BarcodeImage> {
  let png: Buffer;
  if (symbology === 'code128') {
    const characters = code128Unencodable(text);
    if (characters.length > 0) throw new DomainError('BARCODE_CHARACTERS', { text, characters });
    // binarytext: each character is one byte (Latin-1), not the UTF-8 bytes bwip-js would send otherwise.
    png = await toBuffer({ bcid: 'code128', text, binarytext: true, scale: SCALE, height: 4, backgroundcolor: 'FFFFFF' });
  } else {
    // Error correction M (bwip-js's default): a label may be scuffed a little and still scan.
    png = await toBuffer({ bcid: 'qrcode', text, scale: SCALE, backgroundcolor: 'FFFFFF' });
  }
  return { png: new Uint8Array(png), modules: pngWidth(png) / SCALE };
}

/** The width in pixels from a PNG's IHDR chunk. */
function pngWidth(png: Uint8Array): number {
  return new DataView(png.buffer, png.byteOffset, png.byteLength).getUint32(16);
}
