/**
 * The browser harness: serves the built renderer and bridges the same `dispatch` over loopback
 * HTTP, so the UI runs in plain Chromium against the real services. A development and test
 * tool only; it is not part of the packaged app.
 *
 * Safety: listens on 127.0.0.1 only; refuses any request whose Host or Origin is not
 * `127.0.0.1:<port>` (DNS rebinding); every call needs the random token, passed to the page in
 * the URL fragment and sent back as a header (never served inside the page); no CORS headers;
 * paths given by the page resolve only under one folder chosen at start.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicy } from '../contentSecurityPolicy';
import { resolveStaticFile } from '../staticFiles';
import { refused } from '../../shared/domain/result';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import { dispatch } from '../rpc/dispatch';
import { setEventSink, type AppContext } from '../services/context';
import type { DialogPort, PathPolicy } from '../services/ports';

/** The header that carries the token. */
export const tokenHeader = 'x-tambon-token';

const maxBody = 4 * 1024 * 1024;

const jsonType = 'application/json; charset=utf-8';

/** Whether `target` is `base` itself or lies under it (both already resolved). */
function isWithin(base: string, target: string): boolean {
  const rel = path.relative(base, target);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * The real path of `file`'s nearest ancestor that exists (itself, if it exists), with symlinks
 * resolved. A dangling symlink on the way throws, as it would lead somewhere unchecked.
 */
function realNearestExisting(file: string): string {
  let existing = file;
  for (;;) {
    try {
      fs.lstatSync(existing);
      break;
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) break;
      existing = parent;
    }
  }
  return fs.realpathSync.native(existing);
}

/**
 * Paths under `root` only: relative paths resolve inside it; anything leading outside is refused,
 * lexically (`..`, an absolute path elsewhere) or through a symlink inside the folder (the real
 * path of the target's nearest existing ancestor must lie under the real root).
 * Important: checked when the call arrives; a symlink swapped in between the check and the write
 * is not caught. Acceptable for a development tool confined to the developer's own folder.
 */
export function confinedPaths(root: string): PathPolicy {
  const base = path.resolve(root);
  const refuse = () =>
    refused(
      `เส้นทางไฟล์นี้อยู่นอกโฟลเดอร์ที่อนุญาต (${base})`,
      `This path is outside the allowed folder (${base})`,
      'path',
    );
  return {
    resolve(userPath) {
      const resolved = path.resolve(base, userPath);
      if (resolved === base || !isWithin(base, resolved)) throw refuse();
      let realBase: string;
      let realTarget: string;
      try {
        realBase = fs.realpathSync.native(base);
        realTarget = realNearestExisting(resolved);
      } catch {
        throw refuse();
      }
      if (!isWithin(realBase, realTarget)) throw refuse();
      return resolved;
    },
  };
}

/**
 * The harness's file "dialog": the page asks for a name under `root` itself. For a save, the
 * offered name is one no file has yet (`name-2.tambon`, `name-3.tambon`…), so the person is
 * never handed a name that will be refused.
 */
export function inPageDialogs(root: string): DialogPort {
  const freeName = (suggestedName: string) => {
    const name = path.basename(suggestedName);
    const ext = path.extname(name);
    const stem = name.slice(0, name.length - ext.length);
    let candidate = name;
    for (let n = 2; fs.existsSync(path.join(root, candidate)) && n < 1000; n += 1) candidate = `${stem}-${n}${ext}`;
    return candidate;
  };
  return {
    pickWorkspace(mode, suggestedName) {
      if (mode !== 'save' || !suggestedName) return Promise.resolve({ kind: 'ask-in-page', root });
      return Promise.resolve({ kind: 'ask-in-page', root, suggestedName: freeName(suggestedName) });
    },
    // An export may replace an earlier one on purpose: the page offers the name as it is.
    pickExport: (suggestedName) => Promise.resolve({ kind: 'ask-in-page', root, suggestedName: path.basename(suggestedName) }),
  };
}

/** A running harness. */
export interface Harness {
  /** The address it listens on: always 127.0.0.1. */
  host: string;
  port: number;
  token: string;
  /** The URL to open: the token is in the fragment, which the browser never sends to the server. */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the harness over `ctx` (whose `emit` it takes over, to stream events) serving the
 * renderer built in `rendererDir`.
 */
export async function startHarness(options: { ctx: AppContext; rendererDir: string; port?: number }): Promise<Harness> {
  const { ctx, rendererDir } = options;
  const token = crypto.randomBytes(32).toString('hex');
  const streams = new Set<http.ServerResponse>();
  let port = 0;

  // Every page holding the token gets every event: a second window (the projector view) included.
  setEventSink(ctx, <E extends EventName>(event: E, payload: EventPayload<E>) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of streams) res.write(frame);
  });

  const tokenOk = (req: http.IncomingMessage) => {
    const given = req.headers[tokenHeader];
    if (typeof given !== 'string' || given.length !== token.length) return false;
    return crypto.timingSafeEqual(Buffer.from(given), Buffer.from(token));
  };

  const send = (res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(body);
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const expectedHost = `127.0.0.1:${port}`;
    if (req.headers.host !== expectedHost) return send(res, 403, 'forbidden host');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${expectedHost}`) return send(res, 403, 'forbidden origin');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${expectedHost}`);
    } catch {
      return send(res, 400, 'bad request');
    }

    if (url.pathname === '/rpc') {
      if (req.method !== 'POST') return send(res, 405, 'method not allowed');
      if (!tokenOk(req)) return send(res, 401, 'token required');
      if (!String(req.headers['content-type']).startsWith('application/json')) return send(res, 415, 'json required');
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBody) {
          send(res, 413, 'too large');
          req.destroy();
        } else chunks.push(chunk);
      });
      req.on('end', () => {
        if (res.headersSent) return;
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return send(res, 400, 'bad json');
        }
        // Any JSON that is not an object ({ channel, input }) is malformed: `null`, a number, an array.
        if (typeof body !== 'object' || body === null || Array.isArray(body)) return send(res, 400, 'bad request body');
        const { channel, input } = body as { channel?: unknown; input?: unknown };
        void dispatch(ctx, channel, input).then((envelope) => send(res, 200, JSON.stringify(envelope), jsonType));
      });
      return;
    }

    if (url.pathname === '/events') {
      if (req.method !== 'GET') return send(res, 405, 'method not allowed');
      if (!tokenOk(req)) return send(res, 401, 'token required');
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
    const target = resolveStaticFile(rendererDir, url.pathname);
    if ('status' in target) return send(res, target.status, target.status === 400 ? 'bad path' : 'not found');
    fs.readFile(target.file, (error, data) => {
      if (error) return send(res, 404, 'not found');
      res.writeHead(200, {
        'content-type': target.contentType,
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : data);
    });
  };

  const server = http.createServer((req, res) => {
    // Important: a throw here would end the process (a request handler has no caller to catch it).
    try {
      handle(req, res);
    } catch (error) {
      console.error('harness: request failed:', error);
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.destroy();
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  port = address.port;
  return {
    host: address.address,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of streams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
