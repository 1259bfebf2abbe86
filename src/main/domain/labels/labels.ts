// Barcode labels: reads what to label into a plain document in one synchronous step (the write phase of an
// I/O query: nothing is written) and renders it afterwards. Each label encodes exactly what the app's scan
// boxes and global search look a thing up by, trimmed and NFC-normalised as they compare it: a product's
// SKU, a serialized unit's serial number (a lot without one: its product's SKU), an internal location's
// name (locations have no code of their own; search finds them by name), a bin as the inventory products
// at that location name it (the Inventory products search finds it). Unknown ids are NOT_FOUND; virtual
// locations have no shelves to label (LOCATION_VIRTUAL); a location asked for its bins that has none is
// NO_BINS.
import type { ParsedInput } from '@shared/contract';
import { MAX_LABELS } from '@shared/contract/labels';
import { DomainError } from '@shared/errors';
import { localDay } from '@shared/formats';
import { LABELS_TEXT, renderLabelsPdf, type LabelItem, type LabelsDocument } from '@main/documents/labelsPdf';
import { prepared, type Ctx } from '../context';
import { getSettings } from '../settings/settings';

const CAPTIONS = {
  es: { location: 'Ubicación', bin: 'Casillero' },
  en: { location: 'Location', bin: 'Bin' },
} as const;

/** A code as the scan boxes compare it: surrounding blanks dropped, one spelling of each accent. */
export function labelCode(text: string): string {
  return text.normalize('NFC').trim();
}

export function labelsDocument(ctx: Ctx, input: ParsedInput<'stock.labelsPdf'>): LabelsDocument {
  const captions = CAPTIONS[input.locale];
  const items: LabelItem[] = [];

  const product = prepared<[number], { sku: string; name: string }>(ctx, `SELECT sku, name FROM products WHERE id = ?`);
  for (const productId of input.productIds) {
    const row = product.get(productId);
    if (!row) throw new DomainError('NOT_FOUND', { entity: 'product', id: productId });
    items.push({ code: labelCode(row.sku), caption: row.name });
  }

  const location = prepared<[number], { name: string; usage: string }>(ctx, `SELECT name, usage FROM locations WHERE id = ?`);
  const internalLocation = (id: number) => {
    const row = location.get(id);
    if (!row) throw new DomainError('NOT_FOUND', { entity: 'location', id });
    if (row.usage !== 'internal') throw new DomainError('LOCATION_VIRTUAL', { locationId: id, name: row.name });
    return row;
  };
  const bins = prepared<[number], { bin: string }>(
    ctx,
    `SELECT DISTINCT trim(bin) AS bin FROM inventory_products WHERE location_id = ? AND bin IS NOT NULL AND trim(bin) <> ''`,
  );
  const collator = new Intl.Collator(input.locale, { numeric: true, sensitivity: 'base' });
  // A location's own label comes first, then its bins in shelf order; locations only asked for their bins
  // follow in the order given.
  const binsFirst = new Set(input.binsOfLocationIds);
  const locationOrder = [...new Set([...input.locationIds, ...input.binsOfLocationIds])];
  for (const id of locationOrder) {
    const row = internalLocation(id);
    if (input.locationIds.includes(id)) items.push({ code: labelCode(row.name), caption: captions.location });
    if (!binsFirst.has(id)) continue;
    const names = [...new Set(bins.all(id).map((b) => labelCode(b.bin)))].sort(collator.compare);
    if (names.length === 0) throw new DomainError('NO_BINS', { locationId: id, name: row.name });
    for (const bin of names) items.push({ code: bin, caption: `${captions.bin} · ${row.name}` });
  }

  const lot = prepared<[number], { serialNumber: string | null; sku: string; name: string }>(
    ctx,
    `SELECT l.serial_number AS serialNumber, p.sku, p.name FROM lots l JOIN products p ON p.id = l.product_id WHERE l.id = ?`,
  );
  for (const lotId of input.lotIds) {
    const row = lot.get(lotId);
    if (!row) throw new DomainError('NOT_FOUND', { entity: 'lot', id: lotId });
    if (row.serialNumber !== null && labelCode(row.serialNumber) !== '') items.push({ code: labelCode(row.serialNumber), caption: `${row.sku} · ${row.name}` });
    else items.push({ code: labelCode(row.sku), caption: row.name });
  }

  // The bins were unknown to the contract's bound: the whole PDF stays within it.
  if (items.length * input.copies > MAX_LABELS) throw new DomainError('VALIDATION', { reason: 'tooManyLabels', max: MAX_LABELS, labels: items.length * input.copies });
  const settings = getSettings(ctx);
  return { locale: input.locale, symbology: input.symbology, format: input.format, copies: input.copies, startAt: input.startAt, day: localDay(ctx.now()), author: settings.companyName, items };
}

export async function renderLabels(doc: LabelsDocument): Promise<{ filename: string; base64: string; labels: number; pages: number }> {
  const { bytes, labels, pages } = await renderLabelsPdf(doc);
  return { filename: `${LABELS_TEXT[doc.locale].file}-${doc.day}.pdf`, base64: Buffer.from(bytes).toString('base64'), labels, pages };
}
