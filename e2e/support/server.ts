// Starts the headless host (`src/main/server.ts`, bundled by the global setup into out/serve) on a free
// port and a fresh temporary database, in its own process group, so stop() ends it by its pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RunningServer {
  url: string;
  dbPath: string;
  /** Everything the server printed so far (stdout and stderr), for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

const repoRoot = resolve(import.meta.dirname, '../..');
const READY = /MSP Inventory is serving at (http:\/\/\S+)/;
const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

process.on('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

export async function startServer(options: { demo?: boolean; readyTimeoutMs?: number } = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'msp-e2e-'));
  const dbPath = join(dir, 'e2e.db');
  // The e2e global setup has built the user interface and bundled the host (globalSetup.ts).
  const args = [join(repoRoot, 'out/serve/server.js'), '--db', dbPath, '--port', '0', '--no-build'];
  if (options.demo) args.push('--demo');
  const child = spawn(process.execPath, args, { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  running.add(child);
  let output = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (output += chunk));

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(`The server did not report "serving at" within ${options.readyTimeoutMs ?? 170_000} ms.\n${output}`));
    }, options.readyTimeoutMs ?? 170_000);
    child.stdout!.on('data', (chunk: string) => {
      output += chunk;
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The server exited before serving (code ${code}, signal ${signal}).\n${output}`));
    });
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
    rmSync(dir, { recursive: true, force: true });
  };
  return { url, dbPath, output: () => output, stop };
}
