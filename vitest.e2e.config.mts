import { defineConfig } from 'vitest/config';
import { viteAliases } from './scripts/aliases.ts';

// End-to-end suite: Chromium (playwright-core) against `npm run serve` on a temporary database.
// One browser and one server at a time: the specs are long user journeys, not parallel units.
export default defineConfig({
  resolve: { alias: viteAliases() },
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
