// Builds the user interface once, before any journey starts. Journeys run side by side (one project
// per language), and servers that each found the build stale would all build into out/ at once; so
// the servers the journeys start never build (`--no-build`). Stale means what it means to
// `npm run serve`: out/renderer is missing or older than src/renderer or src/shared.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');
/** Where the bundled host goes: two levels under the repository, as src/main/server.ts is, so its paths hold. */
export const serveDir = join(repoRoot, 'out/serve');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The host the journeys start, bundled from its sources (with its read worker beside it) into out/serve:
 * node starts the bundle in half the time tsx takes to load the sources, and some fifty journeys each
 * start one. Rebuilt every run (under a second), so it is never older than the sources.
 */
function bundleServer(): void {
  const result = spawnSync(
    join(repoRoot, 'node_modules/.bin/esbuild'),
    ['src/main/server.ts', 'src/main/transport/readWorker.ts', '--bundle', '--platform=node', '--format=esm', '--packages=external', '--tsconfig=tsconfig.node.json', `--outdir=${serveDir}`, '--entry-names=[name]', '--log-level=warning'],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('Bundling the host for the end-to-end tests failed');
}

export default function setup(): void {
  bundleServer();
  const index = join(repoRoot, 'out/renderer/index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  // docs/: the user guides and their pictures are bundled into the Help screen.
  const sources = Math.max(...['src/renderer', 'src/shared', 'docs'].map((dir) => newestMtime(join(repoRoot, dir))));
  if (built >= sources) return;
  console.log('Building the user interface for the end-to-end tests…');
  const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Building the user interface failed');
}
