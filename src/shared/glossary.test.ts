import { describe, expect, it } from 'vitest';
import { bannedSpanishTerms, bannedTermsIn } from './glossary';

const found = (text: string) => bannedTermsIn(text).map((t) => t.banned);

describe('bannedTermsIn', () => {
  it('finds a banned word whatever its case, and names the word to use', () => {
    expect(found('El coste unitario')).toEqual(['coste']);
    expect(found('COSTE')).toEqual(['coste']);
    expect(bannedTermsIn('Iniciar un inventario físico')[0]?.preferred).toBe('recuento');
    expect(found('Añadir stock')).toEqual(['stock']);
    expect(found('Ref. proveedor')).toEqual(['ref. proveedor']);
  });

  it('matches whole words only, accents included', () => {
    expect(found('Costo unitario')).toEqual([]);
    expect(found('costear')).toEqual([]);
    expect(found('Stocktake')).toEqual([]);
    expect(found('vendedora')).toEqual([]);
    expect(found('compra para Clínica')).toEqual([]);
    expect(found('artículos')).toEqual(['artículos']);
    expect(found('Los artículo.')).toEqual(['artículo']);
  });

  it('lists no term twice and never bans what it prefers', () => {
    const banned = bannedSpanishTerms.map((t) => t.banned.toLowerCase());
    expect(new Set(banned).size).toBe(banned.length);
    for (const term of bannedSpanishTerms) expect(found(term.preferred), term.preferred).toEqual([]);
  });
});
