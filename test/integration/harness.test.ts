import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/main/contentSecurityPolicy';
import { confinedPaths, startHarness, tokenHeader, type Harness } from '../../src/main/harness/server';
import type { AppContext } from '../../src/main/services/context';
import { tempDir, testContext } from '../support/context';

let harness: Harness;
let ctx: AppContext & { dir: string };
let root: string;
const repoRoot = path.resolve(__dirname, '../..');

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

/** The create input for ต.นาทราย under the harness's folder. */
const naSaiInput = (file: string) => ({ path: file, tambonCode: '800108', officeType: 'sao', officeName: 'อบต.นาทราย', framework: { presetId: 'nst-coop-phase2' } });

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

  it('answers 400 or 404 to paths that are malformed or lead outside the renderer folder, and keeps running', async () => {
    // Percent-encoded slashes: the URL parser leaves them alone, so only the static-file guard stops these.
    const bad = [
      { path: '/..%2fsecret.txt', status: 404 },
      { path: '/..%2f..%2fsecret.txt', status: 404 },
      { path: '/%2e%2e%2fsecret.txt', status: 404 },
      { path: '/assets/..%2f..%2fsecret.txt', status: 404 },
      // These used to throw inside the request handler and end the process.
      { path: '/%E0%A4%A', status: 400 },
      { path: '/%00', status: 400 },
      { path: '/index.html%00.png', status: 400 },
      { path: '//', status: 400 },
    ];
    for (const { path: p, status } of bad) {
      const res = await request({ path: p });
      expect(res.status, p).toBe(status);
      expect(res.body, p).not.toContain('outside');
    }
    const page = await request({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>TambonPlan</title>');
  });

  it('sends a CSP without unsafe-inline, and the page carries no second copy of it', async () => {
    const csp = (await request({ path: '/' })).headers['content-security-policy'];
    expect(csp).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).toMatch(/(^|; )style-src 'self'(;|$)/);
    expect(contentSecurityPolicy).not.toContain('unsafe-inline');
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    const pages = [path.join(repoRoot, 'src', 'renderer', 'index.html'), path.join(repoRoot, 'dist', 'renderer', 'index.html')];
    for (const file of pages.filter((f) => fs.existsSync(f))) {
      expect(fs.readFileSync(file, 'utf8'), file).not.toMatch(/http-equiv=["']?Content-Security-Policy/i);
    }
  });

  it('confines workspace paths to the folder chosen at start', async () => {
    const base = { tambonCode: '800108', officeType: 'sao', officeName: 'อบต.นาทราย', framework: { presetId: 'nst-coop-phase2' } };
    for (const bad of ['../escape.tambon', path.join(ctx.dir, 'escape.tambon'), '/tmp/escape.tambon']) {
      const res: unknown = JSON.parse((await rpc('workspace.create', { ...base, path: bad })).body);
      expect(res).toMatchObject({ ok: false, error: { code: 'REFUSED', field: 'path' } });
    }
    expect(fs.existsSync(path.join(ctx.dir, 'escape.tambon'))).toBe(false);
    const created: unknown = JSON.parse((await rpc('workspace.create', { ...base, path: 'nasai.tambon' })).body);
    expect(created).toMatchObject({ ok: true, value: { path: path.join(root, 'nasai.tambon') } });
    await rpc('workspace.close', {});
  });

  it('refuses paths that leave the folder through a symlink inside it', async () => {
    const base = { tambonCode: '800108', officeType: 'sao', officeName: 'อบต.นาทราย', framework: { presetId: 'nst-coop-phase2' } };
    const outside = path.join(ctx.dir, 'outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'existing.tambon'), 'not a workspace');
    fs.symlinkSync(outside, path.join(root, 'linked-folder'), 'dir');
    fs.symlinkSync(path.join(outside, 'existing.tambon'), path.join(root, 'linked-file.tambon'), 'file');
    fs.symlinkSync(path.join(outside, 'not-yet.tambon'), path.join(root, 'dangling.tambon'), 'file');
    fs.mkdirSync(path.join(root, 'plans'));
    fs.symlinkSync(path.join(root, 'plans'), path.join(root, 'plans-link'), 'dir');

    for (const bad of ['linked-folder/escape.tambon', 'linked-folder/new/deeper/escape.tambon', 'dangling.tambon']) {
      const res: unknown = JSON.parse((await rpc('workspace.create', { ...base, path: bad })).body);
      expect(res, bad).toMatchObject({ ok: false, error: { code: 'REFUSED', field: 'path' } });
    }
    for (const bad of ['linked-file.tambon', 'linked-folder/existing.tambon']) {
      const res: unknown = JSON.parse((await rpc('workspace.open', { path: bad })).body);
      expect(res, bad).toMatchObject({ ok: false, error: { code: 'REFUSED', field: 'path' } });
    }
    expect(fs.readdirSync(outside)).toEqual(['existing.tambon']);

    // A symlink that stays inside the folder is fine.
    const inside: unknown = JSON.parse((await rpc('workspace.create', { ...base, path: 'plans-link/nasai.tambon' })).body);
    expect(inside).toMatchObject({ ok: true });
    expect(fs.existsSync(path.join(root, 'plans', 'nasai.tambon'))).toBe(true);
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
    expect(JSON.parse((await rpc('workspace.create', naSaiInput('jobs.tambon'))).body)).toMatchObject({ ok: true });
    const started = JSON.parse((await rpc('jobs.start', { kind: 'selfTest', input: { rows: 30, steps: 3 } })).body) as { value: { jobId: string } };
    await done;
    const text = frames.join('');
    expect(text).toContain('event: job.progress');
    expect(text).toContain(`"jobId":"${started.value.jobId}"`);
    expect(text).toContain('"status":"done"');
    await rpc('workspace.close', {});
  });
});

describe('the harness command (dist/harness.cjs)', () => {
  const bundle = path.join(repoRoot, 'dist', 'harness.cjs');

  /** Starts the built harness; resolves once it has printed its URL. */
  function startCommand(args: string[], env: NodeJS.ProcessEnv) {
    if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build`);
    const child = spawn(process.execPath, [bundle, ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    const ready = new Promise<{ port: number; token: string }>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        const m = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]+)/.exec(stdout);
        if (m) resolve({ port: Number(m[1]), token: m[2]! });
      });
      void exited.then(({ code }) => reject(new Error(`the harness exited (${code}) before printing its URL: ${stderr}`)));
    });
    return { child, ready, exited, output: () => stdout };
  }

  async function call(port: number, token: string, channel: string, input: unknown) {
    const res = await fetch(`http://127.0.0.1:${port}/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [tokenHeader]: token },
      body: JSON.stringify({ channel, input }),
    });
    return (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
  }

  /** The environment without TAMBON_PLAN_HOME, plus `extra`. */
  function envWith(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env = { ...process.env, ...extra };
    if (!('TAMBON_PLAN_HOME' in extra)) delete env.TAMBON_PLAN_HOME;
    return env;
  }

  it('keeps its app data under <root>/.tambonplan-home by default, and closes the workspace on SIGTERM (no -wal left)', async () => {
    const dir = tempDir('tambon-harness-cmd-');
    const root = path.join(dir, 'files');
    const run = startCommand(['--root', root, '--port', '0'], envWith());
    try {
      const { port, token } = await run.ready;
      const home = path.join(root, '.tambonplan-home');
      expect(run.output()).toContain(root);
      expect(run.output()).toContain(home);
      const created = await call(port, token, 'workspace.create', {
        path: 'nasai.tambon',
        tambonCode: '800108',
        officeType: 'sao',
        officeName: 'องค์การบริหารส่วนตำบลนาทราย',
        framework: { presetId: 'nst-coop-phase2' },
      });
      expect(created).toMatchObject({ ok: true });
      expect(await call(port, token, 'villages.add', { moo: 1, name: 'บ้านนาทราย' })).toMatchObject({ ok: true });
      const file = path.join(root, 'nasai.tambon');
      // The edit is in the WAL until the workspace is closed.
      expect(fs.existsSync(`${file}-wal`)).toBe(true);
      expect(fs.existsSync(path.join(home, 'preferences.json'))).toBe(true);

      run.child.kill('SIGTERM');
      expect(await run.exited).toEqual({ code: 0, signal: null });
      expect(fs.existsSync(`${file}-wal`)).toBe(false);
      expect(fs.existsSync(`${file}-shm`)).toBe(false);
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        expect(db.prepare('select name from villages where deleted_at is null').all()).toEqual([{ name: 'บ้านนาทราย' }]);
      } finally {
        db.close();
      }
    } finally {
      run.child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes its app data folder from --home, else TAMBON_PLAN_HOME, and stops on SIGINT', async () => {
    const dir = tempDir('tambon-harness-cmd-');
    const root = path.join(dir, 'files');
    try {
      for (const { args, env, home } of [
        { args: ['--home', path.join(dir, 'given')], env: envWith({ TAMBON_PLAN_HOME: path.join(dir, 'from-env') }), home: path.join(dir, 'given') },
        { args: [], env: envWith({ TAMBON_PLAN_HOME: path.join(dir, 'from-env') }), home: path.join(dir, 'from-env') },
      ]) {
        const run = startCommand(['--root', root, ...args], env);
        try {
          const { port, token } = await run.ready;
          expect(run.output()).toContain(`app data (preferences, backups): ${home}`);
          expect(await call(port, token, 'prefs.set', { operatorName: 'นางสาวสมใจ ใจดี' })).toMatchObject({ ok: true });
          expect(fs.existsSync(path.join(home, 'preferences.json'))).toBe(true);
          expect(fs.existsSync(path.join(root, '.tambonplan-home'))).toBe(false);
          run.child.kill('SIGINT');
          expect(await run.exited).toEqual({ code: 0, signal: null });
        } finally {
          run.child.kill('SIGKILL');
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
