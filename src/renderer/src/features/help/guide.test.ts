import { describe, expect, it } from 'vitest';
import { imagePaths, imageUrl, parseGuide, plainText, readerText, sameSectionIn, sectionOf, slugger, slugify } from './guide';

const sample = `# User guide

Intro with a [link to receiving](#receiving) and \`code\`.

## First start

![First start](images/es-01-setup.png)

### Roles & *rights*

| a | b |
| --- | --- |
| ![in a cell](images/en-items.png) | x |

## Receiving

- one ![inline](./images/en-07-roles.png)
- two

## Receiving
`;

describe('the guide', () => {
  it('takes its title from the # heading and lists the ## and ### sections in order', () => {
    const guide = parseGuide(sample);
    expect(guide.title).toBe('User guide');
    expect(guide.toc).toEqual([
      { id: 'first-start', depth: 2, text: 'First start' },
      { id: 'roles--rights', depth: 3, text: 'Roles & rights' },
      { id: 'receiving', depth: 2, text: 'Receiving' },
      { id: 'receiving-1', depth: 2, text: 'Receiving' },
    ]);
    // The title is the screen's header, not a block of the body; each section heading carries its id.
    expect(guide.blocks.some((b) => b.token.type === 'heading' && b.token.depth === 1)).toBe(false);
    expect(guide.blocks.filter((b) => b.id).map((b) => b.id)).toEqual(guide.toc.map((e) => e.id));
  });

  it('writes anchors as GitHub does, accents kept, so the repository and the app agree', () => {
    expect(slugify('Purchasing & fulfillment')).toBe('purchasing--fulfillment');
    expect(slugify('Inventory Transfers & Updates')).toBe('inventory-transfers--updates');
    expect(slugify('Devoluciones de clientes: ¿qué vuelve?')).toBe('devoluciones-de-clientes-qué-vuelve');
    expect(slugify('Light or dark, and the keyboard')).toBe('light-or-dark-and-the-keyboard');
    expect(slugify('Aprobación de cargos (RMA)')).toBe('aprobación-de-cargos-rma');
  });

  it('never gives two headings the same anchor', () => {
    const slug = slugger();
    expect(['a', 'a', 'a-1', 'a', '', ''].map(slug)).toEqual(['a', 'a-1', 'a-1-1', 'a-2', 'section', 'section-1']);
  });

  it('reads headings as plain text: no markup, code kept', () => {
    const guide = parseGuide('# T\n\n## The *Receiving* page and `Ctrl+K`\n');
    expect(guide.toc[0]!.text).toBe('The Receiving page and Ctrl+K');
    expect(plainText(undefined)).toBe('');
  });

  it('finds every picture, in paragraphs, lists and tables', () => {
    expect(imagePaths(sample)).toEqual(['images/es-01-setup.png', 'images/en-items.png', './images/en-07-roles.png']);
  });

  it('points a picture of docs/images at its bundled copy, and nothing else', () => {
    const bundled = { 'en-items.png': '/assets/en-items-abc.png' };
    expect(imageUrl('images/en-items.png', bundled)).toBe('/assets/en-items-abc.png');
    expect(imageUrl('./images/en-items.png', bundled)).toBe('/assets/en-items-abc.png');
    expect(imageUrl('images/missing.png', bundled)).toBeUndefined();
    expect(imageUrl('https://example.com/en-items.png', bundled)).toBeUndefined();
    expect(imageUrl('images/../secret/en-items.png', bundled)).toBeUndefined();
    expect(imageUrl('images/toString', bundled)).toBeUndefined();
  });

  it('keeps #links inside the guide and lets no other link pass for one', () => {
    expect(sectionOf('#receiving')).toBe('receiving');
    expect(sectionOf('#devoluci%C3%B3n')).toBe('devolución');
    expect(sectionOf('#%E0%A4%A')).toBe('%E0%A4%A');
    expect(sectionOf('#')).toBeUndefined();
    expect(sectionOf('docs/architecture.md#the-log')).toBeUndefined();
    expect(sectionOf('https://example.com/#x')).toBeUndefined();
  });

  it('finds the same section in the other language, by its place', () => {
    const en = parseGuide('# Guide\n\n## Receiving\n\n### Back orders\n');
    const es = parseGuide('# Guía\n\n## Recepción\n\n### Pedidos pendientes\n');
    expect(sameSectionIn(es, en, 'back-orders')).toBe('pedidos-pendientes');
    expect(sameSectionIn(es, en, 'recepción')).toBe('recepción');
    expect(sameSectionIn(es, en, 'nowhere')).toBeUndefined();
    expect(sameSectionIn(es, undefined, 'receiving')).toBeUndefined();
  });

  it('reads the text as a reader sees it: captions kept, addresses and markup left out', () => {
    expect(readerText(sample).split('\n')).toEqual([
      'User guide',
      'Intro with a link to receiving and code.',
      'First start',
      'First start',
      'Roles & rights',
      'a | b',
      'in a cell | x',
      'Receiving',
      'one inline',
      'two',
      'Receiving',
    ]);
  });
});
