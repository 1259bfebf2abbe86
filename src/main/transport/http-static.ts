// The built renderer as static files. Every file operation is asynchronous and every failure ends in
// an answer or a closed connection, never in an exception outside the request.
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';

export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

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

/** Opens a regular file, or null when there is none (missing, a folder, unreadable). */
async function openFile(path: string): Promise<{ handle: FileHandle; size: number } | null> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const info = await handle.stat();
    if (info.isFile()) return { handle, size: info.size };
  } catch {
    // Falls through to close and answer with the page instead.
  }
  await handle?.close().catch(() => undefined);
  return null;
}

/**
 * Serves `path` (already decoded and free of dot segments) from `root`. `/` is the single-page app. The
 * app routes after a `#` (its scripts are relative, so a page served at `/stock/items` would look for them
 * under `/stock/assets/` and stay blank): any other path that names no file is redirected to the same
 * route after the `#`, query included. A missing file (a name with an extension) is a 404, never the page.
 */
export async function serveStatic(root: string, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const index = resolve(root, 'index.html');
  const candidate = resolve(root, `.${sep}${path.replace(/^[/\\]+/, '')}`);
  const inside = candidate.startsWith(root + sep);
  let served = candidate;
  let file = inside ? await openFile(candidate) : null;
  if (!file) {
    const route = path.replace(/\/+$/, '');
    if (route !== '' && route !== '/index.html') {
      if (extname(route) !== '') return sendText(req, res, 404, 'Not found.');
      const url = req.url ?? '';
      const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
      // encodeURI: the decoded path back to a header-safe URL (no raw CR, LF or non-ASCII reaches the header).
      res.writeHead(302, { Location: `/#${encodeURI(route)}${query.replace(/[^\x21-\x7e]/g, encodeURIComponent)}`, 'Content-Length': 0, 'Cache-Control': 'no-cache' });
      res.end();
      return;
    }
    served = index;
    file = await openFile(index);
  }
  if (!file) return sendText(req, res, 503, 'The user interface has not been built: run `npm run build`.', { 'Retry-After': '30' });
  const type = contentTypes[extname(served)] ?? 'application/octet-stream';
  const headers: Record<string, string | number> = { 'Content-Type': type, 'Content-Length': file.size };
  if (type.startsWith('text/html')) {
    headers['Content-Security-Policy'] = contentSecurityPolicy;
    headers['Cache-Control'] = 'no-cache';
  } else if (served.startsWith(resolve(root, 'assets') + sep)) {
    // The build names every script and style after its content, so a name never changes meaning: the
    // browser keeps them and does not ask again for each of the screens' chunks on every start.
    headers['Cache-Control'] = 'public, max-age=31536000, immutable';
  } else {
    headers['Cache-Control'] = 'public, max-age=3600';
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    await file.handle.close().catch(() => undefined);
    res.end();
    return;
  }
  // pipeline closes the file and reports a read error or a client gone away; both end this response.
  pipeline(file.handle.createReadStream(), res, (error) => {
    if (error) res.destroy();
  });
}

function sendText(req: IncomingMessage, res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(req.method === 'HEAD' ? undefined : body);
}
