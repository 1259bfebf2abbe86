// The user guide as the Help screen shows it: docs/user-guide.md (English) or docs/guia-usuario.md
// (Spanish) read into marked's tokens, each section heading given an id to jump to (the table of
// contents, in-guide #links) and each picture's path turned into the bundled file's address.
// Pure: no React, no Vite; the screen (HelpPage) renders what this returns.
import { Lexer, type Token, type Tokens } from 'marked';

/** One entry of the table of contents: a `##` (depth 2) or `###` (depth 3) heading. */
export interface TocEntry {
  id: string;
  depth: 2 | 3;
  text: string;
}

/** A top-level block of the guide; a section heading carries the id it is reached by. */
export interface GuideBlock {
  token: Token;
  id?: string;
}

export interface Guide {
  /** The `#` heading: the screen's title. */
  title: string;
  blocks: GuideBlock[];
  toc: TocEntry[];
}

/** The text a reader sees in some inline tokens: no markup, entities decoded by marked. */
export function plainText(tokens: readonly Token[] | undefined): string {
  if (!tokens) return '';
  return tokens
    .map((token) => {
      if ('tokens' in token && Array.isArray(token.tokens) && token.type !== 'codespan') return plainText(token.tokens);
      if (token.type === 'image') return '';
      return 'text' in token && typeof token.text === 'string' ? token.text : '';
    })
    .join('');
}

/**
 * A heading's anchor as GitHub writes it, so a link that works on the repository works in the app:
 * lower case, letters (accents kept) digits spaces and hyphens only, each space a hyphen.
 * "Purchasing & fulfillment" → "purchasing--fulfillment"; "Devolución de clientes" → "devolución-de-clientes".
 */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Gives each heading its slug, numbered from the second use on ("returns", "returns-1"), as GitHub does. */
export function slugger(): (text: string) => string {
  const used = new Set<string>();
  const next = new Map<string, number>();
  return (text) => {
    const base = slugify(text) || 'section';
    let n = next.get(base) ?? 0;
    let slug = n === 0 ? base : `${base}-${n}`;
    while (used.has(slug)) slug = `${base}-${++n}`;
    next.set(base, n + 1);
    used.add(slug);
    return slug;
  };
}

export function parseGuide(markdown: string): Guide {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const slug = slugger();
  let title = '';
  const blocks: GuideBlock[] = [];
  const toc: TocEntry[] = [];
  for (const token of tokens) {
    if (token.type === 'space') continue;
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      const text = plainText(heading.tokens);
      if (heading.depth === 1 && !title) {
        title = text;
        continue;
      }
      const id = slug(text);
      if (heading.depth === 2 || heading.depth === 3) toc.push({ id, depth: heading.depth, text });
      blocks.push({ token, id });
      continue;
    }
    blocks.push({ token });
  }
  return { title, blocks, toc };
}

/**
 * The section of `guide` that stands where `section` stands in `previous` (the other language's guide:
 * both have the same sections in the same order, scripts/user-guides.test.ts checks it); `section` itself
 * when `guide` has it, undefined when neither has it.
 */
export function sameSectionIn(guide: Guide, previous: Guide | undefined, section: string): string | undefined {
  if (guide.toc.some((entry) => entry.id === section)) return section;
  const index = previous?.toc.findIndex((entry) => entry.id === section) ?? -1;
  return index >= 0 ? guide.toc[index]?.id : undefined;
}

/**
 * What a reader of the guide sees of its text, a line per block: markup, link targets and picture paths
 * left out, pictures' captions (their alt text) kept. For checks of its wording.
 */
export function readerText(markdown: string): string {
  const lines: string[] = [];
  const inline = (tokens: readonly Token[]): string =>
    tokens.map((token) => (token.type === 'image' ? (token as Tokens.Image).text : 'tokens' in token && Array.isArray(token.tokens) && token.type !== 'codespan' ? inline(token.tokens) : 'text' in token && typeof token.text === 'string' ? token.text : '')).join('');
  const blocks = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'list') for (const item of (token as Tokens.List).items) blocks(item.tokens);
      else if (token.type === 'table') {
        const table = token as Tokens.Table;
        for (const row of [table.header, ...table.rows]) lines.push(row.map((cell) => inline(cell.tokens)).join(' | '));
      } else if (token.type === 'blockquote') blocks((token as Tokens.Blockquote).tokens);
      else if ('tokens' in token && Array.isArray(token.tokens)) lines.push(inline(token.tokens));
      else if (token.type === 'code') lines.push((token as Tokens.Code).text);
    }
  };
  blocks(new Lexer({ gfm: true }).lex(markdown));
  return lines.join('\n');
}

/** Every picture the guide shows, as written in it (`images/en-items.png`), in order of appearance. */
export function imagePaths(markdown: string): string[] {
  const found: string[] = [];
  const walk = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'image') found.push((token as Tokens.Image).href);
      if ('tokens' in token && Array.isArray(token.tokens)) walk(token.tokens);
      if (token.type === 'list') for (const item of (token as Tokens.List).items) walk(item.tokens);
      if (token.type === 'table') {
        const table = token as Tokens.Table;
        for (const cell of [...table.header, ...table.rows.flat()]) walk(cell.tokens);
      }
    }
  };
  walk(new Lexer({ gfm: true }).lex(markdown));
  return found;
}

/**
 * The bundled address of a picture the guide names relative to docs/ (`images/en-items.png`, also
 * `./images/…`), from the map of docs/images file names to addresses; undefined for anything else
 * (another folder, a web address: the guide is read offline).
 */
export function imageUrl(href: string, bundled: Readonly<Record<string, string>>): string | undefined {
  const match = /^(?:\.\/)?images\/([\w.-]+\.(?:png|jpe?g|gif|svg|webp))$/i.exec(href.trim());
  if (!match) return undefined;
  return Object.hasOwn(bundled, match[1]!) ? bundled[match[1]!] : undefined;
}

/** `#some-section` → "some-section"; undefined for any link that leaves the guide. */
export function sectionOf(href: string): string | undefined {
  if (!href.startsWith('#') || href.length < 2) return undefined;
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1);
  }
}
