/** The pure parts of packages and the data center: CSV, fingerprints, trusted comments, the zip reader's refusals, dashboards. */
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv, CsvError } from '../../src/shared/domain/csv';
import { bmnFailing, issueTotals, projects, provincialBudgetRequests, reporting, type DashboardInput } from '../../src/shared/domain/dashboard';
import { batchSucceeded, tambonInArea } from '../../src/shared/domain/datacenter';
import { formatFingerprint, formatMajor, normalizeFingerprint, parseTrustedComment, trustedCommentOf } from '../../src/shared/domain/packages';
import { readZip, writeZip, ZipError, isSafeEntryName } from '../../src/main/services/packages/zip';
import { derivedCatalog, derivedRowId, packageCatalog } from '../../src/main/services/packages/derived';
import { workspaceCatalog } from '../../src/main/services/packages/catalog';
import { decodePublicKey, encodePublicKey, fingerprintOf, generateKeyPair, parseMinisign, signMinisign, verifyMinisign } from '../../src/main/services/packages/minisign';

describe('CSV', () => {
  it('round-trips any cells, telling null from the empty string', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.option(fc.string(), { nil: null }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 20 }), (rows) => {
        expect(readCsv(writeCsv(rows), 3)).toEqual(rows);
      }),
    );
    expect(writeCsv([[null, '', 'a,b', ' x', 'q"q']])).toBe(',"","a,b"," x","q""q"\r\n');
  });

  it('refuses malformed text rather than guess', () => {
    expect(() => readCsv('"open', 1)).toThrow(CsvError);
    expect(() => readCsv('a"b', 1)).toThrow(CsvError);
    expect(() => readCsv('"a"b', 1)).toThrow(CsvError);
    expect(() => readCsv('a,b\r\nc', 2)).toThrow(/expected 2 fields/);
    expect(() => readCsv('a\rb', 1)).toThrow(/carriage return/);
  });
});

describe('fingerprints and signatures', () => {
  it('shows a fingerprint in groups of four and reads it back whatever the spacing, dashes, case or Thai digits', () => {
    const hex = 'ab01'.repeat(16);
    expect(formatFingerprint(hex)).toBe(Array(16).fill('AB01').join(' '));
    expect(normalizeFingerprint(formatFingerprint(hex))).toBe(hex);
    expect(normalizeFingerprint(hex.toUpperCase().match(/.{4}/g)!.join('-'))).toBe(hex);
    expect(normalizeFingerprint('ab๐๑'.repeat(16))).toBe(hex);
    expect(normalizeFingerprint('ab01')).toBeNull();
    expect(normalizeFingerprint('zz'.repeat(32))).toBeNull();
  });

  it('makes keys and signatures in minisign format, and refuses a changed message, comment or key', () => {
    const key = generateKeyPair();
    const pub = decodePublicKey(encodePublicKey(key.keyId, key.publicKey))!;
    expect(pub.publicKey.equals(key.publicKey)).toBe(true);
    expect(fingerprintOf(key.keyId, key.publicKey)).toMatch(/^[0-9a-f]{64}$/);
    const comment = trustedCommentOf({ format: 'tambon-pkg/1', tambonCode: '800108', seq: 7, packageId: 'p' });
    expect(parseTrustedComment(comment)).toEqual({ tambonCode: '800108', seq: 7 });
    const sig = parseMinisign(signMinisign(key, Buffer.from('manifest'), comment))!;
    expect(verifyMinisign(sig, Buffer.from('manifest'), key.keyId, key.publicKey)).toBe(true);
    expect(verifyMinisign(sig, Buffer.from('manifesT'), key.keyId, key.publicKey)).toBe(false);
    expect(verifyMinisign({ ...sig, trustedComment: comment.replace('seq:7', 'seq:8') }, Buffer.from('manifest'), key.keyId, key.publicKey)).toBe(false);
    const other = generateKeyPair();
    expect(verifyMinisign(sig, Buffer.from('manifest'), key.keyId, other.publicKey)).toBe(false);
    expect(() => signMinisign(key, Buffer.from('m'), 'two\nlines')).toThrow();
    expect(parseMinisign('not a signature')).toBeNull();
    expect(decodePublicKey('RWQ=')).toBeNull();
  });

  it('reads format majors', () => {
    expect(formatMajor('tambon-pkg/1')).toBe(1);
    expect(formatMajor('tambon-pkg/2.3')).toBe(2);
    expect(formatMajor('other/1')).toBeNull();
    expect(formatMajor(7)).toBeNull();
  });
});

