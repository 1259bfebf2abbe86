// Installers cannot be built on CI (electron-builder downloads Electron), so this test is what
// keeps the packaging config honest: valid for this electron-builder, and carrying what the app
// needs at run time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8'));

function targetNames(platform: { target: Array<string | { target: string }> }): string[] {
  return platform.target.map((t) => (typeof t === 'string' ? t : t.target));
}

describe('electron-builder.json', () => {
  it('passes electron-builder’s own schema validation', async () => {
    const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
    const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
  });

  it('names the product and writes installers to release/', () => {
    expect(config.appId).toBe('com.mspinventory.app');
    expect(config.productName).toBe('MSP Inventory');
    expect(config.directories.output).toBe('release');
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
  });

  it('builds nsis for Windows, dmg for macOS, AppImage and deb for Linux', () => {
    expect(targetNames(config.win)).toEqual(['nsis']);
    expect(targetNames(config.mac)).toEqual(['dmg']);
    expect(config.mac.category).toBe('public.app-category.business');
    expect(targetNames(config.linux).sort()).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
  });

  it('ships the migrations and the Electron build of better-sqlite3 where the main process looks for them', () => {
    const main = readFileSync(join(root, 'src/main/index.ts'), 'utf8');
    expect(config.extraResources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'drizzle', to: 'drizzle' }),
        expect.objectContaining({ from: '.electron-native', to: 'native', filter: ['*.node'] }),
      ]),
    );
    expect(main).toContain("join(process.resourcesPath, 'drizzle')");
    expect(main).toContain("join(process.resourcesPath, 'native/better_sqlite3.node')");
    expect(config.asarUnpack).toEqual(expect.arrayContaining([expect.stringContaining('better-sqlite3')]));
    // A rebuild would replace node_modules' Node build, which tests and serve mode need.
    expect(config.npmRebuild).toBe(false);
  });

  it('burns the fuses that close run-as-node, NODE_OPTIONS, --inspect and unpacked code', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('has a 512×512 icon', () => {
    const png = readFileSync(join(root, 'build/icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
