import { describe, expect, it } from 'vitest';
import { answerFor, decideAfterFetch, decideEnter, groupsOf, hitsOf, moveSelection, type SearchAnswer } from './results';

type Rank = 1 | 2 | 3 | 4 | 5;
const serial = (lotId: number, serialNumber: string, rank: Rank) => ({ lotId, productId: 1, serialNumber, sku: 'LAP-X1', locationName: 'Main', locationKind: 'warehouse' as const, rank });
const product = (id: number, sku: string, rank: Rank) => ({ id, sku, name: `Product ${sku}`, rank, matchedOn: 'sku' as const });

function answer(q: string, parts: Partial<Omit<SearchAnswer, 'q'>> = {}): SearchAnswer {
  return { q, best: null, products: [], serials: [], locations: [], bins: [], companies: [], ...parts };
}

/** An answer where serial PF1 is exact, and product PF1-DOCK only starts with the text. */
const pf1 = answer('PF1', {
  best: { kind: 'serial', id: 7, rank: 1 },
  products: [product(3, 'PF1-DOCK', 4)],
  serials: [serial(7, 'PF1', 1), serial(8, 'PF10', 4)],
});
/** The answer for the previous text, still on screen while the next one is fetched. */
const pf = answer('PF', {
  best: { kind: 'product', id: 2, rank: 4 },
  products: [product(2, 'PF-CABLE', 4)],
  serials: [serial(7, 'PF1', 4)],
});

describe('global search results', () => {
  it('lists the group holding the best result first, with the best on top', () => {
    expect(groupsOf(pf1).map((g) => g.kind)).toEqual(['serial', 'product']);
    expect(hitsOf(pf1).map((h) => h.path)).toEqual(['/stock/lots?serial=PF1', '/stock/lots?serial=PF10', '/catalog/products/3']);

    const productFirst = answer('LAP-X1', {
      best: { kind: 'product', id: 5, rank: 2 },
      products: [product(4, 'LAP-X1-DOCK', 4), product(5, 'LAP-X1', 2)],
      serials: [serial(9, 'LAP-X1-0001', 4)],
      locations: [{ id: 1, name: 'LAP shelf', rank: 5 }],
      companies: [{ id: 2, name: 'Lap Co', rank: 5 }],
    });
    expect(hitsOf(productFirst).map((h) => h.key)).toEqual(['p5', 'p4', 's9', 'l1', 'c2']);
    expect(hitsOf(productFirst)[0]).toMatchObject({ kind: 'product', label: 'Product LAP-X1', sku: 'LAP-X1', path: '/catalog/products/5' });

    const byName = answer('acme', { best: { kind: 'company', id: 2, rank: 3 }, locations: [{ id: 1, name: 'Acme shelf', rank: 4 }], companies: [{ id: 2, name: 'Acme', rank: 3 }] });
    expect(hitsOf(byName).map((h) => h.path)).toEqual(['/catalog/companies?id=2', '/locations?id=1']);
    expect(groupsOf(answer('zzz'))).toEqual([]);
  });

  it('opens a scanned bin as the inventory products kept in it at its location', () => {
    const bin = answer('A-01/03', {
      best: { kind: 'bin', id: 4, rank: 2 },
      products: [product(6, 'A-01/03-KIT', 4)],
      bins: [
        { locationId: 4, locationName: 'Main warehouse', bin: 'A-01/03', rank: 2 },
        { locationId: 9, locationName: 'Van 2', bin: 'A-01/03', rank: 2 },
      ],
    });
    expect(groupsOf(bin).map((g) => g.kind)).toEqual(['bin', 'product']);
    expect(hitsOf(bin)[0]).toMatchObject({ kind: 'bin', label: 'A-01/03', locationName: 'Main warehouse', path: '/stock/items?q=A-01%2F03&locationId=4' });
    expect(decideEnter('A-01/03', bin, 0)).toMatchObject({ type: 'open', hit: { key: 'b4:A-01/03' } });
  });

  it('encodes serials in the address', () => {
    const odd = answer('A B/#?', { best: { kind: 'serial', id: 1, rank: 1 }, serials: [serial(1, 'A B/#?', 1)] });
    expect(hitsOf(odd)[0]!.path).toBe('/stock/lots?serial=A%20B%2F%23%3F');
  });

  it('treats an answer as current only for the text it was for (trimmed)', () => {
    expect(answerFor('PF1', pf1)).toBe(pf1);
    expect(answerFor('  PF1\t', pf1)).toBe(pf1);
    expect(answerFor('PF1', pf)).toBeUndefined();
    expect(answerFor('pf1', pf1)).toBeUndefined();
    expect(answerFor('PF1', undefined)).toBeUndefined();
    expect(answerFor('   ', answer(''))).toBeUndefined();
  });
});

