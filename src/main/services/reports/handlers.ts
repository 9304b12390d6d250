/** The reports capability's handlers: the tambon's progress and its updates, and the data center's cluster reports. */
import type { reportsSlice } from '../../../shared/ipc/reports';
import type { AppContext } from '../context';
import type { HandlersOf } from '../handlerTypes';
import { requireDatacenter, requireWorkspace } from '../session';
import { write } from '../write';
import { clusterReport, saveCluster, setClusterRemoved, type ClusterScope } from './clusters';
import { exportReportPdf, exportReportXlsx } from './export';
import { addUpdate, assessmentRounds, listUpdates, removeUpdate, restoreUpdate, tambonReport } from './progress';
import { fillClusterProgress, fillTambonProgress } from './workbook';
import type { View } from '../../../shared/domain/datacenter';

const as = (action: string) => ({ capability: 'reports', action }) as const;

/** The tambon's progress report now, with the assessment rounds' grades. */
function progressNow(ctx: AppContext) {
  const ws = requireWorkspace(ctx);
  return tambonReport(ws, ctx.clock(), assessmentRounds(ws, ctx.resourcesDir));
}

function clusterFill(ctx: AppContext, view: View, scope: ClusterScope) {
  const dc = requireDatacenter(ctx);
  const report = clusterReport(ctx, dc, view, scope);
  const areaTh = `${dc.area.kind === 'district' ? 'อำเภอ' : 'จังหวัด'}${dc.area.nameTh}`;
  const viewTh = view === 'accepted' ? 'เฉพาะชุดที่รับรองแล้ว' : 'ชุดล่าสุด';
  return { title: `รายงานความก้าวหน้ารายกลุ่มตำบล ${areaTh}`, fill: (wb: Parameters<typeof fillClusterProgress>[0]) => fillClusterProgress(wb, report.clusters, { areaTh, viewTh, asOf: report.asOf }) };
}

/** The reports capability's handlers. */
export const reportsHandlers = {
  'reports.progress': (ctx) => progressNow(ctx),
  'reports.updates.list': (ctx, { projectId }) => listUpdates(requireWorkspace(ctx).db, projectId),
  'reports.updates.add': (ctx, { projectId, values }) => write(ctx, as('reports.updates.add'), (tx) => addUpdate(tx, projectId, values)),
  'reports.updates.remove': (ctx, { id }) => write(ctx, as('reports.updates.remove'), (tx) => removeUpdate(tx, id)),
  'reports.updates.restore': (ctx, { id }) => write(ctx, as('reports.updates.restore'), (tx) => restoreUpdate(tx, id)),
  'reports.exportXlsx': (ctx, { path }) => {
    const report = progressNow(ctx);
    return exportReportXlsx(ctx, 'progress', ctx.paths.resolve(path), (wb) => fillTambonProgress(wb, report));
  },
  'reports.exportPdf': (ctx, { path }) => {
    const report = progressNow(ctx);
    return exportReportPdf(ctx, 'progress', `รายงานความก้าวหน้า ต.${report.tambon.nameTh}`, ctx.paths.resolve(path), (wb) => fillTambonProgress(wb, report));
  },
  'reports.clusters': (ctx, { view, scope }) => clusterReport(ctx, requireDatacenter(ctx), view, scope),
  'reports.clusters.save': (ctx, input) => saveCluster(ctx, input),
  'reports.clusters.remove': (ctx, { id }) => setClusterRemoved(ctx, id, true),
  'reports.clusters.restore': (ctx, { id }) => setClusterRemoved(ctx, id, false),
  'reports.clusters.exportXlsx': (ctx, { path, view, scope }) => exportReportXlsx(ctx, 'cluster-progress', ctx.paths.resolve(path), clusterFill(ctx, view, scope).fill),
  'reports.clusters.exportPdf': (ctx, { path, view, scope }) => {
    const { title, fill } = clusterFill(ctx, view, scope);
    return exportReportPdf(ctx, 'cluster-progress', title, ctx.paths.resolve(path), fill);
  },
} satisfies HandlersOf<typeof reportsSlice.channels>;
