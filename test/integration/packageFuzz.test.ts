/**
 * Property-based fuzzing (fast-check) of the package reader and the import over mutated real
 * packages: bytes flipped, cut and spliced in the zip; and, as a tambon with a real key could
 * send, data files and datapackage.json rewritten with their hashes recomputed and the manifest
 * signed again. Never a crash (every outcome is one of the statuses, no exception escapes), never
 * a partial write (the database either gained only a quarantine record, or the whole package).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { importOne, type Importer } from '../../src/main/services/datacenter/importer';
import type { WorkspaceDb } from '../../src/main/db/client';
import { sha256 } from '../../src/main/services/packages/build';
import { workspaceCatalog } from '../../src/main/services/packages/catalog';
import { signMinisign, type RawKeyPair } from '../../src/main/services/packages/minisign';
import { openPackage, PackageError, readResource, verifyContents } from '../../src/main/services/packages/read';
import { readZip, writeZip, ZipError } from '../../src/main/services/packages/zip';
import { runWrite } from '../../src/main/services/write';
import { importStatuses } from '../../src/shared/domain/datacenter';
import { trustedCommentOf, type Manifest } from '../../src/shared/domain/packages';
import { closingContexts, ok, tempDir, testContext } from '../support/context';
import { countRows, createProvince, dump, keyOf } from '../support/datacenter';
import { createTambon, passphrase, zipEntries } from '../support/packages';

const context = closingContexts();
const runs = Number(process.env.FUZZ_RUNS ?? 150);

const fixture = { file: '', bytes: Buffer.alloc(0), entries: {} as Record<string, Uint8Array>, key: { text: '', fingerprint: '', pair: null as unknown as RawKeyPair }, dir: '' };

beforeAll(async () => {
  fixture.dir = tempDir('tambon-fuzz-');
  const t = testContext();
  await createTambon(t, '800108');
  for (let moo = 1; moo <= 4; moo += 1) await ok(t, 'villages.add', { moo, name: `บ้าน "ทดสอบ", ${moo}`, households: moo * 10 });
  fixture.file = (await ok(t, 'packages.export', { folder: fixture.dir, passphrase })).file;
  fixture.bytes = fs.readFileSync(fixture.file);
  fixture.entries = zipEntries(fixture.file);
  fixture.key = await keyOf(t, '800108');
  await ok(t, 'workspace.close');
}, 60_000);

/** An importer over the open province, writing through the pipeline. */
function importerOf(ctx: ReturnType<typeof context>): Importer {
  const dc = ctx.session.datacenter!;
  return {
    sqlite: dc.sqlite,
    area: dc.area,
    filesDir: dc.filesDir,
    fs: ctx.fs,
    catalog: workspaceCatalog(),
    write: (spec, body) => runWrite(dc as unknown as WorkspaceDb, { operator: null, now: new Date() }, spec, body).value,
  };
}

/** Rebuilds a package from entries whose data files or datapackage changed: hashes recomputed, manifest signed again. */
function reseal(entries: Record<string, Buffer>, key: RawKeyPair, seq: number): Buffer {
  const dp = entries['datapackage.json']!;
  const manifest = JSON.parse(entries['manifest.json']!.toString('utf8')) as Manifest;
  manifest.seq = seq;
  try {
    const parsed = JSON.parse(dp.toString('utf8')) as { resources?: { path?: string; bytes?: number; hash?: string; name?: string }[] };
    for (const r of parsed.resources ?? []) {
      const data = r.path ? entries[r.path] : undefined;
      if (data) {
        r.bytes = data.length;
        r.hash = `sha256:${sha256(data)}`;
      }
    }
    entries['datapackage.json'] = Buffer.from(JSON.stringify(parsed));
  } catch {
    // A datapackage.json that no longer parses travels as it is.
  }
  manifest.datapackageSha256 = sha256(entries['datapackage.json']!);
  const manifestBytes = Buffer.from(JSON.stringify(manifest));
  entries['manifest.json'] = manifestBytes;
  entries['manifest.json.minisig'] = Buffer.from(signMinisign(key, manifestBytes, trustedCommentOf(manifest)));
  return writeZip(Object.entries(entries).map(([name, data]) => ({ name, data })));
}

