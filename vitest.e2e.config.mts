import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { repoRoot, viteAliases } from './scripts/aliases.ts';

// End-to-end suite: Chromium (playwright-core) against `npm run serve`, each journey on a fresh
// temporary database. A journey's steps run in order, but journeys are independent: two run side by
// side. A spec written for every language (`describe.each(languages)`) runs in both projects below,
// each taking one language; any other spec runs once, in the English project.
const specs = readdirSync(join(repoRoot, 'e2e'))
  .filter((file) => file.endsWith('.e2e.ts'))
  .map((file) => `e2e/${file}`);
const perLanguage = specs.filter((file) => /\bdescribe\.each\(\s*languages\b/.test(readFileSync(join(repoRoot, file), 'utf8')));

/**
 * Longest journeys first, whatever their language. Vitest queues one project after the other, so the
 * Spanish inventory journey (the longest with the English one) would start last and run alone at the
 * end; started together, the two longest finish while the short ones fill the other worker. A journey's
 * number of awaited steps stands in for its length (a clean clone has no timings to go by; bytes
 * mislead, as data tables are long to read and quick to run).
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const steps = new Map<string, number>();
    const length = (spec: TestSpecification) => {
      if (!steps.has(spec.moduleId)) steps.set(spec.moduleId, readFileSync(spec.moduleId, 'utf8').match(/\bawait\s/g)?.length ?? 0);
      return steps.get(spec.moduleId)!;
    };
    return [...files].sort((a, b) => length(b) - length(a) || a.project.name.localeCompare(b.project.name));
  }
}

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
    sequence: { sequencer: LongestFirst },
    projects: [
      { extends: true, test: { name: 'es', include: perLanguage, env: { E2E_LANGUAGES: 'es' } } },
      { extends: true, test: { name: 'en', include: specs, env: { E2E_LANGUAGES: 'en' } } },
    ],
  },
});
