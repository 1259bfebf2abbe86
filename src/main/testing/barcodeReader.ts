// Test support: reads a barcode image back the way a scanner would, with a pure-JS decoder (ZXing's port):
// the PNG bwip-js drew, framed in a white quiet zone (the label's blank margin), binarised and decoded as
// Code 128 or QR only, so a test knows which symbology it got.
import zxing from '@zxing/library';
import { PNG } from 'pngjs';
import type { LabelSymbology } from '@shared/contract/labels';

const { BinaryBitmap, Code128Reader, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } = zxing;

/** The text a scanner would type for this PNG of the given symbology (throws when it cannot read it). */
export function readBarcode(png: Uint8Array, symbology: LabelSymbology): string {
  const image = PNG.sync.read(Buffer.from(png));
  const margin = 20;
  const width = image.width + 2 * margin;
  const height = image.height + 2 * margin;
  const luminance = new Uint8ClampedArray(width * height).fill(255);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const at = (y * image.width + x) * 4;
      // Transparent counts as paper.
      const alpha = image.data[at + 3]! / 255;
      const grey = (image.data[at]! * 299 + image.data[at + 1]! * 587 + image.data[at + 2]! * 114) / 1000;
      luminance[(y + margin) * width + x + margin] = Math.round(grey * alpha + 255 * (1 - alpha));
    }
  }
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)));
  const hints = new Map([[DecodeHintType.TRY_HARDER, true]]);
  const result = symbology === 'code128' ? new Code128Reader().decode(bitmap, hints) : new QRCodeReader().decode(bitmap, hints);
  return result.getText();
}
