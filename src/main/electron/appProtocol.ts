/**
 * The `app://tambon/` protocol: serves the built renderer (dist/renderer) to the window, and
 * nothing outside that folder, with the same Content-Security-Policy as the browser harness.
 * A standard, secure scheme gives the page a real origin (relative assets, ES modules, fetch)
 * without a file:// page's wide access or a local web server.
 */
import fs from 'node:fs';
import type { CustomScheme } from 'electron';
import { contentSecurityPolicy } from '../contentSecurityPolicy';
import { resolveStaticFile } from '../staticFiles';

/** The scheme's name, as registered. */
export const appScheme = 'app';
/** The app's own origin: the `app:` scheme, host `tambon`. */
export const appOrigin = `${appScheme}://tambon`;
/** The page the main (editor) window loads. */
export const appEntryUrl = `${appOrigin}/index.html`;
/** The page the projector window loads: the same app, showing its large-text projector view. */
export const appProjectorUrl = `${appEntryUrl}?view=projector`;

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

/**
 * The handler for `protocol.handle('app', …)`: maps `app://tambon/<path>` to a file under
 * `rendererDir` (`/` → index.html) through {@link resolveStaticFile}: a malformed path answers
 * 400; any other host, a path leading outside the folder, or a missing file answers 404. Uses
 * only web-standard Request/Response, so it runs under plain Node.
 */
export function createAppProtocolHandler(
  rendererDir: string,
  readFile: (file: string) => Promise<Uint8Array> = (file) => fs.promises.readFile(file),
): (request: Request) => Promise<Response> {
  const plain = (status: number, body: string) =>
    new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
    const url = new URL(request.url);
    if (`${url.protocol}//${url.host}` !== appOrigin) return plain(404, 'not found');
    const target = resolveStaticFile(rendererDir, url.pathname);
    if ('status' in target) return plain(target.status, target.status === 400 ? 'bad path' : 'not found');
    const { file, contentType } = target;
    let data: Uint8Array;
    try {
      data = await readFile(file);
    } catch {
      return plain(404, 'not found');
    }
    return new Response(request.method === 'HEAD' ? null : (data as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: {
        'content-type': contentType,
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  };
}
