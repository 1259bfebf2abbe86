// vitest global setup: migrates one template database per run, which the harness copies for each test
// app instead of replaying every migration. Each copy still goes through the migrator, which finds
// nothing to do — or applies what the template lacks, so a template cannot hide a migration.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/open';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated template database (see createTestApp). */
    templateDatabase: string;
  }
}

/** Migrates a fresh database at `path` and leaves it whole in that one file, ready to be copied. */
export function buildTemplateDatabase(path: string, migrationsFolder: string): void {
  const { sqlite } = openDatabase({ path, migrationsFolder });
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'msp-template-'));
  const path = join(dir, 'template.db');
  // The app's migrations folder (app.ts's defaultMigrationsFolder), without loading the whole app here.
  buildTemplateDatabase(path, resolve(dirname(fileURLToPath(import.meta.url)), '../../../drizzle'));
  project.provide('templateDatabase', path);
  return () => rmSync(dir, { recursive: true, force: true });
}
