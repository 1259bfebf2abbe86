// The scripts a browser (or the desktop window) loads before the sign-in form can show: under 1 MB, and
// none of the screens' code, which loads screen by screen (lib/feature.ts) once the shell is up.
// It reads the real build (`out/renderer`, as `npm run build` writes it, with the build's manifest of
// chunks). CI builds just before the tests, so this is a file read there; where the build is missing or
// older than the sources it builds first, as `npm run serve` and the end-to-end setup do.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './aliases';
import { contract, type ChannelName } from '../src/shared/contract';

const budgetBytes = 1_000_000;
const rendererOut = join(repoRoot, 'out/renderer');
const manifestFile = join(rendererOut, '.vite/manifest.json');

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

function ensureBuilt(): void {
  const sources = Math.max(...['src/renderer', 'src/shared', 'docs', 'electron.vite.config.ts'].map((p) => newestMtime(join(repoRoot, p))));
  if (existsSync(manifestFile) && statSync(manifestFile).mtimeMs >= sources) return;
  const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`electron-vite build failed:\n${result.stdout}\n${result.stderr}`);
}

/** The chunk keys a page loads before anything runs: the entry and everything it imports statically. */
function initialChunks(manifest: Manifest): string[] {
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    manifest[key]!.imports?.forEach(visit);
  };
  entries.forEach(visit);
  return [...seen];
}

/** `lazyPage(() => import('./items/ItemsPage'), …)` in the features' route tables, as manifest keys (paths from src/renderer). */
function lazyPageSources(): string[] {
  const features = join(repoRoot, 'src/renderer/src/features');
  return readdirSync(features).flatMap((feature) => {
    const index = join(features, feature, 'index.tsx');
    if (!existsSync(index)) return [];
    return [...readFileSync(index, 'utf8').matchAll(/lazyPage\(\(\) => import\('\.\/([^']+)'\)/g)].map((m) => `src/features/${feature}/${m[1]}.tsx`);
  });
}

describe('the renderer build', () => {
  let manifest: Manifest;
  let initial: string[];
  beforeAll(() => {
    ensureBuilt();
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    initial = initialChunks(manifest);
  }, 300_000);

  it(`loads under ${budgetBytes / 1e6} MB of script before the sign-in form`, () => {
    const html = readFileSync(join(rendererOut, 'index.html'), 'utf8');
    const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
    expect(entry?.src).toBe('index.html');
    expect(html).toContain(`src="./${entry!.file}"`);
    const sizes = initial.map((key) => ({ file: manifest[key]!.file, bytes: statSync(join(rendererOut, manifest[key]!.file)).size }));
    const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
    const largest = [...sizes].sort((a, b) => b.bytes - a.bytes).slice(0, 5);
    expect(total, `initial scripts ${total} bytes; largest: ${JSON.stringify(largest)}`).toBeLessThan(budgetBytes);
  });

  it('keeps every screen and the shell out of it, each a chunk of its own', () => {
    const pages = lazyPageSources();
    expect(pages.length).toBeGreaterThan(20);
    const lazy = [...pages, 'src/app/Shell.tsx', 'src/features/auth/SetupScreen.tsx'];
    for (const src of lazy) {
      expect(manifest[src]?.isDynamicEntry, `${src} is not loaded on demand`).toBe(true);
      expect(initial, `${src} is in the first scripts`).not.toContain(src);
    }
    // A screen's chunk is not imported statically by the first scripts under another name either.
    const initialFiles = new Set(initial.map((key) => manifest[key]!.file));
    for (const src of lazy) expect(initialFiles.has(manifest[src]!.file), src).toBe(false);
  });

  it('brings the schemas of the sign-in form only, not the whole contract', () => {
    // Each channel's definition carries its summary sentence: where it is in the code, so is its schema.
    const code = initial.map((key) => readFileSync(join(rendererOut, manifest[key]!.file), 'utf8')).join('\n');
    const bundled = (Object.keys(contract) as ChannelName[]).filter((name) => code.includes(JSON.stringify(contract[name].summary).slice(1, -1)));
    expect(bundled).toContain('auth.login');
    // The sign-in form's module (contract/auth.ts) holds users and roles too: nothing beyond it.
    expect(bundled.filter((name) => !name.startsWith('auth.') && !name.startsWith('users.') && !name.startsWith('roles.'))).toEqual([]);
  });
});
