/**
 * Importing a tambon's package at the data center. For each file:
 *   1. size cap, then its SHA-256: a file already applied is "already imported" and nothing
 *      changes; one already quarantined or archived as stale answers the same again;
 *   2. verify before parsing (packages/read.ts): zip limits and names, the signature by an
 *      enrolled key valid for that seq, every size and hash, the format's major version;
 *   3. against the tambon's last applied package: same seq with another hash → conflict
 *      (quarantined); a lower seq → stale (archived, not applied); a gap → applied, with the
 *      missing seqs reported;
 *   4. a dry-run diff per table (new / changed / unchanged / deleted / rejected, "changed" by a
 *      hash of the row's content, never by `rev`), then — unless it is a dry run — one atomic
 *      apply: the file archived content-addressed, every revision appended to the history (a
 *      row's current state is its last revision: revisions.ts), the package recorded.
 * A refused package is kept in quarantine with its reason, never deleted; a dry run writes
 * nothing at all. A batch goes on past a bad package.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ImportOutcome, RejectionGroup, TableDiff } from '../../../shared/domain/datacenter';
import { tambonInArea, type Area } from '../../../shared/domain/datacenter';
import { ServiceError } from '../../../shared/domain/result';
import type { WriteTx } from '../../db/repository';
import { noteChange } from '../../db/repository';
import { writeFileAtomic } from '../files';
import { asOfNow, liveRowCounts } from './revisions';
import { assertWithinSizeCap, type FsPort } from '../ports';
import type { WriteSpec } from '../write';
import { sha256 } from '../packages/build';
import type { TableSpec } from '../packages/catalog';
import { packageCatalog } from '../packages/derived';
import { keyIdHex, decodePublicKey } from '../packages/minisign';
import { checkSignature, openPackage, PackageError, parseCell, readResource, verifyContents, type CellValue, type VerifiedPackage } from '../packages/read';

/** What an import works with: the data center's connection, its files folder, the fs port and the write pipeline. */
export interface Importer {
  sqlite: Database.Database;
  area: Area;
  filesDir: string;
  fs: FsPort;
  /**
   * The tables this build understands (the tambon workspace's registry; the bench adds its own).
   * The derived resources (packages/derived.ts) are understood besides, whatever the registry.
   */
  catalog: readonly TableSpec[];
  /** One write through the pipeline: one transaction with its audit record. */
  write<T>(spec: WriteSpec, body: (tx: WriteTx) => T): T;
  /** The largest package file read. */
  sizeCap?: number;
}

/** A package file to import: where it is and the name reported. */
export interface ImportFile {
  path: string;
  name: string;
}

/** Columns that change on every save and so are left out of a row's content hash. */
const volatile = new Set(['rev', 'updated_at']);

/**
 * A row's content hash is the first 128 bits of SHA-256 of the JSON array of its known columns'
 * values, in the catalogue's order, but `rev` and `updated_at` (which a restored backup can
 * repeat, or which change with nothing else). It tells a changed row from an unchanged one (the
 * package's integrity is the signature's and the file hashes' business), in half the bytes a full
 * hash takes in every current row.
 */
function contentHash(text: string): string {
  return crypto.hash('sha256', text, 'hex').slice(0, 32);
}

const emptyOutcome = (file: ImportFile): ImportOutcome => ({
  file: file.name,
  sha256: null,
  status: 'refused',
  tambonCode: null,
  seq: null,
  reason: null,
  reasonTh: null,
  reasonCode: null,
  missingSeqs: [],
  tables: {},
  rejected: [],
  warnings: [],
  kept: 'none',
});

interface Prepared {
  table: TableSpec;
  /** The content's column set: the known columns in the catalogue's order, `rev` and `updated_at` last. */
  columns: string[];
  diff: TableDiff;
  rejected: RejectionGroup[];
  /** Rows that go away (live here, absent from the package), with the history entry of their last content. */
  gone: { id: string; seq: number }[];
  /** The revisions to append; `op` as the history keeps it (a tombstone's revision is a deletion, whether or not the row was live before). */
  changes: { id: string; op: 'new' | 'changed' | 'deleted'; hash: string; content: string }[];
  /** The table's live rows once the package is applied. */
  live: number;
}

