// The real serve entry (`node --import tsx src/main/server.ts`) in its own process, so an exception that
// would end the host is seen as the process ending, not swallowed by a test runner. Raw TCP sockets send
// what no HTTP client library would: malformed request lines, encodings, headers and bodies.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../..');
let dir: string;
let child: ChildProcess;
let output = '';
let port = 0;
let host = '';

function startServer(args: string[]): Promise<{ child: ChildProcess; port: number }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main/server.ts', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  return new Promise((resolveStart, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      output += chunk.toString('utf8');
      const match = /serving at http:\/\/\S+?:(\d+)\//.exec(text);
      if (match) resolveStart({ child: proc, port: Number(match[1]) });
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`server exited (${code}) before serving:\n${text}`)));
  });
}

/** Writes `payload` on a fresh connection and reads until the host closes it, answers, or 3 s pass. */
function exchange(payload: Buffer | string): Promise<{ status: number | null; text: string }> {
  return new Promise((resolveExchange) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let settle: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(timer);
      clearTimeout(settle);
      socket.destroy();
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      resolveExchange({ status: status ? Number(status) : null, text });
    };
    const timer = setTimeout(done, 3_000);
    socket.setEncoding('latin1');
    socket.on('connect', () => socket.write(payload));
    socket.on('data', (chunk: string) => {
      text += chunk;
      // A keep-alive answer leaves the connection open: a complete head is enough.
      if (text.includes('\r\n\r\n') && !settle) settle = setTimeout(done, 50);
    });
    socket.on('error', done);
    socket.on('close', done);
  });
}

function get(target: string, headers = `Host: ${host}\r\n`, method = 'GET'): string {
  return `${method} ${target} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`;
}

