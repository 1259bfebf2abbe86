// Test apps start from a copy of a template migrated once per run. The copy still goes through the
// migrator, so a template missing a migration (or one added since) cannot hide it.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createApp, defaultMigrationsFolder } from '../app';
import { buildTemplateDatabase } from './globalSetup';
import { createTestApp } from './harness';
import { silentLog } from '../log/appLog';

const journal = JSON.parse(readFileSync(join(defaultMigrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
const applied = (sqlite: { prepare(sql: string): { get(): unknown } }) => (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;

/** Every table, index and trigger with its definition: what the migrations built. */
const schemaOf = (sqlite: { prepare(sql: string): { all(): unknown[] } }) => sqlite.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'msp-template-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of drizzle/ holding only the first `count` migrations. */
function migrationsUpTo(count: number): string {
  const folder = join(dir, `drizzle-${count}`);
  cpSync(defaultMigrationsFolder, folder, { recursive: true });
  const path = join(folder, 'meta', '_journal.json');
  writeFileSync(path, JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
  return folder;
}

describe('the template database', () => {
  it('is migrated once per run by the global setup, and each test app is a copy with every migration', () => {
    const template = inject('templateDatabase');
    expect(template && existsSync(template)).toBe(true);
    const t = createTestApp();
    try {
      expect(applied(t.app.ctx.sqlite)).toBe(journal.entries.length);
      expect(t.ok('auth.status', {})).toMatchObject({ needsSetup: false, user: { username: 'admin' } });
    } finally {
      t.close();
    }
  });

  it.each([0, 1, journal.entries.length - 1])('left behind at %i migrations, gets the rest when a copy opens', (count) => {
    const template = join(dir, 'template.db');
    buildTemplateDatabase(template, migrationsUpTo(count));
    const copy = join(dir, 'copy.db');
    cpSync(template, copy);
    const app = createApp({ dbPath: copy, log: silentLog });
    const fresh = createApp({ dbPath: join(dir, 'fresh.db'), log: silentLog });
    try {
      expect(applied(app.ctx.sqlite)).toBe(journal.entries.length);
      expect(schemaOf(app.ctx.sqlite)).toEqual(schemaOf(fresh.ctx.sqlite));
    } finally {
      app.close();
      fresh.close();
    }
  });

  it('is one self-contained file: nothing left in a -wal file beside it', () => {
    const template = join(dir, 'template.db');
    buildTemplateDatabase(template, defaultMigrationsFolder);
    expect(existsSync(`${template}-wal`)).toBe(false);
    const app = createApp({ dbPath: template, log: silentLog });
    try {
      expect(applied(app.ctx.sqlite)).toBe(journal.entries.length);
    } finally {
      app.close();
    }
  });
});