/** Reads one known table of a verified package and diffs it against the tambon's current rows. */
function prepareTable(im: Importer, pkg: VerifiedPackage, table: TableSpec, warnings: ImportOutcome['warnings'], withContent: boolean): Prepared {
  const resource = pkg.resources.find((r) => r.name === table.name)!;
  const records = readResource(pkg, resource);
  const byName = new Map(resource.fields.map((f, i) => [f.name, { field: f, index: i }]));
  for (const f of resource.fields) if (!table.columns.some((c) => c.name === f.name)) warnings.push({ code: 'unknown-column', table: table.name, column: f.name });
  for (const c of table.columns) if (!byName.has(c.name)) warnings.push({ code: 'missing-column', table: table.name, column: c.name });
  const rejectedBy = new Map<RejectionGroup['reason'], RejectionGroup>();
  const reject = (reason: RejectionGroup['reason'], row: number, column: string | null, value: string | null) => {
    const group = rejectedBy.get(reason) ?? { table: table.name, reason, count: 0, examples: [] };
    group.count += 1;
    if (group.examples.length < 3) group.examples.push({ row, column, value: value === null ? null : value.slice(0, 80) });
    rejectedBy.set(reason, group);
  };
  // Each row's last revision: its hash, whether it is deleted, and its seq (where a deletion finds its last content).
  const current = new Map<string, { hash: string | null; deleted: boolean; seq: number }>();
  for (const r of statements(im.sqlite).currentRows.iterate(pkg.manifest.tambonCode, table.name) as Iterable<{ id: string; hash: string | null; op: string; seq: number }>) {
    current.set(r.id, { hash: r.hash, deleted: r.op === 'deleted', seq: r.seq });
  }
  const diff: TableDiff = { new: 0, changed: 0, unchanged: 0, deleted: 0, rejected: 0 };
  const changes: Prepared['changes'] = [];
  const seen = new Set<string>();
  let live = 0;
  // Resolved once per table: where each known column sits in the CSV and how it is parsed, in the
  // content's order — the hashed columns first, so the content without its tail is the hash's input.
  const hashed = table.columns.filter((c) => !volatile.has(c.name));
  const plan = [...hashed, ...table.columns.filter((c) => volatile.has(c.name))].map((column) => {
    const at = byName.get(column.name);
    return { name: column.name, index: at?.index ?? -1, type: at?.field.type ?? 'string' };
  });
  const idAt = plan.findIndex((c) => c.name === 'id');
  const deletedAt = plan.findIndex((c) => c.name === 'deleted_at');
  const values: CellValue[] = new Array<CellValue>(plan.length);
  for (let r = 0; r < records.length; r += 1) {
    const record = records[r]!;
    let bad = -1;
    for (let c = 0; c < plan.length; c += 1) {
      const column = plan[c]!;
      const value = column.index < 0 ? null : parseCell(column.type, record[column.index] ?? null);
      if (value === undefined) {
        bad = c;
        break;
      }
      values[c] = value;
    }
    if (bad >= 0) {
      reject('bad-value', r + 2, plan[bad]!.name, record[plan[bad]!.index] ?? null);
      continue;
    }
    const id = idAt < 0 ? null : values[idAt];
    if (typeof id !== 'string' || id === '') {
      reject('missing-id', r + 2, 'id', null);
      continue;
    }
    if (seen.has(id)) {
      reject('duplicate-id', r + 2, 'id', id);
      continue;
    }
    seen.add(id);
    // The content is a JSON array built as text; a dry run needs only its hashed head.
    let head = '';
    for (let c = 0; c < hashed.length; c += 1) head += `${c ? ',' : ''}${JSON.stringify(values[c])}`;
    const hash = contentHash(`[${head}]`);
    const tombstone = deletedAt >= 0 && values[deletedAt] !== null;
    if (!tombstone) live += 1;
    const now = current.get(id);
    let op: 'new' | 'changed' | 'deleted' | 'unchanged';
    if (!now) op = tombstone ? 'deleted' : 'new';
    else if (now.hash === hash && now.deleted === tombstone) op = 'unchanged';
    else if (tombstone && !now.deleted) op = 'deleted';
    else op = 'changed';
    diff[op] += 1;
    if (op === 'unchanged' || !withContent) continue;
    let tail = '';
    for (let c = hashed.length; c < plan.length; c += 1) tail += `,${JSON.stringify(values[c])}`;
    changes.push({ id, op: tombstone ? 'deleted' : op, hash, content: `[${head}${tail}]` });
  }
  const rejected = [...rejectedBy.values()];
  diff.rejected = rejected.reduce((n, g) => n + g.count, 0);
  const gone: { id: string; seq: number }[] = [];
  for (const [id, now] of current) if (!now.deleted && !seen.has(id)) gone.push({ id, seq: now.seq });
  diff.deleted += gone.length;
  return { table, columns: plan.map((c) => c.name), diff, rejected, gone, changes, live };
}