describe('fuzzing the package reader', () => {
  it('never throws anything but its own refusals on mutated zip bytes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        (flips, cut) => {
          const bytes = Buffer.from(fixture.bytes);
          for (const f of flips) bytes[f.at % bytes.length] = f.value;
          const data = cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length);
          try {
            const opened = openPackage(data);
            const pkg = verifyContents(opened);
            for (const r of pkg.resources) readResource(pkg, r);
          } catch (error) {
            if (!(error instanceof PackageError)) throw error;
          }
          try {
            for (const e of readZip(data)) e.read();
          } catch (error) {
            if (!(error instanceof ZipError)) throw error;
          }
        },
      ),
      { numRuns: runs * 4 },
    );
  });

  it('imports mutated packages without a crash or a partial write', async () => {
    const p = context();
    await createProvince(p);
    await ok(p, 'datacenter.enroll', { tambonCode: '800108', publicKey: fixture.key.text, fingerprint: fixture.key.fingerprint });
    const im = importerOf(p);
    let n = 0;
    let applied = 0;
    const csvNames = Object.keys(fixture.entries).filter((e) => e.endsWith('.csv'));
    const mutation = fc.oneof(
      // Raw bytes of the zip.
      fc.record({ kind: fc.constant('bytes' as const), flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }) }),
      // A data file rewritten by someone holding the key: text spliced in, hashes and signature redone.
      fc.record({
        kind: fc.constant('csv' as const),
        entry: fc.constantFrom(...csvNames),
        at: fc.nat(),
        insert: fc.oneof(fc.string(), fc.constantFrom('"', '\r', '\n', ',', '""', 'true', '-1', '9'.repeat(30), '\u0000', 'ก'.repeat(300))),
        drop: fc.nat({ max: 20 }),
      }),
      // datapackage.json rewritten and signed again.
      fc.record({ kind: fc.constant('datapackage' as const), at: fc.nat(), insert: fc.string({ maxLength: 20 }), drop: fc.nat({ max: 10 }) }),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        let data: Buffer;
        if (m.kind === 'bytes') {
          data = Buffer.from(fixture.bytes);
          for (const [at, value] of m.flips) data[at % data.length] = value;
        } else {
          const entries = Object.fromEntries(Object.entries(fixture.entries).map(([k, v]) => [k, Buffer.from(v)]));
          const name = m.kind === 'csv' ? m.entry : 'datapackage.json';
          const textOf = entries[name]!.toString('utf8');
          const at = m.at % (textOf.length + 1);
          entries[name] = Buffer.from(textOf.slice(0, at) + m.insert + textOf.slice(at + m.drop));
          data = reseal(entries, fixture.key.pair, n + 2);
        }
        n += 1;
        const target = path.join(fixture.dir, `fuzz-${n}.tpkg`);
        fs.writeFileSync(target, data);
        const before = dump(p, ['dc_quarantine', 'audit_log', 'dc_packages', 'dc_row_history', 'dc_column_sets']);
        const packagesBefore = countRows(p, 'dc_packages');
        const quarantineBefore = countRows(p, 'dc_quarantine');
        const outcome = await importOne(im, { path: target, name: path.basename(target) }, false);
        expect(importStatuses).toContain(outcome.status);
        expect(JSON.stringify(dump(p, ['dc_quarantine', 'audit_log', 'dc_packages', 'dc_row_history', 'dc_column_sets']))).toBe(JSON.stringify(before));
        if (outcome.status === 'applied') {
          // The whole package, or nothing: its record, and one history entry for every row it changed.
          expect(countRows(p, 'dc_packages')).toBe(packagesBefore + 1);
          const history = p.session.datacenter!.sqlite
            .prepare('select count(*) from dc_row_history h join dc_packages p on p.id = h.package_id where p.sha256 = ?')
            .pluck()
            .get(outcome.sha256) as number;
          expect(history).toBe(Object.values(outcome.tables).reduce((sum, d) => sum + d.new + d.changed + d.deleted, 0));
          applied += 1;
        } else if (outcome.status === 'refused' || outcome.status === 'conflict') {
          expect(countRows(p, 'dc_packages')).toBe(packagesBefore);
          expect(countRows(p, 'dc_quarantine') - quarantineBefore).toBeLessThanOrEqual(1);
        } else {
          expect(countRows(p, 'dc_quarantine')).toBe(quarantineBefore);
        }
      }),
      { numRuns: runs },
    );
    // The fuzz reached the apply path too, not only the refusals.
    expect(applied).toBeGreaterThan(0);
  }, 240_000);
});
