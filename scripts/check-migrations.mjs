// Fails when src/main/db/schema has changes that no migration in drizzle/ captures: drizzle-kit generates
// into a scratch copy of drizzle/ and must find nothing new.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scratch = mkdtempSync(join(tmpdir(), 'drizzle-check-'));
try {
  cpSync('drizzle', scratch, { recursive: true });
  const before = readdirSync(scratch).length;
  const result = spawnSync(
    process.execPath,
    ['node_modules/drizzle-kit/bin.cjs', 'generate', '--dialect', 'sqlite', '--schema', './src/main/db/schema/index.ts', '--out', scratch, '--name', 'drift'],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    process.exit(1);
  }
  const after = readdirSync(scratch).length;
  if (after !== before) {
    console.error('drizzle/ is stale: the schema has changes without a migration. Run `npm run db:generate` and commit drizzle/.');
    process.exit(1);
  }
  console.log('drizzle/ matches the schema.');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