/** The seqs between the last one received and this one that never arrived. */
function missingSeqs(im: Importer, tambonCode: string, seq: number): number[] {
  const q = statements(im.sqlite);
  const have = new Set((q.seqsReceived.all(tambonCode) as number[]).concat(q.seqsQuarantined.all(tambonCode) as number[]));
  const missing: number[] = [];
  for (let s = 1; s < seq && missing.length < 1000; s += 1) if (!have.has(s)) missing.push(s);
  return missing;
}

/** Keeps a refused package in quarantine (its file content-addressed, its record with the reason). */
async function quarantine(im: Importer, file: ImportFile, data: Buffer, hash: string, outcome: ImportOutcome, error: { code: string; th: string; en: string }): Promise<void> {
  const stored = path.join('quarantine', `${hash}.tpkg`);
  const target = path.join(im.filesDir, stored);
  if (!(await im.fs.exists(target))) await writeFileAtomic(im.fs, target, data, 'create');
  im.write({ capability: 'datacenter', action: 'datacenter.quarantine' }, (tx) => {
    im.sqlite
      .prepare(
        `insert into dc_quarantine (sha256, file_name, status, reason_code, reason_th, reason_en, tambon_code, seq, stored_path, bytes, at, operator)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (sha256) do nothing`,
      )
      .run(hash, file.name, outcome.status, error.code, error.th, error.en, outcome.tambonCode, outcome.seq, stored, data.length, tx.now.toISOString(), tx.operator);
    noteChange(tx, 'dc_quarantine');
    tx.detail = { file: file.name, sha256: hash, reason: error.code };
  });
  outcome.kept = 'quarantine';
}

/** The refusal as an outcome. */
function refuse(outcome: ImportOutcome, status: 'refused' | 'conflict', code: string, th: string, en: string): ImportOutcome {
  return Object.assign(outcome, { status, reasonCode: code, reason: en, reasonTh: th });
}

/**
 * Imports one package file (see the module comment) and answers its outcome. Never throws for a
 * bad package: the outcome says why. Throws only when the data center itself cannot be written.
 */
