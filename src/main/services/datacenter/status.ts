/**
 * What the data center knows of each tambon of its area: the latest applied package, the last
 * accepted one (acceptance is bound to a package's hash; a newer package needs accepting again),
 * the rows as the "latest" or the "accepted only" view shows them (the accepted view rebuilds a
 * tambon's rows from the history as of the accepted seq), and the dashboards' input.
 */
import type { packageRecordSchema, quarantineRecordSchema, Status, TambonStatus, View } from '../../../shared/domain/datacenter';
import type { z } from 'zod';
import type { DashboardInput, Row } from '../../../shared/domain/dashboard';
import { ServiceError } from '../../../shared/domain/result';
import { noteChange } from '../../db/repository';
import type { AppContext } from '../context';
import type { OpenDatacenter } from '../session';
import { writeDatacenter } from './registry';
import { asOfNow, liveRowCounts, rowsAsOf } from './revisions';
import { tambonsOfArea } from './store';

type PackageRecord = z.infer<typeof packageRecordSchema>;
type QuarantineRecord = z.infer<typeof quarantineRecordSchema>;

interface Latest {
  seq: number;
  sha256: string;
  createdAt: string;
  importedAt: string;
  missingSeqs: string;
}

function latestOf(dc: OpenDatacenter): Map<string, Latest> {
  const rows = dc.sqlite
    .prepare(
      `select p.tambon_code as code, p.seq, p.sha256, p.created_at as createdAt, p.imported_at as importedAt, p.missing_seqs as missingSeqs
       from dc_packages p join (select tambon_code, max(seq) as seq from dc_packages where status = 'applied' group by tambon_code) m
       on m.tambon_code = p.tambon_code and m.seq = p.seq where p.status = 'applied'`,
    )
    .all() as (Latest & { code: string })[];
  return new Map(rows.map((r) => [r.code, r]));
}

function acceptedOf(dc: OpenDatacenter): Map<string, { seq: number; sha256: string }> {
  const rows = dc.sqlite
    .prepare(
      `select a.tambon_code as code, a.seq, a.package_sha256 as sha256 from dc_acceptances a
       join (select tambon_code, max(id) as id from dc_acceptances group by tambon_code) m on m.id = a.id`,
    )
    .all() as { code: string; seq: number; sha256: string }[];
  return new Map(rows.map((r) => [r.code, r]));
}

/** The live rows of one table of one tambon in a view. */
export function rowsOf(dc: OpenDatacenter, tambonCode: string, table: string, view: View, acceptedSeq: number | null): Row[] {
  if (view === 'latest') return rowsAsOf(dc.sqlite, tambonCode, table, asOfNow);
  return acceptedSeq === null ? [] : rowsAsOf(dc.sqlite, tambonCode, table, acceptedSeq);
}

/** The live rows per table of the package a view shows: as recorded at its apply, or counted. */
function rowCounts(dc: OpenDatacenter, tambonCode: string, shown: { seq: number; sha256: string } | undefined): Record<string, number> {
  if (!shown) return {};
  const recorded = dc.sqlite.prepare('select live_rows from dc_packages where sha256 = ?').pluck().get(shown.sha256) as string | null | undefined;
  return recorded ? (JSON.parse(recorded) as Record<string, number>) : liveRowCounts(dc.sqlite, tambonCode, shown.seq);
}

/** Every tambon of the area and what was received from it. */
export function tambonStatuses(ctx: AppContext, dc: OpenDatacenter, view: View): Status {
  const latest = latestOf(dc);
  const accepted = acceptedOf(dc);
  const enrolled = new Set(dc.sqlite.prepare('select distinct tambon_code from dc_keys').pluck().all() as string[]);
  const tambons: TambonStatus[] = tambonsOfArea(ctx, dc.area.code).map((t) => {
    const l = latest.get(t.code);
    const a = accepted.get(t.code) ?? null;
    const shownSeq = view === 'latest' ? (l?.seq ?? null) : (a?.seq ?? null);
    const shown = view === 'latest' ? l : a ? (dc.sqlite.prepare('select seq, sha256, created_at as createdAt, imported_at as importedAt, missing_seqs as missingSeqs from dc_packages where sha256 = ?').get(a.sha256) as Latest | undefined) : undefined;
    return {
      code: t.code,
      nameTh: t.nameTh,
      districtCode: t.districtCode,
      districtNameTh: t.districtNameTh,
      enrolled: enrolled.has(t.code),
      seq: shownSeq,
      packageSha256: shown?.sha256 ?? null,
      createdAt: shown?.createdAt ?? null,
      importedAt: shown?.importedAt ?? null,
      accepted: Boolean(l && a && a.sha256 === l.sha256),
      acceptedSeq: a?.seq ?? null,
      acceptedSha256: a?.sha256 ?? null,
      missingSeqs: l ? (JSON.parse(l.missingSeqs) as number[]) : [],
      rows: rowCounts(dc, t.code, shown),
    };
  });
  return { provinceCode: dc.area.code, area: dc.area, view, tambons };
}

