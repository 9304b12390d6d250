/**
 * Tambon clusters at the data center (กลุ่มตำบล): every district of the area is one (from the
 * gazetteer, not stored), and a person may make groups of tambon codes of the area
 * (`dc_clusters`), changed in place and removed with undo. The cluster progress report sums the
 * tambons' projects from the merged packages of a view (latest, or accepted only).
 */
import { clusterProgress, districtClusters, type Cluster, type ClusterProgress } from '../../../shared/domain/progress';
import type { View } from '../../../shared/domain/datacenter';
import { ServiceError } from '../../../shared/domain/result';
import { noteChange } from '../../db/repository';
import type { AppContext } from '../context';
import { writeDatacenter } from '../datacenter/registry';
import { dashboardInput } from '../datacenter/status';
import type { OpenDatacenter } from '../session';

/** A cluster as listed: a district, or a group a person made. */
export type ListedCluster = Cluster & { tambonCodes: string[]; kind: 'district' | 'custom' };

/** Which clusters a report covers. */
export type ClusterScope = 'all' | 'district' | 'custom';

interface ClusterRow {
  id: number;
  nameTh: string;
  tambonCodes: string;
  removedAt: string | null;
}

const customId = (id: number) => `custom:${id}`;

function customOf(row: ClusterRow): ListedCluster {
  return { id: customId(row.id), nameTh: row.nameTh, tambonCodes: JSON.parse(row.tambonCodes) as string[], kind: 'custom' };
}

function customRows(dc: OpenDatacenter): ClusterRow[] {
  return dc.sqlite.prepare('select id, name_th as nameTh, tambon_codes as tambonCodes, removed_at as removedAt from dc_clusters where removed_at is null order by name_th, id').all() as ClusterRow[];
}

/** The cluster progress of a view. */
export function clusterReport(ctx: AppContext, dc: OpenDatacenter, view: View, scope: ClusterScope): { view: View; asOf: string; clusters: (ClusterProgress & { cluster: ListedCluster })[] } {
  const input = dashboardInput(ctx, dc, view);
  const clusters: ListedCluster[] = [
    ...(scope === 'custom' ? [] : districtClusters(input.tambons).map((c) => ({ ...c, tambonCodes: [...c.tambonCodes], kind: 'district' as const }))),
    ...(scope === 'district' ? [] : customRows(dc).map(customOf)),
  ];
  const progress = clusterProgress(input, clusters);
  return { view, asOf: ctx.clock().toISOString(), clusters: progress.map((p, i) => ({ ...p, cluster: clusters[i]! })) };
}

function parseId(id: string): number {
  const m = /^custom:(\d+)$/.exec(id);
  if (!m) throw new ServiceError('REFUSED', 'กลุ่มตามอำเภอแก้ไขหรือลบไม่ได้ สร้างกลุ่มใหม่แทน', 'A district cluster cannot be changed or removed; make a new group instead', 'id');
  return Number(m[1]);
}

/** Makes a cluster (no `id`) or changes one; every code must be a tambon of the area. */
export async function saveCluster(ctx: AppContext, input: { id?: string | undefined; nameTh: string; tambonCodes: string[] }): Promise<ListedCluster> {
  return writeDatacenter(ctx, { action: 'reports.clusters.save' }, (tx, dc) => {
    const area = new Set(dashboardInput(ctx, dc, 'latest').tambons.map((t) => t.code));
    const outside = input.tambonCodes.filter((c) => !area.has(c));
    if (outside.length > 0) {
      throw new ServiceError('VALIDATION', `ตำบลที่เลือกไม่อยู่ในพื้นที่ของศูนย์ข้อมูลนี้: ${outside.join(', ')}`, `Not tambons of this data center's area: ${outside.join(', ')}`, 'tambonCodes');
    }
    const at = tx.now.toISOString();
    let id: number;
    if (input.id === undefined) {
      id = Number(
        dc.sqlite
          .prepare('insert into dc_clusters (name_th, tambon_codes, created_at, updated_at, operator) values (?, ?, ?, ?, ?)')
          .run(input.nameTh, JSON.stringify(input.tambonCodes), at, at, tx.operator).lastInsertRowid,
      );
    } else {
      id = parseId(input.id);
      const changed = dc.sqlite.prepare('update dc_clusters set name_th = ?, tambon_codes = ?, updated_at = ?, operator = ? where id = ? and removed_at is null').run(input.nameTh, JSON.stringify(input.tambonCodes), at, tx.operator, id);
      if (changed.changes === 0) throw new ServiceError('NOT_FOUND', 'ไม่พบกลุ่มตำบลนี้', 'No such cluster', 'id');
    }
    noteChange(tx, 'dc_clusters', String(id));
    tx.detail = { cluster: input.nameTh, tambons: input.tambonCodes.length };
    return customOf(dc.sqlite.prepare('select id, name_th as nameTh, tambon_codes as tambonCodes, removed_at as removedAt from dc_clusters where id = ?').get(id) as ClusterRow);
  });
}

/** Removes a cluster a person made (`restore` undoes it). */
export async function setClusterRemoved(ctx: AppContext, id: string, removed: boolean): Promise<ListedCluster> {
  const n = parseId(id);
  return writeDatacenter(ctx, { action: removed ? 'reports.clusters.remove' : 'reports.clusters.restore' }, (tx, dc) => {
    const changed = dc.sqlite
      .prepare(`update dc_clusters set removed_at = ?, updated_at = ?, operator = ? where id = ? and removed_at is ${removed ? 'null' : 'not null'}`)
      .run(removed ? tx.now.toISOString() : null, tx.now.toISOString(), tx.operator, n);
    if (changed.changes === 0) throw new ServiceError('NOT_FOUND', 'ไม่พบกลุ่มตำบลนี้', 'No such cluster', 'id');
    noteChange(tx, 'dc_clusters', String(n));
    return customOf(dc.sqlite.prepare('select id, name_th as nameTh, tambon_codes as tambonCodes, removed_at as removedAt from dc_clusters where id = ?').get(n) as ClusterRow);
  });
}
