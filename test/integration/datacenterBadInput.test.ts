/**
 * Bad input at the data center, each case checked for its message and for what it left: the
 * database byte-for-byte unchanged (SQLite's own serialisation), or only the quarantine record
 * (and its audit entry) added — and, for a replayed older seq, only its archive record. A dry run
 * of any of them leaves the database exactly as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackage, sha256, tableCsv } from '../../src/main/services/packages/build';
import { travellingTables, workspaceCatalog } from '../../src/main/services/packages/catalog';
import { generateKeyPair, encodePublicKey, keyIdHex } from '../../src/main/services/packages/minisign';
import { writeZip } from '../../src/main/services/packages/zip';
import type { ImportOutcome } from '../../src/shared/domain/datacenter';
import { closingContexts, fails, ok, tempDir, testContext } from '../support/context';
import { countRows, createProvince, dump, expectRefused, image, importJob, keyOf, resign, rezip } from '../support/datacenter';
import { createTambon, passphrase } from '../support/packages';
import type { AppContext } from '../../src/main/services/context';

const context = closingContexts();

/** Packages made once for every case: two of ต.นาทราย (seq 1 and 2), one of ต.ท่าวัง, one from another province. */
const fixtures = {
  dir: '',
  nasai1: '',
  nasai2: '',
  thawang1: '',
  krabi1: '',
  nasaiKey: { text: '', fingerprint: '' },
  thawangKey: { text: '', fingerprint: '' },
  nasaiPair: null as unknown as ReturnType<typeof generateKeyPair>,
  thawangPair: null as unknown as ReturnType<typeof generateKeyPair>,
};

beforeAll(async () => {
  fixtures.dir = tempDir('tambon-bad-');
  const make = async (code: string, count: number) => {
    const ctx = testContext();
    await createTambon(ctx, code);
    const files: string[] = [];
    for (let i = 0; i < count; i += 1) {
      await ok(ctx, 'villages.add', { moo: i + 1, name: `บ้าน ${i + 1}` });
      files.push((await ok(ctx, 'packages.export', { folder: path.join(fixtures.dir, code), passphrase })).file);
    }
    const key = await keyOf(ctx, code);
    await ok(ctx, 'workspace.close');
    return { files, key };
  };
  const nasai = await make('800108', 2);
  const thawang = await make('800102', 1);
  const krabi = await make('810101', 1);
  Object.assign(fixtures, {
    nasai1: nasai.files[0],
    nasai2: nasai.files[1],
    thawang1: thawang.files[0],
    krabi1: krabi.files[0],
    nasaiKey: nasai.key,
    thawangKey: thawang.key,
    nasaiPair: nasai.key.pair,
    thawangPair: thawang.key.pair,
  });
}, 120_000);

/** A province with ต.นาทราย and ต.ท่าวัง enrolled and ต.นาทราย's seq 1 applied. */
async function province() {
  const p = context();
  await createProvince(p);
  await ok(p, 'datacenter.enroll', { tambonCode: '800108', publicKey: fixtures.nasaiKey.text, fingerprint: fixtures.nasaiKey.fingerprint });
  await ok(p, 'datacenter.enroll', { tambonCode: '800102', publicKey: fixtures.thawangKey.text, fingerprint: fixtures.thawangKey.fingerprint });
  expect((await importJob(p, [fixtures.nasai1]))[0]!.status).toBe('applied');
  return p;
}

const file = (name: string) => path.join(fixtures.dir, name);

/**
 * Imports `target` (a dry run first, which must leave the image as it was), and answers the
 * outcome with what changed: `unchanged` when the image is byte-for-byte the same, `quarantined`
 * when only one quarantine record and its audit entry were added and the file kept.
 */
