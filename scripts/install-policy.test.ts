// `npm install` must stay silent on the oldest Node the README promises: a dependency bump that
// raises a transitive `engines` floor or brings a new install script shows up here, not as a
// warning someone scrolls past on a fresh machine.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  allowScripts: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; hasInstallScript?: boolean; resolved?: string; link?: boolean }>;
};
// semver is not ours to depend on directly; npm's lock already brings it for better-sqlite3.
const semver = createRequire(import.meta.url)('semver') as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
};

const oldestNode = semver.minVersion(pkg.engines.node)!.version;
const installed = Object.entries(lock.packages).filter(([path]) => path.startsWith('node_modules/'));
const packageName = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

describe('install policy (package-lock.json)', () => {
  it('supports Node 20 from package.json', () => {
    expect(oldestNode.startsWith('20.')).toBe(true);
    expect(installed.length).toBeGreaterThan(100);
  });

  it('locks only packages whose engines allow the oldest supported Node', () => {
    const refused = installed
      .filter(([, entry]) => entry.engines && !Array.isArray(entry.engines) && entry.engines.node)
      .filter(([, entry]) => !semver.satisfies(oldestNode, (entry.engines as { node: string }).node))
      .map(([path, entry]) => `${packageName(path)}@${entry.version} needs node ${(entry.engines as { node: string }).node}`);
    expect(refused).toEqual([]);
  });

  it('names every package with an install script in allowScripts (reviewed, allowed or denied)', () => {
    const scripted = new Set(installed.filter(([, entry]) => entry.hasInstallScript).map(([path]) => packageName(path)));
    const unreviewed = [...scripted].filter((name) => !(name in pkg.allowScripts));
    expect(unreviewed).toEqual([]);
    expect(scripted.has('better-sqlite3')).toBe(true);
  });

  it('keeps Electron’s download and electron-winstaller’s Squirrel-only script denied', () => {
    expect(pkg.allowScripts.electron).toBe(false);
    expect(pkg.allowScripts['electron-winstaller']).toBe(false);
    expect(pkg.allowScripts['better-sqlite3']).toBe(true);
  });

  it('resolves every package from the npm registry (no git or tarball URLs a fresh machine cannot fetch)', () => {
    const elsewhere = installed
      .filter(([, entry]) => !entry.link && entry.resolved && !entry.resolved.startsWith('https://registry.npmjs.org/'))
      .map(([path, entry]) => `${packageName(path)} from ${entry.resolved}`);
    expect(elsewhere).toEqual([]);
  });
});