export async function importOne(im: Importer, file: ImportFile, dryRun: boolean): Promise<ImportOutcome> {
  const outcome = emptyOutcome(file);
  let data: Buffer;
  try {
    await assertWithinSizeCap(im.fs, file.path, im.sizeCap);
    data = await im.fs.readFile(file.path);
  } catch (error) {
    if (error instanceof ServiceError) return refuse(outcome, 'refused', 'too-large', error.messageTh, error.message);
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      return refuse(outcome, 'refused', 'unreadable', `อ่านไฟล์ไม่ได้: ${file.name}`, `Cannot read the file: ${file.name}`);
    }
    throw error;
  }
  const hash = sha256(data);
  outcome.sha256 = hash;
  const q = statements(im.sqlite);
  const known = q.packageByHash.get(hash) as { status: string; tambonCode: string; seq: number } | undefined;
  if (known) {
    Object.assign(outcome, { tambonCode: known.tambonCode, seq: known.seq, kept: 'archive' });
    if (known.status === 'applied') return Object.assign(outcome, { status: 'already-imported', reason: 'already imported', reasonTh: 'นำเข้าแล้ว ไม่มีอะไรเปลี่ยน', reasonCode: 'already-imported' });
    return Object.assign(outcome, {
      status: 'stale',
      reasonCode: 'stale',
      reason: 'stale: older than the latest package applied; archived before, not applied',
      reasonTh: 'ชุดข้อมูลนี้เก่ากว่าชุดล่าสุดที่ใช้อยู่ (เก็บไว้แล้ว ไม่นำไปใช้)',
    });
  }
  const quarantined = q.quarantinedByHash.get(hash) as
    | { status: 'refused' | 'conflict'; code: string; th: string; en: string; tambonCode: string | null; seq: number | null }
    | undefined;
  if (quarantined) {
    Object.assign(outcome, { tambonCode: quarantined.tambonCode, seq: quarantined.seq, kept: 'quarantine' });
    return refuse(outcome, quarantined.status, quarantined.code, quarantined.th, quarantined.en);
  }

  // The archive file is written (and flushed to disk) while the package is verified and parsed:
  // the parse yields between tables so the file's steps go on meanwhile. A refused package's copy
  // is removed again; it goes to the quarantine instead.
  const filing = dryRun ? null : fileArchive(im, data, hash);
  filing?.catch(() => undefined); // awaited below; a failure is reported there
  const refuseAndKeep = async (status: 'refused' | 'conflict', code: string, th: string, en: string): Promise<ImportOutcome> => {
    refuse(outcome, status, code, th, en);
    if (filing) {
      const filed = await filing.catch(() => null);
      if (filed?.created) await im.fs.remove(path.join(im.filesDir, filed.stored)).catch(() => undefined);
      await quarantine(im, file, data, hash, outcome, { code, th, en });
    }
    return outcome;
  };

  let pkg: VerifiedPackage;
  let key: { tambon_code: string; key_id: string; public_key: string; valid_from_seq: number; revoked_after_seq: number | null };
  try {
    const opened = openPackage(data);
    outcome.tambonCode = opened.claimed?.tambonCode ?? null;
    outcome.seq = opened.claimed?.seq ?? null;
    if (!opened.signature) throw new PackageError('unsigned', 'ชุดข้อมูลนี้ไม่มีลายเซ็น (อาจเป็นชุดตัวอย่าง) จึงไม่รับ', 'The package is not signed (it may be a preview); refused');
    const found = q.keyById.get(keyIdHex(opened.signature.keyId)) as typeof key | undefined;
    if (!found) {
      if (opened.claimed && !tambonInArea(opened.claimed.tambonCode, im.area.code)) {
        throw new PackageError(
          'outside-area',
          `ชุดข้อมูลนี้มาจากตำบล ${opened.claimed.tambonCode} ซึ่งไม่อยู่ในพื้นที่ของศูนย์ข้อมูลนี้ (รหัส ${im.area.code}) และกุญแจไม่ได้ลงทะเบียนไว้`,
          `The package comes from tambon ${opened.claimed.tambonCode}, which is not in this data center's area (${im.area.code}), and its key is not enrolled`,
        );
      }
      throw new PackageError('unknown-key', 'ลงนามด้วยกุญแจที่ไม่ได้ลงทะเบียนไว้ จึงไม่รับ', 'Signed with a key that is not enrolled; refused');
    }
    key = found;
    const pub = decodePublicKey(key.public_key)!;
    checkSignature(opened, pub.keyId, pub.publicKey);
    pkg = verifyContents(opened);
    outcome.tambonCode = pkg.manifest.tambonCode;
    outcome.seq = pkg.manifest.seq;
    if (pkg.manifest.tambonCode !== key.tambon_code) {
      throw new PackageError(
        'tambon-mismatch',
        `ชุดข้อมูลระบุตำบล ${pkg.manifest.tambonCode} แต่กุญแจที่ลงนามลงทะเบียนไว้สำหรับตำบล ${key.tambon_code}`,
        `The package names tambon ${pkg.manifest.tambonCode}, but its signing key is enrolled for tambon ${key.tambon_code}`,
      );
    }
    if (!tambonInArea(pkg.manifest.tambonCode, im.area.code)) {
      throw new PackageError('outside-area', `ตำบล ${pkg.manifest.tambonCode} ไม่อยู่ในพื้นที่ของศูนย์ข้อมูลนี้`, `Tambon ${pkg.manifest.tambonCode} is not in this data center's area`);
    }
    if (pkg.manifest.seq < key.valid_from_seq) {
      throw new PackageError('not-yet-valid', `กุญแจนี้ใช้ได้ตั้งแต่ชุดลำดับที่ ${key.valid_from_seq} แต่ชุดข้อมูลนี้เป็นลำดับที่ ${pkg.manifest.seq}`, `This key signs from seq ${key.valid_from_seq}, but the package is seq ${pkg.manifest.seq}`);
    }
    if (key.revoked_after_seq !== null && pkg.manifest.seq > key.revoked_after_seq) {
      throw new PackageError('revoked', `กุญแจนี้ถูกเพิกถอนหลังชุดลำดับที่ ${key.revoked_after_seq} จึงไม่รับชุดลำดับที่ ${pkg.manifest.seq}`, `This key was revoked after seq ${key.revoked_after_seq}, so seq ${pkg.manifest.seq} is refused`);
    }
  } catch (error) {
    if (error instanceof PackageError) return refuseAndKeep('refused', error.code, error.messageTh, error.message);
    throw error;
  }
  const { manifest } = pkg;
  const last = q.lastApplied.get(manifest.tambonCode) as
    | { seq: number; sha256: string }
    | undefined;
  if (last && last.seq === manifest.seq) {
    return refuseAndKeep(
      'conflict',
      'conflict',
      `ได้รับชุดลำดับที่ ${manifest.seq} ของตำบลนี้แล้ว แต่ไฟล์นี้ต่างจากชุดนั้น (กักไว้ตรวจสอบ)`,
      `Seq ${manifest.seq} of this tambon was already applied, and this file differs from it (quarantined as a conflict)`,
    );
  }
  if (last && manifest.seq < last.seq) {
    Object.assign(outcome, {
      status: 'stale',
      reasonCode: 'stale',
      reason: `stale: seq ${manifest.seq} is older than the applied seq ${last.seq}; archived, not applied`,
      reasonTh: `ชุดลำดับที่ ${manifest.seq} เก่ากว่าชุดที่ใช้อยู่ (ลำดับที่ ${last.seq}) เก็บไว้ ไม่นำไปใช้`,
    });
    if (filing) await archive(im, file, data.length, hash, pkg, key.key_id, 'stale', outcome, filing);
    return outcome;
  }
  const warnings: ImportOutcome['warnings'] = [];
  const understood = new Map(packageCatalog(im.catalog).filter((t) => t.travel !== 'local').map((t) => [t.name, t]));
  const prepared: Prepared[] = [];
  try {
    for (const resource of pkg.resources) {
      const table = understood.get(resource.name);
      if (!table || (table.travel === 'household' && !manifest.households)) {
        warnings.push({ code: 'unknown-table', table: resource.name, column: null });
        continue;
      }
      prepared.push(prepareTable(im, pkg, table, warnings, !dryRun));
      if (filing) await new Promise(setImmediate);
    }
  } catch (error) {
    if (error instanceof PackageError) return refuseAndKeep('refused', error.code, error.messageTh, error.message);
    throw error;
  }
  outcome.warnings = warnings;
  outcome.tables = Object.fromEntries(prepared.map((p) => [p.table.name, p.diff]));
  outcome.rejected = prepared.flatMap((p) => p.rejected);
  outcome.missingSeqs = missingSeqs(im, manifest.tambonCode, manifest.seq);
  if (!filing) return Object.assign(outcome, { status: 'dry-run' });
  await archive(im, file, data.length, hash, pkg, key.key_id, 'applied', outcome, filing, prepared);
  outcome.status = 'applied';
  return outcome;
}

