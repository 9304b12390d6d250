/** The data center capability's handlers. */
import crypto from 'node:crypto';
import path from 'node:path';
import { assessmentGrades, bmnFailing, flaggedProjects, issueTotals, registerTotals, reporting } from '../../../shared/domain/dashboard';
import { refused } from '../../../shared/domain/result';
import type { datacenterSlice } from '../../../shared/ipc/datacenter';
import type { AppContext } from '../context';
import { writeFileAtomic } from '../files';
import type { HandlersOf } from '../handlerTypes';
import { assertWithinSizeCap } from '../ports';
import { closeSession } from '../workspace/lifecycle';
import { requireDatacenter, requireDatacenterWritable } from '../session';
import { stagedPath } from './paths';
import { enrollKey, listKeys, revokeKey, rotateKeyStatement } from './registry';
import { acceptPackage, dashboardInput, packageRecords, quarantineRecords, tambonStatuses } from './status';
import { createDatacenter, openDatacenter, summarizeDatacenter } from './store';
import { writeWorkbook } from './workbooks';

async function readSmallText(ctx: AppContext, file: string): Promise<string> {
  await assertWithinSizeCap(ctx.fs, file, 64 * 1024);
  return (await ctx.fs.readFile(file)).toString('utf8');
}

/** The data center capability's handlers. */
export const datacenterHandlers = {
  'datacenter.create': (ctx, { path: target, areaCode }) => createDatacenter(ctx, target, areaCode),
  'datacenter.open': (ctx, { path: target }) => openDatacenter(ctx, target),
  'datacenter.current': (ctx) => (ctx.session.datacenter ? summarizeDatacenter(ctx, ctx.session.datacenter) : null),
  'datacenter.close': (ctx) => {
    if (!ctx.session.datacenter) return null;
    closeSession(ctx);
    ctx.emit('workspace.changed', { reason: 'closed' });
    return null;
  },
  'datacenter.keys': (ctx) => listKeys(ctx, requireDatacenter(ctx)),
  'datacenter.enroll': async (ctx, input) => {
    requireDatacenterWritable(ctx);
    const text = input.publicKey ?? (input.path ? await readSmallText(ctx, ctx.paths.resolve(input.path)) : undefined);
    if (text === undefined) throw refused('กรุณาระบุกุญแจสาธารณะ (ไฟล์ .pub หรือสแกน QR จากใบลงทะเบียน)', 'Give the public key (its .pub file, or scan the QR code of the sheet)', 'publicKey');
    return enrollKey(ctx, { tambonCode: input.tambonCode, publicKeyText: text, fingerprint: input.fingerprint, replace: input.replace });
  },
  'datacenter.rotate': async (ctx, { path: file, fingerprint }) => {
    requireDatacenterWritable(ctx);
    return rotateKeyStatement(ctx, await readSmallText(ctx, ctx.paths.resolve(file)), fingerprint);
  },
  'datacenter.revoke': (ctx, { tambonCode, afterSeq }) => revokeKey(ctx, tambonCode, afterSeq),
  'datacenter.stage': async (ctx, { name, base64 }) => {
    const dc = requireDatacenterWritable(ctx);
    const data = Buffer.from(base64, 'base64');
    const id = crypto.createHash('sha256').update(data).digest('hex');
    const target = stagedPath(dc.filesDir, id);
    if (!(await ctx.fs.exists(target))) await writeFileAtomic(ctx.fs, target, data, 'create');
    return { id, name: path.basename(name), bytes: data.length };
  },
  'datacenter.status': (ctx, { view }) => tambonStatuses(ctx, requireDatacenter(ctx), view),
  'datacenter.packages': (ctx) => packageRecords(requireDatacenter(ctx)),
  'datacenter.quarantine': (ctx) => quarantineRecords(requireDatacenter(ctx)),
  'datacenter.accept': (ctx, { tambonCode, sha256, note }) => acceptPackage(ctx, tambonCode, sha256, note),
  'datacenter.dashboard': (ctx, { view }) => {
    const input = dashboardInput(ctx, requireDatacenter(ctx), view);
    const r = reporting(input);
    return {
      view,
      reporting: r.reporting.map((t) => ({ code: t.code, nameTh: t.nameTh, districtNameTh: t.districtNameTh, seq: t.seq, createdAt: t.createdAt })),
      nothingReceived: r.nothingReceived.map((t) => ({ code: t.code, nameTh: t.nameTh, districtNameTh: t.districtNameTh })),
      issues: issueTotals(input),
      flagged: flaggedProjects(input).map((p) => ({ tambonCode: p.tambonCode, tambonNameTh: p.tambonNameTh, districtNameTh: p.districtNameTh, issueNo: p.issueNo, name: p.name, budget: p.budget })),
      bmn: bmnFailing(input),
      assessment: assessmentGrades(input),
      registers: registerTotals(input),
    };
  },
  'datacenter.exportXlsx': async (ctx, { form, path: target, view }) => {
    const file = ctx.paths.resolve(target);
    const rows = await writeWorkbook(ctx, requireDatacenter(ctx), form, file, view);
    return { file, rows };
  },
} satisfies HandlersOf<typeof datacenterSlice.channels>;
