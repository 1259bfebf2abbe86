// A fingerprint of everything a database holds, for tests that must prove "nothing changed".
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** Every table's rows in rowid order, hashed (the full-text index's shadow tables are derived and left out). */
export function contentHash(sqlite: Database.Database): string {
  const hash = createHash('sha256');
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name`).all() as { name: string }[];
  for (const { name } of tables) hash.update(name + JSON.stringify(sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()));
  return hash.digest('hex');
}
