// HTTP transport for the same dispatch as IPC: POST /api/<channel> with a JSON body, GET /api/events
// (server-sent events), and the built renderer as static files. No electron import.
// Every request is hostile until proven otherwise (http-policy.ts says what is accepted); no request,
// however malformed, may end in an exception outside its own answer.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { resolve } from 'node:path';
import type { TLSSocket } from 'node:tls';
import type { Result } from '@shared/errors';
import { errorResult } from '../api/dispatch';
import type { App } from '../app';
import { AllowedHosts, isAllowedFetchSite, isJsonContentType, parseRequestPath } from './http-policy';
import { serveStatic } from './http-static';
import { changeSeenBy } from '@shared/events';

export { contentSecurityPolicy } from './http-static';

const MAX_BODY_BYTES = 16 * 1024 * 1024;
/**
 * Longer than any common client keeps an idle connection (browsers, undici, proxies: 4–60 s), so the
 * client, not the host, closes an idle keep-alive connection and never sends a request into one the
 * host is closing. Headers must then be allowed at least as long.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;
const HEADERS_TIMEOUT_MS = KEEP_ALIVE_TIMEOUT_MS + 1_000;
/** A comment line this often keeps proxies and browsers from dropping a quiet stream. */
export const EVENTS_PING_MS = 25_000;
/** Open event streams per host: each holds a connection, so a runaway client cannot exhaust them. */
export const MAX_EVENT_STREAMS = 200;

export interface HttpOptions {
  app: App;
  rendererDir: string;
  /** Extra names the host answers to (`--allowed-host`), besides loopback and the bound address. */
  allowedHosts?: readonly string[];
  /** Tests shorten it to provoke the idle-connection race; production keeps the default. */
  keepAliveTimeoutMs?: number;
  /** Tests shorten the heartbeat and lower the cap; production keeps the defaults. */
  eventsPingMs?: number;
  maxEventStreams?: number;
  log?: (message: string, error?: unknown) => void;
}

type Json = Result<unknown> | ReturnType<typeof errorResult>;