/**
 * Writes a package file into the archive, content-addressed, flushed to disk; answers its path
 * relative to the files folder and whether this call wrote it. A file already there (left by a
 * failed transaction) is the same bytes under the same name.
 */
async function fileArchive(im: Importer, data: Buffer, hash: string): Promise<{ stored: string; created: boolean }> {
  const stored = path.join('archive', hash.slice(0, 2), `${hash}.tpkg`);
  const target = path.join(im.filesDir, stored);
  if (await im.fs.exists(target)) return { stored, created: false };
  await writeFileAtomic(im.fs, target, data, 'create');
  return { stored, created: true };
}

/** Rows to a statement in a batched insert. */
const batchRows = 64;

/** An insert of one row and of {@link batchRows} rows: `insert … values` then `(?, …)` per row, then `tail`. */
interface Batched {
  width: number;
  one: Database.Statement;
  many: Database.Statement;
}

function batched(sqlite: Database.Database, head: string, width: number, tail = ''): Batched {
  const row = `(${new Array<string>(width).fill('?').join(', ')})`;
  return {
    width,
    one: sqlite.prepare(`${head} ${row} ${tail}`),
    many: sqlite.prepare(`${head} ${new Array<string>(batchRows).fill(row).join(', ')} ${tail}`),
  };
}

