import { defineConfig } from 'vitest/config';
import { viteAliases } from './scripts/aliases.ts';

export default defineConfig({
  resolve: { alias: viteAliases() },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
