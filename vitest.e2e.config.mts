import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { repoRoot, viteAliases } from './scripts/aliases.ts';

// End-to-end suite: Chromium (playwright-core) against `npm run serve`, each journey on a fresh
// temporary database. A journey's steps run in order, but journeys are independent: two run side by
// side. A spec written for every language (`describe.each(languages)`) runs in both projects below,
// each taking one language; any other spec runs once, in the English project.
const specs = readdirSync(join(repoRoot, 'e2e'))
  .filter((file) => file.endsWith('.e2e.ts'))
  .map((file) => `e2e/${file}`);
const perLanguage = specs.filter((file) => /\bdescribe\.each\(\s*languages\b/.test(readFileSync(join(repoRoot, file), 'utf8')));

export default defineConfig({
  resolve: { alias: viteAliases() },
  test: {
    environment: 'node',
    globalSetup: ['e2e/support/globalSetup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    fileParallelism: true,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: 'es', include: perLanguage, env: { E2E_LANGUAGES: 'es' } } },
      { extends: true, test: { name: 'en', include: specs, env: { E2E_LANGUAGES: 'en' } } },
    ],
  },
});
