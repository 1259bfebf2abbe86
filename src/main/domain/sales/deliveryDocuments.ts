// The papers of Delivery & Shipping: the pick list (what to take from which bin) and the packing list
// (what the client receives). Both are read here into plain documents in one synchronous step — the
// write phase of their I/O channels — and rendered afterwards; nothing here writes. A chosen line is a
// charge and the location its units are picked at (null: a product not tracked in stock, or for a tracked
// one every location it is picked at); each must have something to deliver there. Neither document
// carries a cost or a price.
import type { ParsedInput } from '@shared/contract';
import { DomainError } from '@shared/errors';
import { localDay } from '@shared/formats';
import { letterheadOf } from '@main/documents/documentLayout';
import { renderPackingListPdf, type PackingLine, type PackingListDocument } from '@main/documents/packingListPdf';
import { renderPickListPdf, type PickListDocument, type PickRow } from '@main/documents/pickListPdf';
import type { Ctx } from '../context';
import { getSettings } from '../settings/settings';
import { companyAddress } from './deliveries';
import { deliveryLineSerials } from './deliveryMoves';

type Locale = 'es' | 'en';
type ChosenLine = { chargeId: number; locationId: number | null };

/**
 * The language of a document whose reader has none of their own (a packing list for a client company
 * with no language set) when the caller names none either (the screens send the user's). The settings
 * hold no office language yet; the office defaults are Spanish (euros, day-first dates).
 */
export const OFFICE_LANGUAGE: Locale = 'es';

const FILE_STEMS = {
  es: { pick: 'lista-de-seleccion', packing: 'lista-de-embalaje' },
  en: { pick: 'pick-list', packing: 'packing-list' },
} as const;

interface ChargeInfo {
  id: number;
  number: string;
  kind: 'product' | 'freight';
  status: string;
  companyId: number;
  companyName: string;
  companyLanguage: Locale | null;
  containerNumber: string;
  containerTitle: string;
  productId: number | null;
  sku: string | null;
  productName: string | null;
  tracked: number;
  quantity: number;
  delivered: number;
}

/** What a chosen line stands for: units picked for a charge at one location, or a not-stocked charge's open quantity. */
interface ChosenUnits {
  charge: ChargeInfo & { productId: number; sku: string; productName: string };
  location: { id: number; name: string; bin: string | null } | null;
  qty: number;
  serials: string[];
}