describe('the zip reader', () => {
  const plain = writeZip([
    { name: 'a.txt', data: Buffer.from('hello') },
    { name: 'dir/b.csv', data: Buffer.from('x'.repeat(1000)) },
  ]);

  it('writes zips another reader opens, and reads them back', () => {
    expect(Object.keys(unzipSync(plain))).toEqual(['a.txt', 'dir/b.csv']);
    expect(readZip(plain).map((e) => [e.name, e.read().length])).toEqual([
      ['a.txt', 5],
      ['dir/b.csv', 1000],
    ]);
  });

  it('refuses unsafe names, links, duplicates, bombs, lies about sizes, and trailing bytes', () => {
    for (const name of ['../x', '/etc/passwd', 'a/../b', 'C:\\x', 'a\\b', 'a//b', 'a\u0000b', '']) expect(isSafeEntryName(name), name).toBe(false);
    const refusal = (data: Buffer) => {
      try {
        readZip(data).forEach((e) => e.read());
        return 'none';
      } catch (error) {
        return error instanceof ZipError ? error.reason : 'other';
      }
    };
    expect(refusal(writeZip([{ name: 'x/../../y', data: Buffer.from('1') }]))).toBe('unsafe-name');
    expect(refusal(writeZip([{ name: 'l', data: Buffer.from('/etc'), externalAttributes: (0o120777 << 16) >>> 0 }]))).toBe('link');
    expect(refusal(writeZip([{ name: 'a', data: Buffer.from('1') }, { name: 'A', data: Buffer.from('2') }]))).toBe('duplicate-name');
    expect(refusal(writeZip([{ name: 'bomb', data: Buffer.alloc(20 * 1024 * 1024) }]))).toBe('ratio');
    expect(refusal(Buffer.concat([plain, Buffer.from('trailing')]))).toBe('unsupported');
    expect(refusal(plain.subarray(0, plain.length - 30))).toBe('truncated');
    // An entry that inflates to more than it declares is stopped at the declared size.
    const liar = Buffer.from(writeZip([{ name: 'a', data: Buffer.alloc(5000, 1) }]));
    const centralAt = liar.readUInt32LE(liar.length - 22 + 16);
    liar.writeUInt32LE(50, 22);
    liar.writeUInt32LE(50, centralAt + 24);
    expect(refusal(liar)).toBe('too-large');
    expect(refusal(Buffer.from('PK\u0003\u0004 nonsense'))).toBe('truncated');
    expect(refusal(Buffer.alloc(0))).toBe('not-zip');
  });
});

describe('derived resources', () => {
  it('travel as aggregates with an id key, never under a table’s name, with ids that depend only on their key', () => {
    const tables = new Set(workspaceCatalog().map((t) => t.name));
    for (const spec of derivedCatalog()) {
      expect(tables.has(spec.name), spec.name).toBe(false);
      expect(spec).toMatchObject({ travel: 'aggregate', primaryKey: ['id'], householdColumns: [] });
      expect(spec.columns.slice(0, 4).map((c) => c.name)).toEqual(['id', 'rev', 'updated_at', 'deleted_at']);
    }
    expect(packageCatalog(workspaceCatalog()).map((t) => t.name)).toEqual(expect.arrayContaining(['bmn_village_results', 'villages']));
    const id = derivedRowId('bmn_village_results', 'v1', 2563, 17);
    expect(id).toBe(derivedRowId('bmn_village_results', 'v1', 2563, 17));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set([id, derivedRowId('bmn_village_results', 'v1', 2563, 1), derivedRowId('bmn_village_results', 'v1', 2564, 17), derivedRowId('bmn_village_results', 'v2', 2563, 17)]).size).toBe(4);
  });
});

