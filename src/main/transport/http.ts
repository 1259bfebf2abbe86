// HTTP transport for the same dispatch as IPC: POST /api/<channel> with a JSON body, GET /api/events
// (server-sent events), and the built renderer as static files. No electron import.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { App } from '../app';
import { errorResult } from '../api/dispatch';

const MAX_BODY_BYTES = 16 * 1024 * 1024;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export interface HttpOptions {
  app: App;
  rendererDir: string;
}

export function createHttpServer({ app, rendererDir }: HttpOptions): Server {
  const root = resolve(rendererDir);
  const clients = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (url.pathname === '/api/events' && req.method === 'GET') return openEvents(res, clients);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendJson(res, 405, errorResult('VALIDATION', { reason: 'usePost' }));
      return handleApi(app, url.pathname.slice('/api/'.length), req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, errorResult('VALIDATION'));
    return serveStatic(root, url.pathname, res);
  });
  const ping = setInterval(() => {
    for (const c of clients) c.write(': ping\n\n');
  }, 25_000);
  ping.unref();
  server.on('close', () => {
    clearInterval(ping);
    for (const c of clients) c.end();
  });
  return server;
}

function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  return header.slice('Bearer '.length).trim() || null;
}

function handleApi(app: App, channel: string, req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      tooLarge = true;
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (tooLarge) return sendJson(res, 413, errorResult('VALIDATION', { reason: 'bodyTooLarge' }));
    let input: unknown = {};
    const body = Buffer.concat(chunks).toString('utf8');
    if (body.length > 0) {
      try {
        input = JSON.parse(body);
      } catch {
        return sendJson(res, 400, errorResult('VALIDATION', { reason: 'invalidJson' }));
      }
    }
    Promise.resolve()
      .then(() => app.dispatch(decodeURIComponent(channel), input, bearerToken(req)))
      .then(
        (result) => sendJson(res, 200, result),
        (error: unknown) => {
          console.error(`Unexpected error on HTTP channel ${channel}`, error);
          sendJson(res, 500, errorResult('INTERNAL'));
        },
      );
  });
}

function openEvents(res: ServerResponse, clients: Set<ServerResponse>): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
  res.write('event: ready\ndata: {}\n\n');
  clients.add(res);
  res.on('close', () => clients.delete(res));
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = join(root, relative);
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end('The user interface has not been built: run `npm run build`.');
    return;
  }
  const type = contentTypes[extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = { 'Content-Type': type };
  if (type.startsWith('text/html')) {
    headers['Content-Security-Policy'] = contentSecurityPolicy;
    headers['Cache-Control'] = 'no-cache';
  } else {
    headers['Cache-Control'] = 'public, max-age=3600';
  }
  res.writeHead(200, headers);
  createReadStream(file).pipe(res);
}
