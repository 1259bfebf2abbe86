// What the global search shows and what Enter opens, as plain functions of the typed text and the
// server's answers. An answer names the text it was for (`q`): the list and Enter act only on the
// answer for the text in the box now, never on one for an earlier text still on screen (a scanner
// types a code and Enter faster than the search answers).
import type { ChannelOutput } from '@shared/contract';
import { locationLabel } from '@renderer/lib/locationLabel';

export type SearchAnswer = ChannelOutput<'search.global'>;
export type SearchKind = 'serial' | 'product' | 'location' | 'bin' | 'company';

export interface SearchHit {
  kind: SearchKind;
  /** Unique within one answer (React key). */
  key: string;
  /** Where opening it goes. */
  path: string;
  rank: number;
  /** What the row shows: a serial number, a product name, a location or company name. */
  label: string;
  /** The product's SKU (products and serials). */
  sku?: string;
  /** Where a serial is now (null: no longer in stock); the location of a bin. */
  locationName?: string | null;
}

export interface SearchGroup {
  kind: SearchKind;
  hits: SearchHit[];
}

/** Shown in this order when their best results rank the same (as the server breaks ties). */
const kindOrder: SearchKind[] = ['serial', 'product', 'location', 'bin', 'company'];

/** The text a query is for: what the server searches once its contract has trimmed it. */
export function searchText(typed: string): string {
  return typed.trim();
}

export function groupsOf(answer: SearchAnswer): SearchGroup[] {
  const groups: SearchGroup[] = [
    {
      kind: 'serial',
      hits: answer.serials.map((s) => ({
        kind: 'serial',
        key: `s${s.lotId}`,
        path: `/stock/lots?serial=${encodeURIComponent(s.serialNumber)}`,
        rank: s.rank,
        label: s.serialNumber,
        sku: s.sku,
        // Customer, Scrap and In-transit are stored in English: shown in the user's language.
        locationName: s.locationName === null ? null : locationLabel(s.locationName, s.locationKind),
      })),
    },
    {
      kind: 'product',
      hits: answer.products.map((p) => ({ kind: 'product', key: `p${p.id}`, path: `/catalog/products/${p.id}`, rank: p.rank, label: p.name, sku: p.sku })),
    },
    { kind: 'location', hits: answer.locations.map((l) => ({ kind: 'location', key: `l${l.id}`, path: `/locations?id=${l.id}`, rank: l.rank, label: l.name })) },
    {
      // A bin opens the inventory products kept in it at its location (the list searches bins by that text).
      kind: 'bin',
      hits: answer.bins.map((b) => ({
        kind: 'bin',
        key: `b${b.locationId}:${b.bin}`,
        path: `/stock/items?${new URLSearchParams({ q: b.bin, locationId: String(b.locationId) }).toString()}`,
        rank: b.rank,
        label: b.bin,
        locationName: b.locationName,
      })),
    },
    { kind: 'company', hits: answer.companies.map((c) => ({ kind: 'company', key: `c${c.id}`, path: `/catalog/companies?id=${c.id}`, rank: c.rank, label: c.name })) },
  ];
  const nonEmpty = groups.filter((g) => g.hits.length > 0);
  // The best bin is the first of the bins (its id is only its location's).
  const bestBin = answer.bins[0];
  const bestKey = !answer.best ? null : answer.best.kind === 'bin' ? (bestBin ? `b${bestBin.locationId}:${bestBin.bin}` : null) : `${answer.best.kind[0]}${answer.best.id}`;
  // The group holding the best result comes first, with that result on top: it is pre-selected.
  for (const group of nonEmpty) {
    const at = group.hits.findIndex((h) => h.key === bestKey);
    if (at > 0) group.hits.unshift(...group.hits.splice(at, 1));
  }
  const groupRank = (g: SearchGroup) => (g.hits.some((h) => h.key === bestKey) ? 0 : Math.min(...g.hits.map((h) => h.rank)));
  return nonEmpty.sort((a, b) => groupRank(a) - groupRank(b) || kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind));
}

/** The results in the order they are listed; the first is the best. */
export function hitsOf(answer: SearchAnswer): SearchHit[] {
  return groupsOf(answer).flatMap((g) => g.hits);
}

/** The answer the list may treat as current for this text, or undefined while it is pending. */
export function answerFor(typed: string, answer: SearchAnswer | undefined): SearchAnswer | undefined {
  const q = searchText(typed);
  return answer && q.length > 0 && answer.q === q ? answer : undefined;
}

export type EnterDecision = { type: 'open'; hit: SearchHit } | { type: 'fetch'; q: string } | { type: 'nothing' };

/**
 * What Enter does now: open the chosen (by default the first, best) result of the answer for the
 * typed text; when that answer has not arrived, fetch it first (an older answer on screen is
 * never acted on); nothing for empty text or when nothing was found.
 */
export function decideEnter(typed: string, shown: SearchAnswer | undefined, selected: number): EnterDecision {
  const q = searchText(typed);
  if (q.length === 0) return { type: 'nothing' };
  const current = answerFor(typed, shown);
  if (!current) return { type: 'fetch', q };
  const hits = hitsOf(current);
  const hit = hits[selected] ?? hits[0];
  return hit ? { type: 'open', hit } : { type: 'nothing' };
}

/**
 * Once the answer fetched for an Enter arrives: open its best result only if it answers what was
 * asked, the box still holds that text, and no later Enter superseded this one.
 */
export function decideAfterFetch(asked: string, answer: SearchAnswer, typedNow: string, stillLatest: boolean): EnterDecision {
  if (!stillLatest || answer.q !== asked || searchText(typedNow) !== asked) return { type: 'nothing' };
  const best = hitsOf(answer)[0];
  return best ? { type: 'open', hit: best } : { type: 'nothing' };
}

/** Arrow keys: move the highlight, wrapping around the ends like Mantine's own spotlight. */
export function moveSelection(selected: number, count: number, step: 1 | -1): number {
  if (count === 0) return 0;
  return (((selected + step) % count) + count) % count;
}
