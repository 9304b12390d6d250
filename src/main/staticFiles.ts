/**
 * Serving the built renderer: which file a URL path names, and its content type. One pure
 * function shared by both transports (the Electron shell's app:// protocol and the browser
 * harness), so the traversal guard is written, and tested, once.
 */
import path from 'node:path';

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

/** The content type of `file`, by its extension (`application/octet-stream` when unknown). */
export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** A file to serve, or the status to answer instead: 400 for a malformed path, 404 for anything outside `root`. */
export type StaticFile = { file: string; contentType: string } | { status: 400 | 404 };

/**
 * The file under `root` that a URL's pathname (still percent-encoded, as `URL.pathname` gives it)
 * names; `/` is index.html. Never throws: a malformed escape (`%E0%A4%A`) or a NUL byte answers
 * 400, and a path that resolves outside `root` (`..%2f`, `%2e%2e%5c`…) or to `root` itself answers 404.
 * Important: the URL parser normalises only literal and `%2e` dot segments; an encoded slash
 * becomes a separator only here, after decoding, which is why the check comes after it.
 * Symlinks inside `root` are followed: it is the build's own output folder.
 */
export function resolveStaticFile(root: string, urlPathname: string): StaticFile {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPathname === '/' || urlPathname === '' ? '/index.html' : urlPathname);
  } catch {
    return { status: 400 };
  }
  if (rel.includes('\0')) return { status: 400 };
  const base = path.resolve(root);
  const file = path.resolve(base, `.${path.sep}${rel}`);
  const inside = path.relative(base, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) return { status: 404 };
  return { file, contentType: contentTypeOf(file) };
}
