/**
 * The `app://tambon/` protocol: serves the built renderer (dist/renderer) to the window, and
 * nothing outside that folder, with the same Content-Security-Policy as the browser harness.
 * A standard, secure scheme gives the page a real origin (relative assets, ES modules, fetch)
 * without a file:// page's wide access or a local web server.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { contentSecurityPolicy } from '../contentSecurityPolicy';

/** The scheme's name, as registered. */
export const appScheme = 'app';
/** The app's own origin: the `app:` scheme, host `tambon`. */
export const appOrigin = `${appScheme}://tambon`;
/** The page the window loads. */
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * Registered before the app is ready: a standard, secure scheme that supports fetch. The page's own
 * module scripts and fonts are same-origin, so nothing more is needed. Important: never
 * `corsEnabled` (it lets any origin read the scheme: Electron does not check
 * Access-Control-Allow-Origin for custom schemes) nor `bypassCSP`.
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/**
 * The handler for `protocol.handle('app', …)`: maps `app://tambon/<path>` to a file under
 * `rendererDir` (`/` → index.html); any other host, a path leading outside the folder, or a
 * missing file answers 404. Uses only web-standard Request/Response, so it runs under plain Node.
 */
export function createAppProtocolHandler(
  rendererDir: string,
  readFile: (file: string) => Promise<Uint8Array> = (file) => fs.promises.readFile(file),
): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir);
  const plain = (status: number, body: string) =>
    new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
    const url = new URL(request.url);
    if (`${url.protocol}//${url.host}` !== appOrigin) return plain(404, 'not found');
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    } catch {
      return plain(400, 'bad path');
    }
    if (rel.includes('\0')) return plain(400, 'bad path');
    const file = path.resolve(root, `.${rel}`);
    const inside = path.relative(root, file);
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return plain(404, 'not found');
    let data: Uint8Array;
    try {
      data = await readFile(file);
    } catch {
      return plain(404, 'not found');
    }
    return new Response(request.method === 'HEAD' ? null : (data as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: {
        'content-type': contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  };
}