describe('dashboard numbers', () => {
  const rows: Record<string, Record<string, Record<string, unknown>[]>> = {
    '800108': {
      strategic_issues: [{ id: 'i1', no: 1, name_th: 'เกษตร', deleted_at: null }],
      pcs_rows: [
        { issue_id: 'i1', deleted_at: null },
        { issue_id: 'i1', deleted_at: '2026-01-01' },
      ],
      funders: [{ id: 'f1', name: 'อบจ.', funding_column: 'agency', deleted_at: null }],
      projects: [
        // Budget from the plan years; money from a column alone and from a funder.
        { id: 'p1', issue_id: 'i1', name: 'ก', year_budgets: '{"2570":60,"2571":40}', funding: '[{"funderId":null,"column":"province","amount":100}]', votes: 5, sort_key: 1, provincial_flag: true, deleted_at: null },
        // No plan year: the budget is the sum of its sources.
        { id: 'p2', issue_id: 'i1', name: 'ข', year_budgets: '{}', funding: '[{"funderId":"f1","column":"agency","amount":50}]', votes: 5, sort_key: 2, provincial_flag: false, deleted_at: null },
        { id: 'p3', issue_id: 'i1', name: 'ค', year_budgets: '{}', funding: '[]', votes: 9, sort_key: 3, provincial_flag: false, deleted_at: '2026-01-01' },
      ],
      // The facilitators put ข before ก (equal votes).
      forum_decisions: [{ id: 'd1', issue_id: 'i1', kind: 'tie-break', row_ids: '["p2","p1"]', note: '', updated_at: '2026-11-01T00:00:00Z', deleted_at: null }],
      // Two survey years: only the latest counts (village figures from household answers and from TPMAP counts alike).
      bmn_village_results: [
        { id: 'r1', village_id: 'v1', survey_year: 2564, set_id: 'bmn-2560-2564', indicator_no: 3, households: 12, in_scope: 10, failing: 2, source: 'households', deleted_at: null },
        { id: 'r2', village_id: 'v2', survey_year: 2564, set_id: 'bmn-2560-2564', indicator_no: 3, households: 40, in_scope: 30, failing: 1, source: 'aggregates', deleted_at: null },
        { id: 'r3', village_id: 'v2', survey_year: 2564, set_id: 'bmn-2560-2564', indicator_no: 5, households: 40, in_scope: 0, failing: 0, source: 'aggregates', deleted_at: null },
        { id: 'r4', village_id: 'v1', survey_year: 2563, set_id: 'bmn-2560-2564', indicator_no: 3, households: 12, in_scope: 10, failing: 7, source: 'households', deleted_at: null },
        { id: 'r5', village_id: 'v1', survey_year: 2563, set_id: 'bmn-2560-2564', indicator_no: 5, households: 12, in_scope: 10, failing: 4, source: 'households', deleted_at: null },
        // A figure gone (a village removed) counts no more.
        { id: 'r6', village_id: 'v3', survey_year: 2564, set_id: 'bmn-2560-2564', indicator_no: 5, households: 9, in_scope: 9, failing: 9, source: 'households', deleted_at: '2026-01-02' },
      ],
      // The raw TPMAP tables travel too, but the results are what count: they are not added again.
      bmn_village_surveys: [{ id: 's2564', survey_year: 2564, deleted_at: null }],
      bmn_village_indicators: [{ survey_id: 's2564', indicator_no: 3, in_scope: 30, failing: 1, deleted_at: null }],
    },
  };
  // A package from an app older than `bmn_village_results`: its TPMAP tables are read instead.
  rows['800103'] = {
    bmn_village_surveys: [
      { id: 'o2563', survey_year: 2563, deleted_at: null },
      { id: 'o2564', survey_year: 2564, deleted_at: null },
    ],
    bmn_village_indicators: [
      { survey_id: 'o2564', indicator_no: 3, in_scope: 8, failing: 3, deleted_at: null },
      { survey_id: 'o2564', indicator_no: 5, in_scope: 6, failing: 1, deleted_at: null },
      { survey_id: 'o2563', indicator_no: 5, in_scope: 6, failing: 6, deleted_at: null },
      { survey_id: 'gone', indicator_no: 7, in_scope: 6, failing: 6, deleted_at: null },
    ],
  };
  const input: DashboardInput = {
    tambons: [
      { code: '800108', nameTh: 'นาทราย', districtCode: '8001', districtNameTh: 'เมือง', seq: 2, createdAt: 'x' },
      { code: '800102', nameTh: 'ท่าวัง', districtCode: '8001', districtNameTh: 'เมือง', seq: null, createdAt: null },
      { code: '800103', nameTh: 'โพธิ์เสด็จ', districtCode: '8001', districtNameTh: 'เมือง', seq: 4, createdAt: 'x' },
    ],
    rows: (code, table) => rows[code]?.[table] ?? [],
  };

  it('counts live rows only, by district and issue, source and funder', () => {
    expect(reporting(input).nothingReceived.map((t) => t.code)).toEqual(['800102']);
    expect(issueTotals(input)).toEqual([
      { districtCode: '8001', districtNameTh: 'เมือง', issueNo: 1, issueNameTh: 'เกษตร', problems: 1, projects: 2, budget: 150, bySource: { local: 0, agency: 50, province: 100 }, byFunder: { province: 100, 'อบจ.': 50 } },
    ]);
    expect(provincialBudgetRequests(input).map((p) => p.name)).toEqual(['ก']);
    expect(projects(input).map((p) => [p.name, p.rank, p.source, p.flagged])).toEqual([
      ['ข', 1, 'agency', false],
      ['ก', 2, 'province', true],
    ]);
    expect(bmnFailing(input)).toEqual([
      { indicatorNo: 3, tambonsFailing: 2, inScope: 10 + 30 + 8, failing: 2 + 1 + 3 },
      { indicatorNo: 5, tambonsFailing: 1, inScope: 6, failing: 1 },
    ]);
  });

  it('knows the area and what a batch exits with', () => {
    expect(tambonInArea('800108', '80')).toBe(true);
    expect(tambonInArea('800108', '8001')).toBe(true);
    expect(tambonInArea('800201', '8001')).toBe(false);
    expect(batchSucceeded([{ status: 'applied' }, { status: 'stale' }, { status: 'already-imported' }])).toBe(true);
    expect(batchSucceeded([{ status: 'applied' }, { status: 'conflict' }])).toBe(false);
  });
});