export function createHttpServer({
  app,
  rendererDir,
  allowedHosts = [],
  keepAliveTimeoutMs = KEEP_ALIVE_TIMEOUT_MS,
  eventsPingMs = EVENTS_PING_MS,
  maxEventStreams = MAX_EVENT_STREAMS,
  log = (m, e) => console.error(m, e ?? ''),
}: HttpOptions): Server {
  const root = resolve(rendererDir);
  /** Open event streams and the session each was opened with. */
  const streams = new Map<ServerResponse, string>();
  let hosts: AllowedHosts | null = null;

  const serverOptions = {
    keepAliveTimeout: keepAliveTimeoutMs,
    headersTimeout: Math.max(HEADERS_TIMEOUT_MS, keepAliveTimeoutMs + 1_000),
    // The Host check below answers a missing Host like a wrong one (403), for HTTP/1.0 and 1.1 alike.
    requireHostHeader: false,
  };
  const server = createServer(serverOptions, (req, res) => {
    // Nothing may throw out of a request, nor emit an 'error' nobody listens to.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    handle(req, res).catch((error: unknown) => {
      log('Unexpected error in the HTTP host', error);
      if (!res.headersSent) sendJson(res, 500, errorResult('INTERNAL'));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = keepAliveTimeoutMs;

  server.on('listening', () => {
    const address = server.address();
    if (address && typeof address === 'object') hosts = new AllowedHosts({ boundAddress: address.address, port: address.port, extraHosts: allowedHosts });
  });

  // A request line or header Node's parser refuses never reaches the handler: answer it here, once.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const current = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || current?.headersSent) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });

  // Without these listeners Node drops such connections unanswered: this host tunnels and upgrades nothing.
  const refuseTunnel = (_req: IncomingMessage, socket: Socket) => {
    socket.on('error', () => undefined);
    if (socket.writable) socket.end('HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  };
  server.on('connect', refuseTunnel);
  server.on('upgrade', refuseTunnel);

  // An idle keep-alive connection times out. When the event loop was blocked, a request may be waiting
  // unread on that very connection; closing it now would reset a request the client already sent.
  // Read first (the poll phase runs before setImmediate) and close only if nothing came in.
  server.on('timeout', (socket: Socket) => {
    const readBefore = socket.bytesRead;
    setImmediate(() => {
      const busy = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
      if (socket.bytesRead === readBefore && !busy) socket.destroy();
    });
  });

  /**
   * Writes to every open stream whose session is still live and whose user is still active; a stream
   * outlives neither (sign-out, password change, deactivation, a restore) and is closed instead.
   */
  function broadcast(text: string | ((userId: number) => string)): void {
    for (const [res, token] of streams) {
      const userId = app.liveUser(token);
      if (userId === null) endStream(res);
      else res.write(typeof text === 'string' ? text : text(userId));
    }
  }
  function endStream(res: ServerResponse): void {
    streams.delete(res);
    res.end();
  }
  const ping = setInterval(() => broadcast(': ping\n\n'), eventsPingMs);
  ping.unref();
  const stopChanges = app.onChange((change) => broadcast((userId) => `event: change\ndata: ${JSON.stringify(changeSeenBy(change, userId))}\n\n`));
  // server.close() waits for every open connection, and an event stream never ends by itself: end the
  // streams first, so stopping the host (Ctrl+C, a test's teardown) is not held up by connected browsers.
  const closeServer = server.close.bind(server);
  server.close = (callback?: (error?: Error) => void) => {
    clearInterval(ping);
    stopChanges();
    for (const res of [...streams.keys()]) endStream(res);
    return closeServer(callback);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    const path = parseRequestPath(req.url);
    if (path === null) return sendJson(res, 400, errorResult('VALIDATION', { reason: 'malformedRequest' }));
    const hostHeaders = req.headersDistinct.host ?? [];
    if (hostHeaders.length > 1) return sendJson(res, 400, errorResult('VALIDATION', { reason: 'malformedRequest' }));
    if (!hosts?.allowsHost(hostHeaders[0])) return sendJson(res, 403, errorResult('FORBIDDEN', { reason: 'host' }));
    const tls = Boolean((req.socket as TLSSocket).encrypted);
    const origins = req.headersDistinct.origin;
    if (origins && (origins.length > 1 || !hosts.allowsOrigin(origins[0]!, tls))) return sendJson(res, 403, errorResult('FORBIDDEN', { reason: 'origin' }));

    const isApi = path === '/api' || path.startsWith('/api/');
    const fetchSite = req.headers['sec-fetch-site'];
    // A page elsewhere may link to the app (a navigation), but never call it nor embed its files.
    if (!isAllowedFetchSite(fetchSite) && (isApi || req.headers['sec-fetch-mode'] !== 'navigate')) {
      return sendJson(res, 403, errorResult('FORBIDDEN', { reason: 'fetchSite' }));
    }

    if (isApi) {
      if (path === '/api/events') {
        if (req.method !== 'GET') return sendJson(res, 405, errorResult('VALIDATION', { reason: 'useGet' }), { Allow: 'GET' });
        return openEvents(req, res);
      }
      if (req.method !== 'POST') return sendJson(res, 405, errorResult('VALIDATION', { reason: 'usePost' }), { Allow: 'POST' });
      if (!isJsonContentType(req.headers['content-type'])) return sendJson(res, 415, errorResult('VALIDATION', { reason: 'contentType' }));
      return handleApi(path.slice('/api/'.length), req, res, tls);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, errorResult('VALIDATION', { reason: 'useGet' }), { Allow: 'GET, HEAD' });
    return serveStatic(root, path, req, res);
  }

  function cookieName(): string {
    // Cookies are shared by every port of a host name: two hosts on one machine must not clobber each other's.
    const address = server.address();
    return `msp-inventory-session-${address && typeof address === 'object' ? address.port : 0}`;
  }

  /** The session of a request: an API client's Bearer token, else the browser's cookie. */
  function sessionToken(req: IncomingMessage): { token: string | null; fromCookie: boolean } {
    const header = req.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer +(\S+) *$/i.exec(header);
      return { token: match?.[1] ?? null, fromCookie: false };
    }
    return { token: readCookie(req.headers.cookie, cookieName()), fromCookie: true };
  }

  function sessionCookie(token: string | null, tls: boolean): string {
    const attributes = `Path=/; HttpOnly; SameSite=Strict${tls ? '; Secure' : ''}`;
    return token ? `${cookieName()}=${token}; ${attributes}` : `${cookieName()}=; ${attributes}; Max-Age=0`;
  }

  function handleApi(channel: string, req: IncomingMessage, res: ServerResponse, tls: boolean): Promise<void> {
    const { token, fromCookie } = sessionToken(req);
    const address = clientAddress(req.socket);
    return readBody(req).then(async (body) => {
      if (body === 'tooLarge') return sendJson(res, 413, errorResult('VALIDATION', { reason: 'bodyTooLarge' }));
      if (body === 'aborted') return;
      let input: unknown = {};
      if (body.length > 0) {
        try {
          input = JSON.parse(body);
        } catch {
          return sendJson(res, 400, errorResult('VALIDATION', { reason: 'invalidJson' }));
        }
      }
      let result: Result<unknown>;
      try {
        result = await app.dispatch(channel, input, token, address);
      } catch (error) {
        log(`Unexpected error on HTTP channel ${channel}`, error);
        return sendJson(res, 500, errorResult('INTERNAL'));
      }
      const headers: Record<string, string> = {};
      if (result.ok && (channel === 'auth.login' || channel === 'auth.setup')) headers['Set-Cookie'] = sessionCookie((result.data as { token: string }).token, tls);
      // Signing out, or a session that has ended, leaves no cookie behind.
      if (channel === 'auth.logout' || (fromCookie && token && !result.ok && result.error.code === 'UNAUTHENTICATED')) headers['Set-Cookie'] = sessionCookie(null, tls);
      if (!result.ok && result.error.code === 'RATE_LIMITED') {
        // Too many guesses is the client's doing (429); a full line of password checks is the host's load
        // (503). Either way an answer the client can tell from a request that never arrived.
        const waitMs = Number(result.error.details?.retryAfterMs) || 1000;
        const status = result.error.details?.reason === 'busy' ? 503 : 429;
        return sendJson(res, status, result, { ...headers, 'Retry-After': String(Math.ceil(waitMs / 1000)) });
      }
      return sendJson(res, 200, result, headers);
    });
  }

  function openEvents(req: IncomingMessage, res: ServerResponse): void {
    const { token } = sessionToken(req);
    // The same rule as every call: a live session of an active user (and no restore under way).
    if (app.inMaintenance()) return sendJson(res, 503, errorResult('MAINTENANCE'), { 'Retry-After': '5' });
    if (app.liveUser(token) === null) return sendJson(res, 401, errorResult('UNAUTHENTICATED'));
    if (streams.size >= maxEventStreams) return sendJson(res, 503, errorResult('RATE_LIMITED', { reason: 'busy', retryAfterMs: 30_000 }), { 'Retry-After': '30' });
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    // `retry` tells the browser how soon to reconnect when the stream drops; `ready` that it is open.
    res.write('retry: 3000\nevent: ready\ndata: {}\n\n');
    streams.set(res, token!);
    res.on('close', () => streams.delete(res));
  }

  return server;
}

/** The peer address sign-ins are throttled by: the socket's own, never a header a client can write. */
function clientAddress(socket: Socket): string {
  const address = socket.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/** The request body as text, 'tooLarge' past the limit (still drained, so the answer is read), or 'aborted'. */
function readBody(req: IncomingMessage): Promise<string | 'tooLarge' | 'aborted'> {
  return new Promise((resolveBody) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolveBody(size > MAX_BODY_BYTES ? 'tooLarge' : Buffer.concat(chunks).toString('utf8')));
    req.on('close', () => {
      if (!req.complete) resolveBody('aborted');
    });
  });
}

function sendJson(res: ServerResponse, status: number, value: Json, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const body = JSON.stringify(value);
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(body);
}
