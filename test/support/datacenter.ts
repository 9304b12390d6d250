/** Helpers for the data center tests: a province workspace, enrollment, imports (as a job, or in-process with a catalogue), snapshots. */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { ImportOutcome } from '../../src/shared/domain/datacenter';
import type { EventPayload } from '../../src/shared/ipc/contract';
import type { WorkspaceDb } from '../../src/main/db/client';
import type { AppContext } from '../../src/main/services/context';
import { importMany, expandPaths, type Importer } from '../../src/main/services/datacenter/importer';
import type { TableSpec } from '../../src/main/services/packages/catalog';
import { readKeyFile, unwrapKey } from '../../src/main/services/packages/keys';
import { signMinisign, type RawKeyPair } from '../../src/main/services/packages/minisign';
import { writeZip } from '../../src/main/services/packages/zip';
import { announceChange, runWrite } from '../../src/main/services/write';
import { trustedCommentOf, type Manifest } from '../../src/shared/domain/packages';
import { ok } from './context';
import { passphrase, zipEntries } from './packages';

/** Creates and opens a data center workspace for `areaCode`. */
export function createProvince(ctx: AppContext & { dir: string }, areaCode = '80', file = `province-${areaCode}.tpdc`) {
  return ok(ctx, 'datacenter.create', { path: path.join(ctx.dir, file), areaCode });
}

/** The tambon's public key (minisign text) and fingerprint, from a context that holds its key. */
export async function keyOf(ctx: AppContext, tambonCode: string): Promise<{ text: string; fingerprint: string; pair: RawKeyPair }> {
  const file = (await readKeyFile(ctx, tambonCode))!;
  return { text: `untrusted comment: test\n${file.publicKey}\n`, fingerprint: file.fingerprint, pair: unwrapKey(file, passphrase) };
}

/** Waits for a job's end. */
export async function finished(ctx: AppContext & { events: { event: string; payload: unknown }[] }, jobId: string, ms = 60_000): Promise<EventPayload<'job.finished'>> {
  const until = Date.now() + ms;
  for (;;) {
    const end = ctx.events.find((e) => e.event === 'job.finished' && (e.payload as { jobId: string }).jobId === jobId);
    if (end) return end.payload as EventPayload<'job.finished'>;
    if (Date.now() > until) throw new Error('the job did not finish');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Imports through the job (as the app and the CLI do) and answers the outcomes. */
export async function importJob(ctx: AppContext & { events: { event: string; payload: unknown }[] }, paths: string[], dryRun = false): Promise<ImportOutcome[]> {
  const { jobId } = await ok(ctx, 'jobs.start', { kind: 'datacenterImport', input: { paths, dryRun } });
  const end = await finished(ctx, jobId);
  if (end.status !== 'done') throw new Error(`import job ${end.status}: ${JSON.stringify(end.error)}`);
  return (end.result as { packages: ImportOutcome[] }).packages;
}

/** Imports in this process with a catalogue of the caller's (tables the workspace registry does not have yet). */
export async function importWith(ctx: AppContext, catalog: readonly TableSpec[], paths: string[], dryRun = false): Promise<ImportOutcome[]> {
  const dc = ctx.session.datacenter!;
  const im: Importer = {
    sqlite: dc.sqlite,
    area: dc.area,
    filesDir: dc.filesDir,
    fs: ctx.fs,
    catalog,
    write: (spec, body) => {
      const { value, event } = runWrite(dc as unknown as WorkspaceDb, { operator: 'ผู้ทดสอบ', now: ctx.clock() }, spec, body);
      announceChange(ctx, event);
      return value;
    },
  };
  return importMany(im, await expandPaths(ctx.fs, paths), dryRun);
}

/** The whole data center database, as SQLite serialises it: equal images mean nothing changed. */
export function image(ctx: AppContext): Buffer {
  return ctx.session.datacenter!.sqlite.serialize();
}

/** Every row of every table but `except`, for comparing what a refusal left. */
export function dump(ctx: AppContext, except: string[] = []): Record<string, unknown[]> {
  const sqlite = ctx.session.datacenter!.sqlite;
  const names = (sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[]).filter((n) => !except.includes(n));
  // Sorted as text: some tables have no rowid (WITHOUT ROWID) to order by.
  return Object.fromEntries(names.map((n) => [n, sqlite.prepare(`select * from "${n}"`).all().map((r) => JSON.stringify(r)).sort()]));
}

/** Counts rows of a data center table. */
export function countRows(ctx: AppContext, table: string): number {
  return ctx.session.datacenter!.sqlite.prepare(`select count(*) from "${table}"`).pluck().get() as number;
}

/** A package's entries, changed by `mutate` and zipped again (entries in the same order). */
export function rezip(file: string, target: string, mutate: (entries: { name: string; data: Buffer }[]) => void): string {
  const entries = Object.entries(zipEntries(file)).map(([name, data]) => ({ name, data: Buffer.from(data) }));
  mutate(entries);
  fs.writeFileSync(target, writeZip(entries));
  return target;
}

/** A package whose manifest `mutate` changed, signed again with `key` (a package the key holder really made). */
export function resign(file: string, target: string, key: RawKeyPair, mutate: (manifest: Manifest & Record<string, unknown>) => void): string {
  return rezip(file, target, (entries) => {
    const m = entries.find((e) => e.name === 'manifest.json')!;
    const manifest = JSON.parse(m.data.toString('utf8')) as Manifest & Record<string, unknown>;
    mutate(manifest);
    m.data = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    entries.find((e) => e.name === 'manifest.json.minisig')!.data = Buffer.from(signMinisign(key, m.data, trustedCommentOf(manifest)));
  });
}

/** Asserts an outcome's status and reason code, and that its messages are there in both languages. */
export function expectRefused(outcome: ImportOutcome | undefined, status: ImportOutcome['status'], code: string, th: string | RegExp, en: string | RegExp): void {
  expect(outcome, 'outcome').toBeDefined();
  expect(outcome!.status).toBe(status);
  expect(outcome!.reasonCode).toBe(code);
  expect(outcome!.reasonTh).toMatch(th);
  expect(outcome!.reason).toMatch(en);
}