/** Rows added one at a time and inserted {@link batchRows} to a call; `flush` inserts the rest. */
function batcher(insert: Batched): { add: (...values: unknown[]) => void; flush: () => void } {
  const args = new Array<unknown>(insert.width * batchRows);
  let at = 0;
  return {
    add: (...values) => {
      for (const value of values) args[at++] = value;
      if (at === args.length) {
        insert.many.run(args);
        at = 0;
      }
    },
    flush: () => {
      for (let row = 0; row < at; row += insert.width) insert.one.run(args.slice(row, row + insert.width));
      at = 0;
    },
  };
}

/** The apply's statements, prepared once per connection. */
const statementsOf = new WeakMap<Database.Database, ReturnType<typeof prepareStatements>>();
function statements(sqlite: Database.Database): ReturnType<typeof prepareStatements> {
  let q = statementsOf.get(sqlite);
  if (!q) statementsOf.set(sqlite, (q = prepareStatements(sqlite)));
  return q;
}
function prepareStatements(sqlite: Database.Database) {
  return {
    packageByHash: sqlite.prepare('select status, tambon_code as tambonCode, seq from dc_packages where sha256 = ?'),
    quarantinedByHash: sqlite.prepare('select status, reason_code as code, reason_th as th, reason_en as en, tambon_code as tambonCode, seq from dc_quarantine where sha256 = ?'),
    keyById: sqlite.prepare('select * from dc_keys where key_id = ?'),
    lastApplied: sqlite.prepare("select seq, sha256 from dc_packages where tambon_code = ? and status = 'applied' order by seq desc limit 1"),
    seqsReceived: sqlite.prepare('select seq from dc_packages where tambon_code = ?').pluck(),
    seqsQuarantined: sqlite.prepare('select seq from dc_quarantine where tambon_code = ? and seq is not null').pluck(),
    // Each row's last revision (SQLite takes the bare columns of max() from the row holding it).
    currentRows: sqlite.prepare('select row_id as id, content_hash as hash, op, max(seq) as seq from dc_row_history where tambon_code = ? and table_name = ? group by row_id'),
    recordPackage: sqlite.prepare(
      `insert into dc_packages (sha256, tambon_code, seq, package_id, key_id, status, file_name, archive_path, bytes, manifest, created_at, imported_at, operator, missing_seqs, tables, warnings, live_rows)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    history: batched(sqlite, 'insert into dc_row_history (tambon_code, table_name, row_id, seq, package_id, op, content_hash, content, column_set_id) values', 9),
    revision: sqlite.prepare('select content_hash as hash, content, column_set_id as columnSet from dc_row_history where tambon_code = ? and table_name = ? and row_id = ? and seq = ?'),
    lastLiveRows: sqlite.prepare("select live_rows from dc_packages where tambon_code = ? and status = 'applied' order by seq desc limit 1").pluck(),
    addColumnSet: sqlite.prepare('insert into dc_column_sets (table_name, columns) values (?, ?) on conflict do nothing'),
    columnSet: sqlite.prepare('select id from dc_column_sets where table_name = ? and columns = ?').pluck(),
  };
}

/**
 * The live rows per table once `prepared` is applied: the package's tables as counted in the
 * diff, the others as the tambon's last applied package left them (counted from the history when
 * that package was applied before the counts were kept).
 */
function liveRowsAfter(sqlite: Database.Database, tambonCode: string, prepared: readonly Prepared[]): Record<string, number> {
  const previous = statements(sqlite).lastLiveRows.get(tambonCode) as string | null | undefined;
  const before = previous === undefined ? {} : previous === null ? liveRowCounts(sqlite, tambonCode, asOfNow) : (JSON.parse(previous) as Record<string, number>);
  return { ...before, ...Object.fromEntries(prepared.map((p) => [p.table.name, p.live])) };
}

/** Archives the file content-addressed and, in one transaction, records the package and applies its rows. */
async function archive(
  im: Importer,
  file: ImportFile,
  bytes: number,
  hash: string,
  pkg: VerifiedPackage,
  keyId: string,
  status: 'applied' | 'stale',
  outcome: ImportOutcome,
  filing: ReturnType<typeof fileArchive>,
  prepared: Prepared[] = [],
): Promise<void> {
  // The file first: the database never names a file that is not there. A leftover from a failed
  // transaction is the same bytes under the same name, harmless.
  const { stored } = await filing;
  const { manifest } = pkg;
  im.write({ capability: 'datacenter', action: status === 'applied' ? 'datacenter.apply' : 'datacenter.stale' }, (tx) => {
    const at = tx.now.toISOString();
    const q = statements(im.sqlite);
    // Counted before this package is recorded: the last applied one's counts are the start.
    const liveRows = status === 'applied' ? JSON.stringify(liveRowsAfter(im.sqlite, manifest.tambonCode, prepared)) : null;
    const recorded = q.recordPackage.run(
      hash,
      manifest.tambonCode,
      manifest.seq,
      manifest.packageId,
      keyId,
      status,
      file.name,
      stored,
      bytes,
      JSON.stringify(manifest),
      manifest.createdAt,
      at,
      tx.operator,
      JSON.stringify(outcome.missingSeqs),
      JSON.stringify(outcome.tables),
      JSON.stringify(outcome.warnings),
      liveRows,
    );
    noteChange(tx, 'dc_packages');
    if (status === 'applied') {
      // Revisions go in many to a statement: a call per row costs as much as the insert itself.
      const history = batcher(q.history);
      for (const p of prepared) {
        q.addColumnSet.run(p.table.name, JSON.stringify(p.columns));
        const columnSet = q.columnSet.get(p.table.name, JSON.stringify(p.columns)) as number;
        for (const c of p.changes) {
          history.add(manifest.tambonCode, p.table.name, c.id, manifest.seq, recorded.lastInsertRowid, c.op, c.hash, c.content, columnSet);
        }
        for (const g of p.gone) {
          // A deletion's revision keeps the row's last content, so the history alone tells what went.
          const last = q.revision.get(manifest.tambonCode, p.table.name, g.id, g.seq) as { hash: string | null; content: string | null; columnSet: number | null };
          history.add(manifest.tambonCode, p.table.name, g.id, manifest.seq, recorded.lastInsertRowid, 'deleted', last.hash, last.content, last.columnSet);
        }
      }
      history.flush();
      if (prepared.length) {
        noteChange(tx, 'dc_row_history');
        noteChange(tx, 'dc_column_sets');
      }
    }
    tx.detail = { file: file.name, sha256: hash, tambonCode: manifest.tambonCode, seq: manifest.seq, status };
  });
  outcome.kept = 'archive';
}

/** Imports files one after another, going on past a bad one; `progress` after each. */
export async function importMany(
  im: Importer,
  files: readonly ImportFile[],
  dryRun: boolean,
  hooks: { progress?: (done: number, outcome: ImportOutcome) => void; cancelled?: () => boolean } = {},
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  // A page cache of 32 MiB for the batch: a package's thousands of inserts touch the same pages.
  im.sqlite.pragma('cache_size = -32768');
  for (const file of files) {
    if (hooks.cancelled?.()) break;
    const outcome = await importOne(im, file, dryRun);
    outcomes.push(outcome);
    hooks.progress?.(outcomes.length, outcome);
  }
  return outcomes;
}

/** The .tpkg files of a folder (sorted by name), or the file itself. */
export async function expandPaths(fs: FsPort, paths: readonly string[]): Promise<ImportFile[]> {
  const files: ImportFile[] = [];
  for (const p of paths) {
    // A folder lists its files; a file (or anything unreadable, reported by the import) does not.
    const names = await fs.readdir(p).catch(() => null);
    if (names) {
      for (const name of names.filter((n) => n.toLowerCase().endsWith('.tpkg')).sort()) files.push({ path: path.join(p, name), name });
    } else files.push({ path: p, name: path.basename(p) });
  }
  return files;
}
