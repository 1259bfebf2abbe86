// The path aliases (`@shared/…`, `@main/…`, `@renderer/…`) as Vite and vitest want them, read from
// tsconfig.base.json's `paths`: one list, which tsc and tsx read there too.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `{ '@shared/*': 'src/shared/*' }`: each alias prefix and the folder it stands for, from the repository root. */
export function aliasPaths(root = repoRoot): Record<string, string> {
  const base = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
  return Object.fromEntries(Object.entries(base.compilerOptions.paths).map(([alias, [target]]) => [alias, target!]));
}

/** Vite `resolve.alias` entries: `@shared/money` → `<root>/src/shared/money` (and not `@sharedx/…`). */
export function viteAliases(root = repoRoot): { find: RegExp; replacement: string }[] {
  return Object.entries(aliasPaths(root)).map(([alias, target]) => ({
    find: new RegExp(`^${alias.replace(/\*$/, '').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`),
    replacement: `${resolve(root, target.replace(/\*$/, ''))}/`,
  }));
}