/** The dashboards' input for a view: the area's tambons and their live rows. */
export function dashboardInput(ctx: AppContext, dc: OpenDatacenter, view: View): DashboardInput {
  const status = tambonStatuses(ctx, dc, view);
  const accepted = new Map(status.tambons.map((t) => [t.code, t.acceptedSeq]));
  const cache = new Map<string, Row[]>();
  return {
    tambons: status.tambons.map((t) => ({ code: t.code, nameTh: t.nameTh, districtCode: t.districtCode, districtNameTh: t.districtNameTh, seq: t.seq, createdAt: t.createdAt })),
    rows(tambonCode, table) {
      const key = `${tambonCode}:${table}`;
      let rows = cache.get(key);
      if (!rows) cache.set(key, (rows = rowsOf(dc, tambonCode, table, view, accepted.get(tambonCode) ?? null)));
      return rows;
    },
  };
}

/** Accepts a tambon's package (its latest applied one unless `sha256` names another applied one). */
export async function acceptPackage(ctx: AppContext, tambonCode: string, sha256: string | undefined, note: string | undefined): Promise<{ tambonCode: string; seq: number; sha256: string }> {
  return writeDatacenter(ctx, { action: 'datacenter.accept' }, (tx, dc) => {
    const pkg = (
      sha256
        ? dc.sqlite.prepare("select seq, sha256 from dc_packages where tambon_code = ? and sha256 = ? and status = 'applied'").get(tambonCode, sha256)
        : dc.sqlite.prepare("select seq, sha256 from dc_packages where tambon_code = ? and status = 'applied' order by seq desc limit 1").get(tambonCode)
    ) as { seq: number; sha256: string } | undefined;
    if (!pkg) throw new ServiceError('NOT_FOUND', `ยังไม่มีชุดข้อมูลที่นำเข้าแล้วของตำบล ${tambonCode}`, `No applied package of tambon ${tambonCode}`, 'tambonCode');
    dc.sqlite
      .prepare('insert into dc_acceptances (tambon_code, package_sha256, seq, at, operator, note) values (?, ?, ?, ?, ?, ?)')
      .run(tambonCode, pkg.sha256, pkg.seq, tx.now.toISOString(), tx.operator, note ?? null);
    // The accepted view reads the rows as of this package's seq from the history (revisions/ts).
    noteChange(tx, 'dc_acceptances');
    tx.detail = { tambonCode, seq: pkg.seq, sha256: pkg.sha256 };
    return { tambonCode, seq: pkg.seq, sha256: pkg.sha256 };
  });
}

/** The kept packages, newest first (the last 1,000). */
export function packageRecords(dc: OpenDatacenter): PackageRecord[] {
  const rows = dc.sqlite
    .prepare(
      `select id, sha256, tambon_code as tambonCode, seq, status, file_name as fileName, bytes, created_at as createdAt, imported_at as importedAt,
       operator, missing_seqs as missingSeqs from dc_packages order by id desc limit 1000`,
    )
    .all() as (Omit<PackageRecord, 'missingSeqs'> & { missingSeqs: string })[];
  return rows.map((r) => ({ ...r, missingSeqs: JSON.parse(r.missingSeqs) as number[] }));
}

/** The quarantined packages, newest first (the last 1,000). */
export function quarantineRecords(dc: OpenDatacenter): QuarantineRecord[] {
  return dc.sqlite
    .prepare(
      `select id, sha256, file_name as fileName, status, reason_code as reasonCode, reason_th as reasonTh, reason_en as reasonEn, tambon_code as tambonCode, seq, at, operator
       from dc_quarantine order by id desc limit 1000`,
    )
    .all() as QuarantineRecord[];
}