/** Reads the chosen lines in order; repeats of one charge and location count once. */
function readChosenLines(ctx: Ctx, lines: ChosenLine[], onCharge: (charge: ChargeInfo) => void = () => {}): ChosenUnits[] {
  const chargeOf = ctx.sqlite.prepare<[number], ChargeInfo>(
    `SELECT ch.id, ch.number, ch.kind, ch.status, ch.company_id AS companyId, co.name AS companyName, co.language AS companyLanguage,
            c.number AS containerNumber, c.title AS containerTitle, ch.product_id AS productId, p.sku, p.name AS productName,
            coalesce(p.tracked_in_stock, 0) AS tracked, ch.quantity, ch.delivered
     FROM charges ch JOIN containers c ON c.id = ch.container_id JOIN companies co ON co.id = ch.company_id LEFT JOIN products p ON p.id = ch.product_id
     WHERE ch.id = ?`,
  );
  const picksOf = ctx.sqlite.prepare<[number, number | null, number | null], { locationId: number; locationName: string; bin: string | null; qty: number }>(
    `SELECT a.location_id AS locationId, loc.name AS locationName, ip.bin, sum(a.qty) AS qty
     FROM allocations a JOIN locations loc ON loc.id = a.location_id
     LEFT JOIN inventory_products ip ON ip.product_id = a.product_id AND ip.location_id = a.location_id
     WHERE a.source_type = 'charge' AND a.source_id = ? AND a.kind = 'picked' AND (? IS NULL OR a.location_id = ?)
     GROUP BY a.location_id ORDER BY a.location_id`,
  );
  const serialsAt = ctx.sqlite.prepare<[number, number], { serial: string }>(
    `SELECT l.serial_number AS serial FROM allocations a JOIN lots l ON l.id = a.lot_id
     WHERE a.source_type = 'charge' AND a.source_id = ? AND a.kind = 'picked' AND a.location_id = ? AND l.serial_number IS NOT NULL ORDER BY l.serial_number`,
  );
  const seen = new Set<string>();
  const chosen: ChosenUnits[] = [];
  for (const line of lines) {
    const row = chargeOf.get(line.chargeId);
    if (!row) throw new DomainError('NOT_FOUND', { entity: 'charge', id: line.chargeId });
    onCharge(row);
    const notPicked = () => new DomainError('NOT_PICKED', { number: row.number, picked: 0, requested: 0 });
    if (row.kind !== 'product' || row.productId === null || row.sku === null || row.productName === null) throw notPicked();
    const charge = { ...row, productId: row.productId, sku: row.sku, productName: row.productName };
    if (row.tracked !== 1) {
      // Nothing is picked for it: a ready charge delivers what is still undelivered, from no location.
      const open = row.status === 'ready' ? row.quantity - row.delivered : 0;
      if (line.locationId !== null || open <= 0) throw notPicked();
      const key = `${row.id}:`;
      if (!seen.has(key)) chosen.push({ charge, location: null, qty: open, serials: [] });
      seen.add(key);
      continue;
    }
    const picks = picksOf.all(row.id, line.locationId, line.locationId);
    if (picks.length === 0) throw notPicked();
    for (const pick of picks) {
      const key = `${row.id}:${pick.locationId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      chosen.push({
        charge,
        location: { id: pick.locationId, name: pick.locationName, bin: pick.bin },
        qty: pick.qty,
        serials: serialsAt.all(row.id, pick.locationId).map((s) => s.serial),
      });
    }
  }
  return chosen;
}

// ---- pick list ----

/** The pick list of chosen Delivery & Shipping lines, in walking order: location, bin, product, charge. */
export function pickListDocument(ctx: Ctx, input: ParsedInput<'delivery.pickListPdf'>): PickListDocument {
  const settings = getSettings(ctx);
  const chosen = readChosenLines(ctx, input.lines);
  const collator = new Intl.Collator(input.locale, { numeric: true, sensitivity: 'base' });
  const byLocation = new Map<number, { name: string; rows: PickRow[] }>();
  for (const c of chosen) {
    if (!c.location) continue;
    const group = byLocation.get(c.location.id) ?? { name: c.location.name, rows: [] };
    byLocation.set(c.location.id, group);
    group.rows.push({
      bin: c.location.bin?.trim() || null,
      sku: c.charge.sku,
      productName: c.charge.productName,
      qty: c.qty,
      chargeNumber: c.charge.number,
      companyName: c.charge.companyName,
      containerNumber: c.charge.containerNumber,
      containerTitle: c.charge.containerTitle,
      serials: c.serials,
    });
  }
  // Rows without a bin come last in their location: they have to be looked for.
  const byBin = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : collator.compare(a, b));
  const locations = [...byLocation.values()]
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((l) => ({
      name: l.name,
      rows: l.rows.sort(
        (a, b) => byBin(a.bin, b.bin) || collator.compare(a.sku, b.sku) || collator.compare(a.productName, b.productName) || collator.compare(a.chargeNumber, b.chargeNumber),
      ),
    }));
  const notStocked = chosen
    .filter((c) => c.location === null)
    .map((c) => ({ sku: c.charge.sku, productName: c.charge.productName, qty: c.qty, chargeNumber: c.charge.number, companyName: c.charge.companyName, containerNumber: c.charge.containerNumber }));
  return { locale: input.locale, englishLocale: settings.englishLocale, letterhead: letterheadOf(settings), date: localDay(ctx.now()), locations, notStocked };
}

export async function renderPickList(doc: PickListDocument): Promise<{ filename: string; base64: string }> {
  const bytes = await renderPickListPdf(doc);
  return { filename: `${FILE_STEMS[doc.locale].pick}-${doc.date}.pdf`, base64: Buffer.from(bytes).toString('base64') };
}

// ---- packing list ----

/**
 * The packing list of a delivery, or of chosen Delivery & Shipping lines before they leave (all of one
 * client company: COMPANY_MISMATCH names the first charge of another). In the company's language, else
 * the office's.
 */
export function packingListDocument(ctx: Ctx, input: ParsedInput<'delivery.packingListPdf'>): PackingListDocument {
  const fallback = input.locale ?? OFFICE_LANGUAGE;
  if (input.deliveryId !== undefined) return deliveryPackingList(ctx, input.deliveryId, fallback);
  return linesPackingList(ctx, input.lines ?? [], fallback);
}

function deliveryPackingList(ctx: Ctx, id: number, fallback: Locale): PackingListDocument {
  const head = ctx.sqlite
    .prepare<
      [number],
      {
        number: string;
        companyId: number;
        companyName: string;
        language: Locale | null;
        carrier: string | null;
        trackingNumber: string | null;
        shipDate: string | null;
        shipToName: string | null;
        shipToAddress: string | null;
        reason: string | null;
        createdAt: number;
      }
    >(
      `SELECT d.number, d.company_id AS companyId, co.name AS companyName, co.language, d.carrier, d.tracking_number AS trackingNumber, d.ship_date AS shipDate,
              d.ship_to_name AS shipToName, d.ship_to_address AS shipToAddress, d.reason, d.created_at AS createdAt
       FROM deliveries d JOIN companies co ON co.id = d.company_id WHERE d.id = ?`,
    )
    .get(id);
  if (!head) throw new DomainError('NOT_FOUND', { entity: 'delivery', id });
  const serialsOf = deliveryLineSerials(ctx);
  const rows = ctx.sqlite
    .prepare<[number], Omit<PackingLine, 'serials'> & { lineNo: number; chargeId: number | null; productId: number }>(
      `SELECT dl.line_no AS lineNo, dl.charge_id AS chargeId, dl.product_id AS productId, p.sku, p.name AS productName, dl.qty, ch.number AS chargeNumber, c.number AS containerNumber
       FROM delivery_lines dl JOIN products p ON p.id = dl.product_id LEFT JOIN charges ch ON ch.id = dl.charge_id LEFT JOIN containers c ON c.id = ch.container_id
       WHERE dl.delivery_id = ? ORDER BY dl.line_no`,
    )
    .all(id);
  // The document has a line per charge and location the units left from; the client sees one per charge
  // (per product for units sent outside any charge).
  const lines = mergeLines(rows.map(({ lineNo, chargeId, productId, ...l }) => ({ key: chargeId === null ? `p${productId}` : `c${chargeId}`, line: { ...l, serials: serialsOf(id, lineNo) } })));
  const settings = getSettings(ctx);
  return {
    locale: head.language ?? fallback,
    englishLocale: settings.englishLocale,
    letterhead: letterheadOf(settings),
    date: localDay(head.createdAt),
    delivery: { number: head.number, carrier: head.carrier, trackingNumber: head.trackingNumber, shipDate: head.shipDate, reason: head.reason },
    client: head.companyName,
    shipTo: { name: head.shipToName?.trim() || head.companyName, address: head.shipToAddress?.trim() || (companyAddress(ctx, head.companyId).address ?? '') },
    lines,
  };
}

function linesPackingList(ctx: Ctx, input: ChosenLine[], fallback: Locale): PackingListDocument {
  let company: ChargeInfo | null = null;
  const chosen = readChosenLines(ctx, input, (charge) => {
    company ??= charge;
    if (charge.companyId !== company.companyId) throw new DomainError('COMPANY_MISMATCH', { number: charge.number });
  });
  // The client sees one line per charge, wherever its units were picked.
  const lines = mergeLines(
    chosen.map((c) => ({
      key: `c${c.charge.id}`,
      line: { sku: c.charge.sku, productName: c.charge.productName, qty: c.qty, chargeNumber: c.charge.number, containerNumber: c.charge.containerNumber, serials: c.serials },
    })),
  );
  const client = chosen[0]!.charge;
  const settings = getSettings(ctx);
  return {
    locale: client.companyLanguage ?? fallback,
    englishLocale: settings.englishLocale,
    letterhead: letterheadOf(settings),
    date: localDay(ctx.now()),
    delivery: null,
    client: client.companyName,
    shipTo: { name: client.companyName, address: (companyAddress(ctx, client.companyId).address ?? '') },
    lines,
  };
}

/** Lines of one key added up, in the order each key first appears; serials in order (as the pick list has them). */
function mergeLines(lines: Array<{ key: string; line: PackingLine }>): PackingLine[] {
  const merged = new Map<string, PackingLine>();
  for (const { key, line } of lines) {
    const into = merged.get(key);
    if (into) {
      into.qty += line.qty;
      into.serials.push(...line.serials);
    } else merged.set(key, { ...line, serials: [...line.serials] });
  }
  return [...merged.values()].map((l) => ({ ...l, serials: l.serials.sort() }));
}

export async function renderPackingList(doc: PackingListDocument): Promise<{ filename: string; base64: string }> {
  const bytes = await renderPackingListPdf(doc);
  const stem = FILE_STEMS[doc.locale].packing;
  const name = doc.delivery ? `${doc.delivery.number.replace(/[^\w.-]+/g, '_')}-${stem}` : `${stem}-${doc.date}`;
  return { filename: `${name}.pdf`, base64: Buffer.from(bytes).toString('base64') };
}
