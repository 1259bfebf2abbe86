// `npm run typecheck`: checks each TypeScript project listed in tsconfig.json (one per process, each with
// its own globals), side by side on the available cores. Incremental state is kept under
// node_modules/.cache so a second run only rechecks what changed, in a folder per checkout (worktrees
// may share one node_modules).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';

const cacheDir = join('node_modules', '.cache', 'tsc', createHash('sha1').update(process.cwd()).digest('hex').slice(0, 12));

const { config, error } = ts.readConfigFile('tsconfig.json', ts.sys.readFile);
if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
const projects = config.references.map((reference) => reference.path);
const tsc = join('node_modules', 'typescript', 'bin', 'tsc');

function check(project) {
  const name = project.replace(/^\.\//, '').replace(/\.json$/, '');
  const args = [tsc, '--noEmit', '--pretty', '-p', project, '--incremental', '--tsBuildInfoFile', join(cacheDir, `${name}.tsbuildinfo`)];
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      console.log(`${code === 0 ? 'ok  ' : 'FAIL'} ${project} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      if (output.trim()) console.log(output);
      resolve(code === 0);
    });
  });
}

const queue = [...projects];
const results = [];
const lanes = Array.from({ length: Math.min(projects.length, availableParallelism()) }, async () => {
  while (queue.length > 0) results.push(await check(queue.shift()));
});
await Promise.all(lanes);
process.exit(results.every(Boolean) ? 0 : 1);
