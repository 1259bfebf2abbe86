// The preload is loaded into every window before the page: it must stay small and load nothing but
// Electron (a sandboxed preload cannot require packages, and the contract would bring zod and every
// schema, ~220 kB). It is bundled here in memory exactly as `npm run build` bundles it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, viteAliases } from './aliases';
import { channelNamesFile, renderChannelNames } from './channel-names';
import { contract } from '../src/shared/contract';
import { channelNames } from '../src/shared/contract/channelNames';

const budgetBytes = 20_000;

async function bundlePreload(): Promise<Rollup.OutputChunk> {
  const result = await build({
    configFile: false,
    root: repoRoot,
    logLevel: 'silent',
    resolve: { alias: viteAliases() },
    build: {
      write: false,
      minify: false,
      lib: { entry: join(repoRoot, 'src/preload/index.ts'), formats: ['cjs'], fileName: 'index' },
      rollupOptions: { external: ['electron'] },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunks = outputs.flatMap((o) => o.output).filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
  expect(chunks).toHaveLength(1);
  return chunks[0]!;
}

describe('preload', () => {
  let chunk: Rollup.OutputChunk;
  beforeAll(async () => {
    chunk = await bundlePreload();
  }, 60_000);

  it(`bundles under ${budgetBytes / 1000} kB, from our own sources only, requiring nothing but electron`, () => {
    expect(Buffer.byteLength(chunk.code)).toBeLessThan(budgetBytes);
    const modules = Object.keys(chunk.modules).map((id) => id.replace(`${repoRoot}/`, ''));
    expect(modules.filter((id) => id.includes('node_modules') || !id.startsWith('src/'))).toEqual([]);
    // The channel names and the change event's name: plain lists and constants, no schema.
    expect(modules.filter((id) => id.startsWith('src/shared/') && id !== channelNamesFile && id !== 'src/shared/events.ts')).toEqual([]);
    expect(chunk.imports).toEqual(['electron']);
    expect(chunk.code).not.toMatch(/\bzod\b|ZodError/);
  });

  it('exposes the change event listener on its own name', () => {
    expect(chunk.code).toContain('"appEvents"');
    expect(chunk.code).toContain('app:change');
  });

  it('exposes every channel of the contract', () => {
    for (const name of Object.keys(contract)) expect(chunk.code).toContain(`"${name}"`);
  });
});

describe('the channel-name list', () => {
  it('names exactly the channels of the contract', () => {
    expect([...channelNames].sort()).toEqual(Object.keys(contract).sort());
  });

  it('is the generated file', () => {
    const committed = readFileSync(join(repoRoot, channelNamesFile), 'utf8');
    expect(committed === renderChannelNames(), `${channelNamesFile} is stale: run \`npm run contract:names\` and commit the result`).toBe(true);
  });
});