async function expectStillServing(after: string): Promise<void> {
  expect(child.exitCode, `the host exited after ${after}:\n${output}`).toBeNull();
  const body = '{}';
  const answer = await exchange(`POST /api/auth.status HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
  expect(answer.status, `a normal request after ${after}`).toBe(200);
  expect(answer.text).toContain('"ok":true');
}

/**
 * A request the parser can read and that is well-formed is answered normally (or 503 where the user
 * interface has not been built, --no-build); everything else gets a 4xx. Never silence, never a 500.
 */
function expectAnsweredOrRefused(answer: { status: number | null; text: string }, request: string): void {
  const what = `${JSON.stringify(request)} → ${answer.status}`;
  expect(answer.status, what).not.toBeNull();
  if (answer.status === 503) expect(answer.text, what).toContain('has not been built');
  else expect(answer.status! < 500, what).toBe(true);
}

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function inBatches<T>(name: string, cases: T[], run: (c: T) => Promise<void>, size = 16): Promise<void> {
  for (let i = 0; i < cases.length; i += size) {
    await Promise.all(cases.slice(i, i + size).map(run));
    await expectStillServing(`${name} ${i}–${i + size}`);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'msp-serve-'));
  ({ child, port } = await startServer(['--db', join(dir, 'serve.db'), '--port', '0', '--no-build']));
  host = `127.0.0.1:${port}`;
});

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const hex = '0123456789ABCDEFabcdef';
/** Pieces that make a target malformed: broken escapes, invalid UTF-8, control bytes, dot segments in every spelling. */
const poison = ['%', '%%', '%A', '%G1', '%zz', '%ff', '%FE%FF', '%C0%AE', '%E0%A4%A', '%ED%A0%80', '%F4%90%80%80', '%80', '%00', '%0a', '%0d%0a', '%1b', '%7f', '/../', '/%2e%2e/', '/%2E%2e%2f', '/.%2E/', '/..%2f', '/..%5c', '/%2e/', '/./'];

function generatedMalformedTarget(next: () => number): string {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const parts: string[] = [pick(['/', '/assets/', '/api/', '/api/auth.', '/stock/'])];
  const count = 1 + Math.floor(next() * 4);
  for (let i = 0; i < count; i++) {
    parts.push(pick(['a', 'index.html', 'app.js', `%${pick([...hex])}${pick([...hex])}`, 'Almac%C3%A9n', '-', '_', '~']));
  }
  // Followed by "/" so that no character after it completes an escape ("%A" + "A…").
  parts.splice(1 + Math.floor(next() * parts.length), 0, `${pick(poison)}/`);
  return parts.join('');
}

describe('the serve entry under malformed requests', () => {
  it('answers 400 to malformed paths and encodings, on every route and method, and keeps serving', async () => {
    const next = random(0x5eed);
    const targets = [
      '/%E0%A4%A',
      '/assets/%ff.js',
      '/api/%E0%A4%A',
      '/api/auth.status%',
      '/%',
      '/%00',
      '/index.html%00.js',
      ...poison.map((p) => `/assets${p}x.js`),
      '/assets/..',
      '/api/..',
      ...Array.from({ length: 150 }, () => generatedMalformedTarget(next)),
    ];
    const cases = targets.flatMap((target) => ['GET', 'HEAD', 'POST'].map((method) => ({ target, method })));
    await inBatches('malformed targets', cases, async ({ target, method }) => {
      const answer = await exchange(get(target, `Host: ${host}\r\nContent-Type: application/json\r\nContent-Length: 0\r\n`, method));
      expect(answer.status, `${method} ${target}`).toBe(400);
    });
  });

  it('answers 4xx to malformed request lines, methods, versions and targets in other forms', async () => {
    const lines = [
      'GET http://[::1 HTTP/1.1',
      'GET http://[::1]:1/ HTTP/1.1',
      `GET http://${host}/ HTTP/1.1`,
      'GET http://evil.example/ HTTP/1.1',
      'GET https://127.0.0.1/api/auth.status HTTP/1.1',
      'OPTIONS * HTTP/1.1',
      'CONNECT evil.example:443 HTTP/1.1',
      'GET //evil.example/ HTTP/1.1',
      'GET evil HTTP/1.1',
      'GET  / HTTP/1.1',
      'GET / HTTP/1.1 extra',
      'GET / HTTP/2.0',
      'GET / HTTP/1.9',
      'GET / HTTP/0.9',
      'GET / HTTX/1.1',
      'GET /',
      'GET',
      '',
      'G ET / HTTP/1.1',
      'get / HTTP/1.1',
      'FOO / HTTP/1.1',
      'PRI * HTTP/2.0',
      'TRACE / HTTP/1.1',
      'PROPFIND / HTTP/1.1',
      `${'A'.repeat(5000)} / HTTP/1.1`,
      `GET /${'a'.repeat(20_000)} HTTP/1.1`,
      'GET /\u0000 HTTP/1.1',
      'GET /\u00ff\u00fe HTTP/1.1',
      'GET /\u0001 HTTP/1.1',
      'GET /\t HTTP/1.1',
      'GET /a\rb HTTP/1.1',
    ];
    const next = random(0xbad);
    for (let i = 0; i < 60; i++) {
      const bytes = Array.from({ length: 1 + Math.floor(next() * 30) }, () => String.fromCharCode(0x21 + Math.floor(next() * 0xde)));
      lines.push(`${next() < 0.5 ? 'GET' : bytes.slice(0, 4).join('')} /${bytes.join('')} HTTP/1.${Math.floor(next() * 3)}`);
    }
    await inBatches('request lines', lines, async (line) => {
      const answer = await exchange(Buffer.from(`${line}\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 'latin1'));
      expectAnsweredOrRefused(answer, line);
    });
  });

  it('answers 4xx to malformed, oversized and contradictory headers and bodies', async () => {
    const h = `Host: ${host}\r\n`;
    const payloads = [
      get('/', ''),
      get('/', `Host: ${host}\r\nHost: evil.example\r\n`),
      get('/', 'Host: evil.example\r\n'),
      get('/', 'Host:\r\n'),
      get('/', `Host : ${host}\r\n`),
      get('/', `Host: ${host}\r\nX-Bad\u0000Name: 1\r\n`),
      get('/', `Host: ${host}\r\nX-Bad: a\u0000b\r\n`),
      get('/', `Host: ${host}\r\nNo-Colon\r\n`),
      get('/', `Host: ${host}\r\n folded: continuation\r\n`),
      get('/', `Host: ${host}\r\nX-Big: ${'x'.repeat(70_000)}\r\n`),
      get('/', `${h}${Array.from({ length: 3000 }, (_, i) => `X-${i}: ${i}\r\n`).join('')}`),
      get('/', `${h}Content-Length: 5\r\nContent-Length: 6\r\n`, 'POST'),
      get('/api/auth.status', `${h}Content-Type: application/json\r\nContent-Length: -1\r\n`, 'POST'),
      get('/api/auth.status', `${h}Content-Type: application/json\r\nContent-Length: abc\r\n`, 'POST'),
      get('/api/auth.status', `${h}Content-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n`, 'POST'),
      `POST /api/auth.status HTTP/1.1\r\n${h}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
      `POST /api/auth.status HTTP/1.1\r\n${h}Content-Type: application/json\r\nTransfer-Encoding: gzip, chunked\r\nConnection: close\r\n\r\n0\r\n\r\n`,
      `POST /api/auth.status HTTP/1.1\r\n${h}Content-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
      `POST /api/auth.status HTTP/1.1\r\n${h}Content-Type: application/json\r\nContent-Length: 7\r\nConnection: close\r\n\r\n{"a":\u0000}`,
      `GET / HTTP/1.1\r\n${h}Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
      `GET /api/events HTTP/1.1\r\n${h}Connection: Upgrade\r\nUpgrade: h2c\r\n\r\n`,
      `POST /api/auth.login HTTP/1.1\r\n${h}Content-Type: application/json\r\nContent-Length: 9\r\nConnection: close\r\n\r\n\u00ff\u00fe{}{}{}{`,
      `POST /api/auth.status HTTP/1.1\r\n${h}Content-Type: application/json\r\nOrigin: null\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
      `POST /api/auth.status HTTP/1.1\r\n${h}Content-Type: application/json\r\nOrigin: http://a\r\nOrigin: http://b\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
      `GET /api/events HTTP/1.1\r\n${h}Cookie: ${'='.repeat(100)}; ;;; msp-inventory-session-${port}=\r\nConnection: close\r\n\r\n`,
      `GET /api/events HTTP/1.1\r\n${h}Authorization: Bearer\r\nConnection: close\r\n\r\n`,
      `GET /api/events HTTP/1.1\r\n${h}Authorization: Basic YWRtaW46YWRtaW4=\r\nConnection: close\r\n\r\n`,
    ];
    const next = random(0xfeed);
    for (let i = 0; i < 60; i++) {
      const name = Array.from({ length: 1 + Math.floor(next() * 12) }, () => String.fromCharCode(0x20 + Math.floor(next() * 0x60))).join('');
      const value = Array.from({ length: Math.floor(next() * 40) }, () => String.fromCharCode(Math.floor(next() * 0x100))).join('');
      payloads.push(get(next() < 0.5 ? '/' : '/api/events', `${h}${name}: ${value}\r\n`));
    }
    await inBatches('headers', payloads, async (payload) => {
      expectAnsweredOrRefused(await exchange(Buffer.from(payload, 'latin1')), payload.slice(0, 200));
    });
  });

  it('survives clients that vanish mid-request or mid-answer', async () => {
    const cuts = Array.from({ length: 40 }, (_, i) => i);
    await inBatches('vanishing clients', cuts, async (i) => {
      await new Promise<void>((done) => {
        const socket = connect(port, '127.0.0.1', () => {
          const full = `POST /api/auth.login HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 60\r\n\r\n{"username":"admin","password":"x"}`;
          socket.write(full.slice(0, Math.floor((full.length * i) / cuts.length)));
          setTimeout(() => {
            socket.destroy();
            done();
          }, 5);
        });
        socket.on('error', () => done());
      });
      // Still answering: a missing file is a 404 (built or not), the app's page a 200 or a 503 before a build.
      expect((await exchange(get(`/assets/x${i}.js`))).status).toBe(404);
      expect([200, 503]).toContain((await exchange(get('/'))).status);
    });
  });

  it('creates its database files owner-only', async () => {
    if (process.platform === 'win32') return;
    for (const suffix of ['', '-wal', '-shm']) {
      const mode = statSync(join(dir, `serve.db${suffix}`)).mode & 0o777;
      expect(mode.toString(8), `serve.db${suffix}`).toBe('600');
    }
  });

  it('writes its log owner-only in logs/ beside the database', () => {
    const path = join(dir, 'logs', 'app.log');
    expect(readFileSync(path, 'utf8')).toMatch(/^\S+Z INFO Serving \{"host":"127\.0\.0\.1","port":\d+,"readWorkers":2\}\n/);
    expect(output).toContain(`Log: ${path}`);
    if (process.platform === 'win32') return;
    expect((statSync(path).mode & 0o777).toString(8)).toBe('600');
    expect((statSync(join(dir, 'logs')).mode & 0o777).toString(8)).toBe('700');
  });

  it('writes its log where --log says: a .log file', async () => {
    const custom = join(dir, 'elsewhere', 'host.log');
    const other = await startServer(['--db', join(dir, 'second.db'), '--port', '0', '--no-build', '--read-workers', '0', '--log', custom]);
    try {
      expect(readFileSync(custom, 'utf8')).toMatch(/INFO Serving/);
    } finally {
      other.child.kill('SIGKILL');
    }
  });

  it('refuses a malformed --allowed-host at start-up', async () => {
    await expect(startServer(['--db', join(dir, 'other.db'), '--port', '0', '--no-build', '--allowed-host', 'fe80::1'])).rejects.toThrow(/Invalid --allowed-host/);
  });
});