async function attempt(p: AppContext & { dir: string; events: { event: string; payload: unknown }[] }, target: string): Promise<{ outcome: ImportOutcome; left: 'unchanged' | 'quarantined' | 'other' }> {
  const before = image(p);
  const rows = dump(p, ['dc_quarantine', 'audit_log']);
  const quarantined = countRows(p, 'dc_quarantine');
  const audits = countRows(p, 'audit_log');
  const [dry] = await importJob(p, [target], true);
  expect(image(p).equals(before), 'a dry run leaves the database as it was').toBe(true);
  expect(dry!.kept).toBe('none');
  const [outcome] = await importJob(p, [target]);
  if (image(p).equals(before)) return { outcome: outcome!, left: 'unchanged' };
  const onlyQuarantine =
    JSON.stringify(dump(p, ['dc_quarantine', 'audit_log'])) === JSON.stringify(rows) &&
    countRows(p, 'dc_quarantine') === quarantined + 1 &&
    countRows(p, 'audit_log') === audits + 1 &&
    fs.existsSync(path.join(p.session.datacenter!.filesDir, 'quarantine', `${sha256(fs.readFileSync(target))}.tpkg`));
  return { outcome: outcome!, left: onlyQuarantine ? 'quarantined' : 'other' };
}

describe('bad packages at the data center', () => {
  it('a tampered data file: quarantined, "changed after export"', async () => {
    const p = await province();
    const target = rezip(fixtures.nasai2, file('tampered-data.tpkg'), (entries) => {
      const csv = entries.find((e) => e.name === 'data/villages.csv')!;
      csv.data = Buffer.from(csv.data.toString('utf8').replace('บ้าน 2', 'บ้าน 9'));
    });
    const { outcome, left } = await attempt(p, target);
    expectRefused(outcome, 'refused', 'resource-mismatch', /villages\.csv.*ถูกแก้ไข/, /villages\.csv.*changed after export/);
    expect(left).toBe('quarantined');
    expect(outcome.kept).toBe('quarantine');
  });

  it('a tampered manifest: the signature does not verify', async () => {
    const p = await province();
    const target = rezip(fixtures.nasai2, file('tampered-manifest.tpkg'), (entries) => {
      const m = entries.find((e) => e.name === 'manifest.json')!;
      m.data = Buffer.from(m.data.toString('utf8').replace('"households": false', '"households": true'));
    });
    const { outcome, left } = await attempt(p, target);
    expectRefused(outcome, 'refused', 'bad-signature', /ลายเซ็นไม่ถูกต้อง/, /signature does not verify/);
    expect(left).toBe('quarantined');
  });

  it('an entry datapackage.json does not list', async () => {
    const p = await province();
    const target = rezip(fixtures.nasai2, file('unlisted.tpkg'), (entries) => entries.push({ name: 'data/extra.csv', data: Buffer.from('id\r\nx\r\n') }));
    const { outcome, left } = await attempt(p, target);
    expectRefused(outcome, 'refused', 'unlisted-entry', /data\/extra\.csv.*ไม่ได้ระบุ/, /data\/extra\.csv.*does not list/);
    expect(left).toBe('quarantined');
  });

  it('enrollment with a wrong fingerprint, or none that parses: refused, nothing changed', async () => {
    const p = context();
    await createProvince(p);
    const before = image(p);
    const wrong = await fails(p, 'datacenter.enroll', { tambonCode: '800108', publicKey: fixtures.nasaiKey.text, fingerprint: fixtures.thawangKey.fingerprint });
    expect(wrong).toMatchObject({ code: 'REFUSED', field: 'fingerprint' });
    expect(wrong.messageTh).toContain('ลายนิ้วมือไม่ตรงกับกุญแจนี้');
    expect(wrong.messageEn).toContain('does not match');
    const malformed = await fails(p, 'datacenter.enroll', { tambonCode: '800108', publicKey: fixtures.nasaiKey.text, fingerprint: '1234 5678' });
    expect(malformed.messageEn).toContain('64 hex digits');
    const notAKey = await fails(p, 'datacenter.enroll', { tambonCode: '800108', publicKey: 'hello', fingerprint: fixtures.nasaiKey.fingerprint });
    expect(notAKey.messageEn).toContain('not a minisign public key');
    expect(image(p).equals(before)).toBe(true);
  });

  it('a rotation statement without the confirmed fingerprint: refused; with it, applied (the old key alone cannot take over)', async () => {
    const t = context();
    await createTambon(t, '800108');
    await ok(t, 'packages.export', { folder: path.join(t.dir, 'out'), passphrase });
    const key = await keyOf(t, '800108');
    const statement = path.join(t.dir, 'rotation.json');
    const rotated = await ok(t, 'packages.rotateKey', { oldPassphrase: passphrase, newPassphrase: passphrase, path: statement });
    const p = context();
    await createProvince(p);
    await ok(p, 'datacenter.enroll', { tambonCode: '800108', publicKey: key.text, fingerprint: key.fingerprint });
    const before = image(p);
    const none = await fails(p, 'datacenter.rotate', { path: statement, fingerprint: ' ' });
    expect(none.code).toBe('VALIDATION');
    const oldOnly = await fails(p, 'datacenter.rotate', { path: statement, fingerprint: key.fingerprint });
    expect(oldOnly.messageTh).toContain('ลายนิ้วมือไม่ตรงกับกุญแจนี้');
    // A statement whose new key was swapped (signed by the old key alone): refused.
    const doc = JSON.parse(fs.readFileSync(statement, 'utf8')) as { statement: string; newSignature: string };
    const forged = path.join(t.dir, 'forged.json');
    const attacker = generateKeyPair();
    fs.writeFileSync(forged, JSON.stringify({ ...doc, statement: doc.statement.replace(rotated.next.publicKey, encodePublicKey(attacker.keyId, attacker.publicKey).split('\n')[1]!) }));
    expect((await fails(p, 'datacenter.rotate', { path: forged, fingerprint: rotated.next.fingerprint })).messageEn).toContain('not signed by both');
    expect(image(p).equals(before)).toBe(true);
    const applied = await ok(p, 'datacenter.rotate', { path: statement, fingerprint: formatGroups(rotated.next.fingerprint) });
    expect(applied).toMatchObject({ enrolledBy: 'rotation', validFromSeq: 2, keyId: rotated.next.keyId });
  });

  it('a signature from an unknown key', async () => {
    const p = context();
    await createProvince(p);
    const { outcome, left } = await attempt(p, fixtures.nasai1);
    expectRefused(outcome, 'refused', 'unknown-key', /ไม่ได้ลงทะเบียน/, /not enrolled/);
    expect(left).toBe('quarantined');
  });

  it('a revoked key after its seq', async () => {
    const p = await province();
    await ok(p, 'datacenter.revoke', { tambonCode: '800108', afterSeq: 1 });
    const { outcome, left } = await attempt(p, fixtures.nasai2);
    expectRefused(outcome, 'refused', 'revoked', /เพิกถอนหลังชุดลำดับที่ 1/, /revoked after seq 1/);
    expect(left).toBe('quarantined');
  });

  it("a package whose tambon code differs from its key's enrollment", async () => {
    const p = await province();
    // ต.นาทราย's key signs a package that says it is ต.ท่าวัง's.
    const target = resign(fixtures.thawang1, file('impostor.tpkg'), fixtures.nasaiPair, (m) => {
      m.keyId = keyIdHex(fixtures.nasaiPair.keyId);
    });
    const { outcome, left } = await attempt(p, target);
    expectRefused(outcome, 'refused', 'tambon-mismatch', /ตำบล 800102.*ตำบล 800108/, /names tambon 800102.*enrolled for tambon 800108/);
    expect(left).toBe('quarantined');
  });

  it('a package from another province', async () => {
    const p = await province();
    const { outcome, left } = await attempt(p, fixtures.krabi1);
    expectRefused(outcome, 'refused', 'outside-area', /810101.*ไม่อยู่ในพื้นที่/, /810101.*not in this data center's area/);
    expect(left).toBe('quarantined');
  });

  it('a replay of an older seq: stale, archived, not applied', async () => {
    const p = await province();
    expect((await importJob(p, [fixtures.nasai2]))[0]!.status).toBe('applied');
    const rows = dump(p, ['dc_packages', 'audit_log']);
    // seq 1 again, but a different file (the same content re-signed under a new package id).
    const replay = resign(fixtures.nasai1, file('replay.tpkg'), fixtures.nasaiPair, (m) => {
      m.packageId = '01900000-0000-7000-8000-000000000001';
    });
    const [outcome] = await importJob(p, [replay]);
    expectRefused(outcome, 'stale', 'stale', /เก่ากว่า/, /older than the applied seq 2/);
    expect(outcome!.kept).toBe('archive');
    expect(JSON.stringify(dump(p, ['dc_packages', 'audit_log']))).toBe(JSON.stringify(rows));
    expect(p.session.datacenter!.sqlite.prepare("select status from dc_packages where seq = 1 and sha256 = ?").pluck().get(sha256(fs.readFileSync(replay)))).toBe('stale');
    // Exit 0 on the command line: stale is not a failure.
    expect((await importJob(p, [replay]))[0]!.status).toBe('stale');
  });

  it('two different packages with the same seq: a conflict, quarantined', async () => {
    const p = await province();
    const twin = resign(fixtures.nasai1, file('twin.tpkg'), fixtures.nasaiPair, (m) => {
      m.createdAt = '2026-12-01T00:00:00.000Z';
    });
    const { outcome, left } = await attempt(p, twin);
    expectRefused(outcome, 'conflict', 'conflict', /ลำดับที่ 1.*ต่างจากชุดนั้น/, /Seq 1 .*differs/);
    expect(left).toBe('quarantined');
  });

  it('a truncated zip', async () => {
    const p = await province();
    const bytes = fs.readFileSync(fixtures.nasai2);
    fs.writeFileSync(file('truncated.tpkg'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const { outcome, left } = await attempt(p, file('truncated.tpkg'));
    expectRefused(outcome, 'refused', 'truncated', /ไม่ครบ/, /truncated/);
    expect(left).toBe('quarantined');
  });

  it('a zip bomb: refused before inflating', async () => {
    const p = await province();
    const bomb = writeZip([
      { name: 'manifest.json', data: Buffer.from('{}') },
      { name: 'datapackage.json', data: Buffer.from('{}') },
      { name: 'data/villages.csv', data: Buffer.alloc(64 * 1024 * 1024, 0x41) },
    ]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    fs.writeFileSync(file('bomb.tpkg'), bomb);
    const { outcome, left } = await attempt(p, file('bomb.tpkg'));
    expectRefused(outcome, 'refused', 'zip-bomb', /เกินขีดจำกัด/, /exceeds the limits/);
    expect(left).toBe('quarantined');
  });

  it('a path traversal entry', async () => {
    const p = await province();
    const target = rezip(fixtures.nasai2, file('traversal.tpkg'), (entries) => entries.push({ name: '../../etc/cron.d/evil', data: Buffer.from('x') }));
    const { outcome, left } = await attempt(p, target);
    expectRefused(outcome, 'refused', 'zip-unsafe-name', /ชื่อไม่ปลอดภัย/, /unsafe name.*\.\.\/\.\.\/etc/);
    expect(left).toBe('quarantined');
    expect(fs.existsSync(path.join(p.session.datacenter!.filesDir, '..', '..', 'etc'))).toBe(false);
  });

  it('a symlink entry', async () => {
    const p = await province();
    const target = rezip(fixtures.nasai2, file('symlink.tpkg'), (entries) => {
      const csv = entries.find((e) => e.name === 'data/villages.csv')!;
      Object.assign(csv, { data: Buffer.from('/etc/passwd'), store: true, externalAttributes: (0o120777 << 16) >>> 0 });
    });
    const { outcome, left } = await attempt(p, target);
    expectRefused(outcome, 'refused', 'zip-link', /ลิงก์สัญลักษณ์/, /symbolic link/);
    expect(left).toBe('quarantined');
  });

  it('a newer format: "update the app"; a newer schema with an unknown table and column: applied, reported', async () => {
    const p = await province();
    const newer = resign(fixtures.nasai2, file('newer-format.tpkg'), fixtures.nasaiPair, (m) => {
      m.format = 'tambon-pkg/2';
    });
    const { outcome, left } = await attempt(p, newer);
    expectRefused(outcome, 'refused', 'newer-format', /ปรับรุ่นโปรแกรม/, /update the app/);
    expect(left).toBe('quarantined');

    // Schema 99: a table this build does not know and an extra column, signed by the tambon.
    const t = testContext();
    await createTambon(t, '800102', 'thawang-copy.tambon');
    t.session.workspace!.sqlite.exec('create table forum_sessions (id text primary key, rev integer, updated_at text, deleted_at text, title text); alter table villages add column elevation integer');
    t.session.workspace!.sqlite.prepare("insert into forum_sessions values ('f1', 1, 'x', null, 'เวทีประชาคม')").run();
    const base = travellingTables(workspaceCatalog(), false);
    const villages = base.find((x) => x.name === 'villages')!;
    const tables = [
      ...base.filter((x) => x.name !== 'villages'),
      { ...villages, columns: [...villages.columns, { name: 'elevation', type: 'integer' as const }] },
      { name: 'forum_sessions', travel: 'aggregate' as const, columns: [{ name: 'id', type: 'string' as const }, { name: 'title', type: 'string' as const }], primaryKey: ['id'], householdColumns: [] },
    ].map((spec) => ({ spec, ...tableCsv(t.session.workspace!.sqlite, spec, null) }));
    await ok(t, 'workspace.close');
    // Signed with ต.ท่าวัง's real key (from its fixture home), as seq 2.
    const built = buildPackage(
      { packageId: '01900000-0000-7000-8000-0000000000aa', tambonCode: '800102', seq: 2, previousSha256: null, schemaVersion: 99, appVersion: '9.0.0', createdAt: '2027-01-01T00:00:00.000Z', households: false },
      tables,
      fixtures.thawangPair,
    );
    fs.writeFileSync(file('newer-schema.tpkg'), built.zip);
    const [applied] = await importJob(p, [file('newer-schema.tpkg')]);
    expect(applied).toMatchObject({ status: 'applied', tambonCode: '800102', seq: 2, missingSeqs: [1] });
    expect(applied!.warnings).toEqual(expect.arrayContaining([
      { code: 'unknown-table', table: 'forum_sessions', column: null },
      { code: 'unknown-column', table: 'villages', column: 'elevation' },
    ]));
    expect(applied!.tables).not.toHaveProperty('forum_sessions');
    // The unknown table is archived with the package (the file), not applied.
    expect(p.session.datacenter!.sqlite.prepare("select count(*) from dc_row_history where table_name = 'forum_sessions'").pluck().get()).toBe(0);
  });

  it('an empty file', async () => {
    const p = await province();
    fs.writeFileSync(file('empty.tpkg'), '');
    const { outcome, left } = await attempt(p, file('empty.tpkg'));
    expectRefused(outcome, 'refused', 'empty', /ว่างเปล่า/, /empty/);
    expect(left).toBe('quarantined');
  });

  it('a random file renamed .tpkg', async () => {
    const p = await province();
    fs.writeFileSync(file('random.tpkg'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
    const { outcome, left } = await attempt(p, file('random.tpkg'));
    expectRefused(outcome, 'refused', 'not-package', /ไม่ใช่ชุดข้อมูล/, /not a TambonPlan package/);
    expect(left).toBe('quarantined');
    // The same file again: the same answer, nothing more added.
    const before = image(p);
    expect((await importJob(p, [file('random.tpkg')]))[0]).toMatchObject({ status: 'refused', reasonCode: 'not-package' });
    expect(image(p).equals(before)).toBe(true);
  });

  it('a batch goes on past a bad package and reports each', async () => {
    const p = await province();
    fs.writeFileSync(file('garbage.tpkg'), 'garbage');
    const outcomes = await importJob(p, [file('garbage.tpkg'), fixtures.nasai2, fixtures.thawang1]);
    expect(outcomes.map((o) => o.status)).toEqual(['refused', 'applied', 'applied']);
  });
});

function formatGroups(hex: string): string {
  return hex.match(/.{4}/g)!.join('-').toUpperCase();
}

