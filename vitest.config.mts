import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { repoRoot, viteAliases } from './scripts/aliases.ts';

const testFile = /\.test\.tsx?$/;
function testFiles(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(path);
    return testFile.test(entry.name) ? [path] : [];
  });
}

// Test files share one module graph per worker (modules are loaded once per worker, not once per file:
// a third of the suite's CPU). A file that replaces a module (vi.mock) needs fresh modules, so it runs
// isolated: whoever loaded that module earlier in the worker would otherwise keep the real one.
// e2e/support's pure helpers (the Spanish-screen scan) are unit-tested here; the journeys are not.
const include = ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'e2e/support/**/*.test.ts'];
const mocking = [...testFiles('src'), ...testFiles('scripts'), ...testFiles('bench'), ...testFiles('e2e/support')].filter((file) => /\bvi\.(mock|doMock|unmock|doUnmock)\(/.test(readFileSync(join(repoRoot, file), 'utf8')));

export default defineConfig({
  resolve: { alias: viteAliases() },
  test: {
    environment: 'node',
    // Migrates the template database the test harness copies for each app.
    globalSetup: ['src/main/testing/globalSetup.ts'],
    pool: 'forks',
    // One fork per core. vitest's default keeps a core for its own process, which mostly waits while
    // the forks work: on the project's 2-core machines that ran the whole suite on one core.
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include, exclude: mocking, isolate: false } },
      { extends: true, test: { name: 'isolated', include: mocking, isolate: true } },
    ],
  },
});
