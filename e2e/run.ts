// `npm run test:e2e`: only the end-to-end suite (Chromium against `npm run serve`).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const vitest = join('node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', '--config', 'vitest.e2e.config.mts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