describe('Enter in the global search', () => {
  it('opens the pre-selected best result of the answer for the typed text', () => {
    expect(decideEnter('PF1', pf1, 0)).toEqual({ type: 'open', hit: expect.objectContaining({ path: '/stock/lots?serial=PF1' }) });
    expect(decideEnter(' PF1 ', pf1, 0)).toMatchObject({ type: 'open', hit: { key: 's7' } });
  });

  it('opens the row chosen with the arrows, and the best when the choice is out of range', () => {
    expect(decideEnter('PF1', pf1, 2)).toMatchObject({ type: 'open', hit: { key: 'p3' } });
    expect(decideEnter('PF1', pf1, 9)).toMatchObject({ type: 'open', hit: { key: 's7' } });
  });

  it('never acts on the previous text’s results: it fetches the answer for the text typed', () => {
    // Scanned "PF1" + Enter while the list still shows the answer for "PF".
    expect(decideEnter('PF1', pf, 0)).toEqual({ type: 'fetch', q: 'PF1' });
    expect(decideEnter('PF1', pf, 1)).toEqual({ type: 'fetch', q: 'PF1' });
    // Typed before any answer arrived at all.
    expect(decideEnter('  PF1 ', undefined, 0)).toEqual({ type: 'fetch', q: 'PF1' });
  });

  it('does nothing for empty text or when nothing was found', () => {
    expect(decideEnter('', pf1, 0)).toEqual({ type: 'nothing' });
    expect(decideEnter(' \t ', undefined, 0)).toEqual({ type: 'nothing' });
    expect(decideEnter('zzz', answer('zzz'), 0)).toEqual({ type: 'nothing' });
  });

  it('opens the fetched answer’s best only if it answers what was asked and the box still holds it', () => {
    expect(decideAfterFetch('PF1', pf1, 'PF1', true)).toMatchObject({ type: 'open', hit: { key: 's7' } });
    expect(decideAfterFetch('PF1', pf1, ' PF1 ', true)).toMatchObject({ type: 'open', hit: { key: 's7' } });
    // The user went on typing (or scanned the next code) before it arrived.
    expect(decideAfterFetch('PF1', pf1, 'PF12', true)).toEqual({ type: 'nothing' });
    expect(decideAfterFetch('PF1', pf1, '', true)).toEqual({ type: 'nothing' });
    // A later Enter (or closing the search) superseded this one.
    expect(decideAfterFetch('PF1', pf1, 'PF1', false)).toEqual({ type: 'nothing' });
    // An answer for another text is never acted on.
    expect(decideAfterFetch('PF1', pf, 'PF1', true)).toEqual({ type: 'nothing' });
    expect(decideAfterFetch('zzz', answer('zzz'), 'zzz', true)).toEqual({ type: 'nothing' });
  });

  it('moves the highlight with the arrows, wrapping at the ends', () => {
    expect(moveSelection(0, 3, 1)).toBe(1);
    expect(moveSelection(2, 3, 1)).toBe(0);
    expect(moveSelection(0, 3, -1)).toBe(2);
    expect(moveSelection(0, 0, 1)).toBe(0);
    expect(moveSelection(5, 3, 1)).toBe(0);
  });
});
