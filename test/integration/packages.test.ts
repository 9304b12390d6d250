/**
 * The tambon side of signed packages: the key (made on first export, wrapped under a passphrase,
 * kept in the app data folder, never in the workspace), the package's contents and signature (the
 * real minisign verifies it; under CI=true a missing minisign fails), seq never repeated (even after
 * a restore), previews, household rows only when asked and hashed, names never, rotation, verify.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceCatalog } from '../../src/main/services/packages/catalog';
import { derivedCatalog } from '../../src/main/services/packages/derived';
import { readKeyFile, unwrapKey } from '../../src/main/services/packages/keys';
import { exportPackage } from '../../src/main/services/packages/packages';
import { faultyFs } from '../../src/main/services/ports';
import { parseMinisign } from '../../src/main/services/packages/minisign';
import { runCli } from '../../src/main/cli/main';
import { closingContexts, fails, ok, resourcesDir } from '../support/context';
import { createTambon, findMinisign, minisignVerify, passphrase, zipEntries } from '../support/packages';
import { createPlanTables, fillPlan, planCatalog } from '../support/planTables';

const context = closingContexts();
const minisign = findMinisign();
const text = (b: Uint8Array | undefined) => Buffer.from(b ?? new Uint8Array()).toString('utf8');

describe('the signing key and the first export', () => {
  it('asks for a passphrase the first time, makes the key in the app data folder, and signs a package minisign verifies', async () => {
    const ctx = context();
    await createTambon(ctx, '800108');
    await ok(ctx, 'villages.add', { moo: 1, name: 'บ้านนาทราย', households: 215, population: 742 });
    const out = path.join(ctx.dir, 'out');
    const missing = await fails(ctx, 'packages.export', { folder: out });
    expect(missing).toMatchObject({ code: 'VALIDATION', field: 'passphrase' });
    expect(missing.messageTh).toContain('ตั้งรหัสผ่าน');
    expect(fs.existsSync(out)).toBe(false);
    expect((await fails(ctx, 'packages.createKey', { passphrase: 'short' })).messageTh).toContain('อย่างน้อย 8');

    const outcome = await ok(ctx, 'packages.export', { folder: out, passphrase });
    expect(outcome).toMatchObject({ seq: 1, preview: false, households: false, keyCreated: true });
    expect(path.basename(outcome.file)).toBe('800108-1.tpkg');
    const key = (await ok(ctx, 'packages.key'))!;
    expect(key.keyId).toBe(outcome.keyId);
    // The key lives in the app data folder, never beside or inside the workspace.
    const keyFile = path.join(ctx.homeDir, 'keys', '800108', 'signing.key');
    expect(fs.existsSync(keyFile)).toBe(true);
    const workspaceBytes = fs.readFileSync(ctx.session.workspace!.file);
    expect(workspaceBytes.includes(Buffer.from(key.publicKey))).toBe(false);
    // The secret is not in the key file in the clear.
    const pair = unwrapKey((await readKeyFile(ctx, '800108'))!, passphrase);
    const keyText = fs.readFileSync(keyFile, 'utf8');
    expect(keyText).not.toContain(pair.seed.toString('base64'));
    expect(keyText).not.toContain(pair.seed.toString('hex'));
    expect(keyText).not.toContain(passphrase);

    const entries = zipEntries(outcome.file);
    // Every aggregate table of the schema and every derived resource, and nothing else: no household rows unless asked, no local table.
    const aggregates = [...workspaceCatalog().filter((t) => t.travel === 'aggregate'), ...derivedCatalog()].map((t) => `data/${t.name}.csv`);
    expect(aggregates).toEqual(expect.arrayContaining(['data/frameworks.csv', 'data/offices.csv', 'data/strategic_issues.csv', 'data/tambon.csv', 'data/villages.csv']));
    expect(Object.keys(entries).sort()).toEqual([...aggregates, 'datapackage.json', 'manifest.json', 'manifest.json.minisig'].sort());
    const manifest = JSON.parse(text(entries['manifest.json'])) as Record<string, unknown>;
    expect(manifest).toMatchObject({ format: 'tambon-pkg/1', tambonCode: '800108', seq: 1, previousSha256: null, keyId: key.keyId, households: false, appVersion: '0.0.0-test' });
    expect(manifest.packageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect((manifest.tables as Record<string, { rows: number }>).villages!.rows).toBe(1);
    const datapackage = JSON.parse(text(entries['datapackage.json'])) as { resources: { name: string; path: string; bytes: number; hash: string; schema: { primaryKey: string[]; fields: { name: string }[] } }[] };
    for (const r of datapackage.resources) {
      expect(r.path).toBe(`data/${r.name}.csv`);
      expect(r.bytes).toBe(entries[r.path]!.length);
      expect(r.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(r.schema.primaryKey).toEqual(['id']);
    }
    expect(text(entries['data/villages.csv'])).toContain('บ้านนาทราย');
    const signature = parseMinisign(text(entries['manifest.json.minisig']))!;
    expect(signature.algorithm).toBe('ED');
    expect(signature.trustedComment).toContain('tambon:800108 seq:1');

    const pub = path.join(ctx.dir, 'nasai.pub');
    await ok(ctx, 'packages.exportPublicKey', { path: pub });
    if (!minisign.ok) {
      if (process.env.CI === 'true') throw new Error(`CI=true and ${minisign.reason}`);
      console.warn(`[packages] minisign check skipped: ${minisign.reason}`);
      return;
    }
    const verified = minisignVerify(minisign.path, outcome.file, pub, ctx.dir);
    expect(verified.output).toContain('Signature and comment signature verified');
    expect(verified.output).toContain('tambon:800108 seq:1');
    expect(verified.status).toBe(0);
    // Tampering with the manifest by one byte: minisign refuses it.
    const tampered = path.join(ctx.dir, 'tampered.tpkg');
    const { writeZip } = await import('../../src/main/services/packages/zip');
    const files = Object.entries(entries).map(([name, data]) => ({ name, data: Buffer.from(data) }));
    files.find((f) => f.name === 'manifest.json')!.data = Buffer.from(text(entries['manifest.json']).replace('"seq": 1', '"seq": 9'));
    fs.writeFileSync(tampered, writeZip(files));
    expect(text(zipEntries(tampered)['manifest.json'])).toContain('"seq": 9');
    expect(minisignVerify(minisign.path, tampered, pub, ctx.dir).status).not.toBe(0);
  });

  it('refuses a wrong passphrase and writes nothing, uses no seq', async () => {
    const ctx = context();
    await createTambon(ctx, '800108');
    await ok(ctx, 'packages.createKey', { passphrase });
    const out = path.join(ctx.dir, 'out');
    const error = await fails(ctx, 'packages.export', { folder: out, passphrase: 'not-the-passphrase' });
    expect(error).toMatchObject({ code: 'REFUSED', field: 'passphrase' });
    expect(error.messageTh).toContain('รหัสผ่านกุญแจไม่ถูกต้อง');
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
    expect((await ok(ctx, 'packages.export', { folder: out, passphrase })).seq).toBe(1);
  });
});

describe('remembering the key (Electron, a real keyring)', () => {
  it('remembers the unlocked key only where the secret store is real, and forgets it', async () => {
    const ctx = context();
    await createTambon(ctx, '800108');
    const out = path.join(ctx.dir, 'out');
    // No real store (the CLI, the harness, Linux's basic_text): asked to remember, nothing is kept.
    await ok(ctx, 'packages.export', { folder: out, passphrase, remember: true });
    expect((await ok(ctx, 'packages.key'))!.remembered).toBe(false);
    expect((await fails(ctx, 'packages.export', { folder: out })).field).toBe('passphrase');
    // A store that protects (a stand-in for DPAPI or a keychain): the key is kept sealed, never in clear.
    ctx.secrets = { available: () => true, protect: (b) => Buffer.from(b.toString('hex').split('').reverse().join('')), unprotect: (b) => Buffer.from(b.toString().split('').reverse().join(''), 'hex') };
    await ok(ctx, 'packages.export', { folder: out, passphrase, remember: true });
    expect((await ok(ctx, 'packages.key'))!.remembered).toBe(true);
    expect((await ok(ctx, 'packages.export', { folder: out })).seq).toBe(3);
    await ok(ctx, 'packages.forgetKey');
    expect((await ok(ctx, 'packages.key'))!.remembered).toBe(false);
    expect((await fails(ctx, 'packages.export', { folder: out })).field).toBe('passphrase');
  });
});

describe('seq', () => {
  it('increases by one, chains the previous hash, and never repeats after restoring a backup', async () => {
    const ctx = context();
    await createTambon(ctx, '800108');
    const out = path.join(ctx.dir, 'out');
    const first = await ok(ctx, 'packages.export', { folder: out, passphrase });
    const backup = await ok(ctx, 'backups.create');
    const second = await ok(ctx, 'packages.export', { folder: out, passphrase });
    expect(second.seq).toBe(2);
    expect((JSON.parse(text(zipEntries(second.file)['manifest.json'])) as { previousSha256: string }).previousSha256).toBe(first.sha256);
    await ok(ctx, 'backups.restore', { file: backup.file });
    // The restored workspace's history ends at seq 1; the mark beside the key says 2.
    expect((await ok(ctx, 'packages.history')).map((h) => h.seq)).toEqual([1]);
    const third = await ok(ctx, 'packages.export', { folder: out, passphrase });
    expect(third.seq).toBe(3);
    expect((JSON.parse(text(zipEntries(third.file)['manifest.json'])) as { previousSha256: string }).previousSha256).toBe(second.sha256);
    const history = await ok(ctx, 'packages.history');
    expect(history[0]).toMatchObject({ seq: 3, sha256: third.sha256, bytes: third.bytes, file: third.file, households: false });
    expect(history[0]!.rows.strategic_issues).toBe(5);
  });

  it('a failed write leaves no package and records nothing, and the next export does not reuse its seq', async () => {
    const ctx = context();
    await createTambon(ctx, '800108');
    const out = path.join(ctx.dir, 'out');
    await ok(ctx, 'packages.export', { folder: out, passphrase });
    const real = ctx.fs;
    ctx.fs = faultyFs(real, { op: 'rename', code: 'ENOSPC', when: (f) => f.endsWith('.tpkg') });
    ctx.fs = faultyFs(ctx.fs, { op: 'link', code: 'ENOSPC', when: (f) => f.endsWith('.tpkg') });
    const error = await fails(ctx, 'packages.export', { folder: out, passphrase });
    expect(error.messageTh).toContain('พื้นที่ดิสก์เต็ม');
    expect(fs.readdirSync(out)).toEqual(['800108-1.tpkg']);
    expect((await ok(ctx, 'packages.history')).length).toBe(1);
    ctx.fs = real;
    expect((await ok(ctx, 'packages.export', { folder: out, passphrase })).seq).toBe(3);
  });

  it('a preview is unsigned, uses no seq and records nothing', async () => {
    const ctx = context();
    await createTambon(ctx, '800108');
    const out = path.join(ctx.dir, 'out');
    const preview = await ok(ctx, 'packages.export', { folder: out, preview: true });
    expect(preview).toMatchObject({ preview: true, seq: 0, keyId: null });
    expect(Object.keys(zipEntries(preview.file))).not.toContain('manifest.json.minisig');
    expect(await ok(ctx, 'packages.key')).toBeNull();
    expect(await ok(ctx, 'packages.history')).toEqual([]);
    expect((await ok(ctx, 'packages.export', { folder: out, passphrase })).seq).toBe(1);
  });
});

describe('what travels', () => {
  it('never carries names or citizen ids; household rows only with households, their ids hashed', async () => {
    const ctx = context();
    await ok(ctx, 'prefs.set', { operatorName: 'นางสาวผู้บันทึก ลับเฉพาะ' });
    await createTambon(ctx, '800108');
    const citizenId = '3800100123457';
    await ok(ctx, 'villages.add', { moo: 1, name: 'บ้านนาทราย', headman: `นายสมชาย ใจดี ${citizenId}` });
    await ok(ctx, 'villages.add', { moo: 2, name: 'บ้านควนหรั่ง', headman: 'นางประไพ ทองคำ' });
    const ws = ctx.session.workspace!;
    createPlanTables(ws.sqlite);
    fillPlan(ws.sqlite, { villages: 2, issues: 2, problemsPerIssue: 2, projects: 4, households: 5, ledgerLines: 6, indicators: 3 }, 7);
    const houseCodes = ws.sqlite.prepare('select house_code from households').pluck().all() as string[];
    // A lesson learned travels; the name of its recorder (ผู้บันทึก) does not.
    await ok(ctx, 'lessons.create', {
      values: { title: 'บทเรียนการทำปุ๋ยหมัก', heldOn: '2026-05-20', place: null, recorder: 'นางผู้ถอด บทเรียนลับ', story: 'เรื่องเล่าของกลุ่ม', knowledgeAssets: '', coreCompetency: '', strategy: '', relatedRules: '', keywords: ['ปุ๋ย'], target: null },
    });
    const out = path.join(ctx.dir, 'out');
    const forbidden = ['นายสมชาย', 'ใจดี', citizenId, 'นางประไพ', 'ทองคำ', 'นางสาวผู้บันทึก', 'ลับเฉพาะ', 'นางผู้ถอด', 'บทเรียนลับ', passphrase];
    const scan = (file: string, extra: string[]) => {
      for (const [name, data] of Object.entries(zipEntries(file))) {
        const content = text(data);
        for (const word of [...forbidden, ...extra]) expect(content.includes(word), `${word} in ${name}`).toBe(false);
      }
    };
    const aggregate = await exportPackage(ctx, ws, { outDir: out, passphrase, catalog: planCatalog() });
    expect(Object.keys(aggregate.tables)).not.toContain('households');
    expect(aggregate.local).toEqual(expect.arrayContaining(['village_contacts', 'audit_log', 'meta', 'households', 'ledger_lines', 'lesson_recorders']));
    expect(aggregate.tables).toMatchObject({ lessons: { travel: 'aggregate', rows: 1 }, project_updates: { travel: 'aggregate', rows: 0 } });
    expect(text(zipEntries(aggregate.file)['data/lessons.csv'])).toContain('บทเรียนการทำปุ๋ยหมัก');
    scan(aggregate.file, houseCodes);
    const withHouseholds = await exportPackage(ctx, ws, { outDir: out, passphrase, households: true, catalog: planCatalog() });
    expect(withHouseholds.tables.households).toEqual({ travel: 'household', rows: 5 });
    const entries = zipEntries(withHouseholds.file);
    expect(JSON.parse(text(entries['manifest.json']))).toMatchObject({ households: true, tables: { households: { travel: 'household', rows: 5 } } });
    scan(withHouseholds.file, houseCodes);
    // The same house code hashes alike in both tables (the link survives), and again in the next package.
    const hashed = text(entries['data/households.csv']).split('\r\n')[1]!.split(',')[4]!;
    expect(hashed).toMatch(/^[0-9a-f]{64}$/);
    expect(text(entries['data/ledger_lines.csv'])).toContain(hashed);
    const again = await exportPackage(ctx, ws, { outDir: out, passphrase, households: true, catalog: planCatalog() });
    expect(text(zipEntries(again.file)['data/households.csv'])).toContain(hashed);
  });
});

describe('rotation and verification', () => {
  it('rotates: a statement signed by both keys, the new key signs from the next seq; verify checks with and without a key', async () => {
    const ctx = context();
    await createTambon(ctx, '800108');
    const out = path.join(ctx.dir, 'out');
    const first = await ok(ctx, 'packages.export', { folder: out, passphrase });
    const oldPub = path.join(ctx.dir, 'old.pub');
    await ok(ctx, 'packages.exportPublicKey', { path: oldPub });
    const rotated = await ok(ctx, 'packages.rotateKey', { oldPassphrase: passphrase, newPassphrase: 'ใหม่-new-passphrase', path: path.join(ctx.dir, 'rotation.json') });
    expect(rotated.fromSeq).toBe(2);
    expect(rotated.next.keyId).not.toBe(rotated.old.keyId);
    expect(fs.existsSync(path.join(ctx.homeDir, 'keys', '800108', 'retired', `${rotated.old.keyId}.key`))).toBe(true);
    expect((await fails(ctx, 'packages.export', { folder: out, passphrase })).field).toBe('passphrase');
    const second = await ok(ctx, 'packages.export', { folder: out, passphrase: 'ใหม่-new-passphrase' });
    expect(second).toMatchObject({ seq: 2, keyId: rotated.next.keyId });

    expect(await ok(ctx, 'packages.verify', { path: first.file })).toMatchObject({ ok: false, reason: 'signature not checked', tambonCode: '800108', seq: 1 });
    const oldKey = fs.readFileSync(oldPub, 'utf8');
    expect(await ok(ctx, 'packages.verify', { path: first.file, publicKey: oldKey })).toMatchObject({ ok: true, tambonCode: '800108', seq: 1, keyId: rotated.old.keyId, packageSha256: first.sha256 });
    expect(await ok(ctx, 'packages.verify', { path: second.file, publicKey: oldKey })).toMatchObject({ ok: false });
  });

  it('backs the key up and restores it on another PC, seq mark included', async () => {
    const ctx = context();
    await createTambon(ctx, '800108');
    const out = path.join(ctx.dir, 'out');
    await ok(ctx, 'packages.export', { folder: out, passphrase });
    const backup = path.join(ctx.dir, 'usb', 'nasai-key.tpkey');
    await ok(ctx, 'packages.backupKey', { path: backup });
    expect(fs.readFileSync(backup, 'utf8')).not.toContain(passphrase);
    const file = ctx.session.workspace!.file;
    await ok(ctx, 'workspace.close');
    const other = context();
    await ok(other, 'workspace.open', { path: file });
    // Without the workspace's history (a fresh copy), the mark from the backup still says 1.
    other.session.workspace!.sqlite.prepare('delete from package_exports').run();
    expect((await fails(other, 'packages.restoreKey', { path: backup, passphrase: 'wrong-passphrase' })).field).toBe('passphrase');
    const restored = await ok(other, 'packages.restoreKey', { path: backup, passphrase });
    expect(restored.keyId).toBe((await readKeyFile(ctx, '800108'))!.keyId);
    expect((await ok(other, 'packages.export', { folder: out, passphrase })).seq).toBe(2);
  });
});

describe('the command line', () => {
  const cli = async (args: string[], env: Record<string, string>, cwd: string) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env, cwd, resourcesDir, appVersion: '0.0.0-test' });
    return { code, stdout, stderr };
  };

  it('exports, shows the key, verifies; without a passphrase and a terminal it exits 2', async () => {
    const ctx = context();
    const dir = ctx.dir;
    const env = { TAMBON_PLAN_HOME: path.join(dir, 'clihome') };
    expect((await cli(['init', '--workspace', 'w.tambon', '--tambon', '800108'], env, dir)).code).toBe(0);
    const noPass = await cli(['export', '--workspace', 'w.tambon', 'package', '--out', 'out'], env, dir);
    expect(noPass.code).toBe(2);
    expect(noPass.stderr).toContain('TAMBON_PLAN_PASSPHRASE');
    const withPass = { ...env, TAMBON_PLAN_PASSPHRASE: passphrase };
    const exported = await cli(['export', '--workspace', 'w.tambon', 'package', '--out', 'out', '--json'], withPass, dir);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ seq: 1, file: path.join(dir, 'out', '800108-1.tpkg') });
    const shown = JSON.parse((await cli(['key', '--workspace', 'w.tambon', 'show', '--json'], env, dir)).stdout) as Record<string, string>;
    expect(Object.keys(shown)).toEqual(expect.arrayContaining(['keyId', 'fingerprint', 'publicKey']));
    expect(shown.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const unchecked = await cli(['verify', 'out/800108-1.tpkg', '--json'], env, dir);
    expect(unchecked.code).toBe(1);
    expect(JSON.parse(unchecked.stdout)).toMatchObject({ ok: false, reason: 'signature not checked', tambonCode: '800108', seq: 1 });
    expect((await cli(['key', '--workspace', 'w.tambon', 'export-public', '--out', 'k.pub'], env, dir)).code).toBe(0);
    const checked = await cli(['verify', 'out/800108-1.tpkg', '--pubkey', 'k.pub', '--json'], env, dir);
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.stdout)).toMatchObject({ ok: true, keyId: shown.keyId, reason: null });
  });
});
