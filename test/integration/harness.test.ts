import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confinedPaths, startHarness, tokenHeader, type Harness } from '../../src/main/harness/server';
import type { AppContext } from '../../src/main/services/context';
import { testContext } from '../support/context';

let harness: Harness;
let ctx: AppContext & { dir: string };
let root: string;

beforeAll(async () => {
  ctx = testContext({ transport: 'harness' });
  root = path.join(ctx.dir, 'files');
  fs.mkdirSync(root);
  ctx.paths = confinedPaths(root);
  const rendererDir = path.join(ctx.dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>TambonPlan</title>');
  fs.writeFileSync(path.join(ctx.dir, 'secret.txt'), 'outside');
  harness = await startHarness({ ctx, rendererDir });
});
afterAll(async () => {
  await harness.close();
});

/** A raw request, so the test controls the Host and Origin headers. */
function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: harness.port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${harness.port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const rpc = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
  request({
    method: 'POST',
    path: '/rpc',
    headers: { 'content-type': 'application/json', [tokenHeader]: harness.token, ...headers },
    body: JSON.stringify({ channel, input }),
  });

describe('browser harness', () => {
  it('listens on 127.0.0.1 only and puts the token in the URL fragment', () => {
    expect(harness.host).toBe('127.0.0.1');
    expect(harness.url).toBe(`http://127.0.0.1:${harness.port}/#token=${harness.token}`);
  });

  it('bridges the contract with the token', async () => {
    const res = await rpc('app.info', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { transport: 'harness' } });
  });

  it('refuses a call without the token or with a wrong one', async () => {
    expect((await rpc('app.info', {}, { [tokenHeader]: '' })).status).toBe(401);
    expect((await rpc('app.info', {}, { [tokenHeader]: 'f'.repeat(64) })).status).toBe(401);
    expect((await request({ path: '/events' })).status).toBe(401);
  });

  it('refuses a foreign Host or Origin (DNS rebinding)', async () => {
    expect((await rpc('app.info', {}, { host: `evil.example:${harness.port}` })).status).toBe(403);
    expect((await rpc('app.info', {}, { host: `localhost:${harness.port}` })).status).toBe(403);
    expect((await rpc('app.info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await request({ path: '/', headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await rpc('app.info', {}, { origin: `http://127.0.0.1:${harness.port}` })).status).toBe(200);
  });

  it('sends no CORS headers, even to a preflight', async () => {
    const preflight = await request({ method: 'OPTIONS', path: '/rpc', headers: { origin: `http://127.0.0.1:${harness.port}`, 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(405);
    for (const res of [preflight, await rpc('app.info', {}), await request({ path: '/' })]) {
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('never serves the token inside the page, and serves it with the CSP', async () => {
    const page = await request({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).not.toContain(harness.token);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('serves nothing outside the renderer folder', async () => {
    expect((await request({ path: '/../secret.txt' })).status).toBe(404);
    expect((await request({ path: '/%2e%2e/secret.txt' })).status).toBe(404);
  });

  it('confines workspace paths to the folder chosen at start', async () => {
    const base = { tambonCode: '800108', officeType: 'sao', officeName: 'อบต.นาทราย', framework: { presetId: 'nst-coop-phase2' } };
    for (const bad of ['../escape.tambon', path.join(ctx.dir, 'escape.tambon'), '/tmp/escape.tambon']) {
      const res = JSON.parse((await rpc('workspace.create', { ...base, path: bad })).body);
      expect(res).toMatchObject({ ok: false, error: { code: 'REFUSED', field: 'path' } });
    }
    expect(fs.existsSync(path.join(ctx.dir, 'escape.tambon'))).toBe(false);
    const created = JSON.parse((await rpc('workspace.create', { ...base, path: 'nasai.tambon' })).body);
    expect(created).toMatchObject({ ok: true, value: { path: path.join(root, 'nasai.tambon') } });
    await rpc('workspace.close', {});
  });

  it('streams job events to a client holding the token', async () => {
    const frames: string[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: harness.port, path: '/events', headers: { host: `127.0.0.1:${harness.port}`, [tokenHeader]: harness.token } },
        (res) => {
          expect(res.headers['content-type']).toContain('text/event-stream');
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            frames.push(chunk);
            if (frames.join('').includes('event: job.finished')) {
              req.destroy();
              resolve();
            }
          });
        },
      );
      req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve() : reject(e)));
    });
    await new Promise((r) => setTimeout(r, 50));
    const started = JSON.parse((await rpc('jobs.startSelfTest', { steps: 3, stepMs: 1 })).body);
    await done;
    const text = frames.join('');
    expect(text).toContain('event: job.progress');
    expect(text).toContain(`"jobId":"${started.value.jobId}"`);
    expect(text).toContain('"status":"done"');
  });
});
