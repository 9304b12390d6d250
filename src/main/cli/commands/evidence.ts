/**
 * `tambon-plan evidence --workspace W bmn [--year BE]`: the จปฐ. figures of a survey year, for
 * the tambon and per village, in the `--json` shape of DESIGN.md §6 (extra fields: the pass rate,
 * the target where one is set, the indicator set and where each village's figures come from).
 */
import { Argument } from 'commander';
import { formatNumber } from '../../../shared/domain/fields';
import type { BmnEvidenceView } from '../../../shared/ipc/evidence';
import { fields, table } from '../format';
import { must, numberArg, Refusal, type CommandModule } from '../runtime';

/** The `evidence bmn --json` shape. */
export function bmnJson(e: BmnEvidenceView) {
  const indicator = (s: BmnEvidenceView['tambon']['indicators'][number]) => ({
    no: s.no,
    inScope: s.inScope,
    failing: s.failing,
    passPercent: s.passPercent,
    target: s.target,
  });
  return {
    year: e.year,
    setId: e.set?.id ?? null,
    tambon: { households: e.tambon.households, indicators: e.tambon.indicators.map(indicator) },
    villages: e.villages.map((v) => ({
      code: v.village.code,
      moo: v.village.moo,
      name: v.village.name,
      source: v.source,
      households: v.households,
      indicators: v.indicators.map(indicator),
    })),
  };
}

const pct = (n: number | null) => (n === null ? '—' : `${n.toFixed(1)}%`);

/** The figures as readable lines: the tambon per indicator, then the villages' households. */
export function formatBmn(e: BmnEvidenceView): string {
  if (e.year === null || !e.set) return 'ยังไม่มีข้อมูล จปฐ. ในพื้นที่ทำงานนี้ / No BMN data in this workspace yet';
  const name = (no: number) => e.set!.indicators.find((i) => i.no === no)?.nameTh ?? '';
  const cut = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);
  return [
    fields([
      ['ปีที่สำรวจ / Survey year', String(e.year)],
      ['ชุดตัวชี้วัด / Indicator set', e.set.nameTh],
      ['ครัวเรือน / Households', formatNumber(e.tambon.households)],
    ]),
    '',
    table(
      [
        { header: ['ข้อ', 'No'], align: 'right' },
        { header: ['ตัวชี้วัด', 'Indicator'] },
        { header: ['ในขอบเขต', 'In scope'], align: 'right' },
        { header: ['ไม่ผ่าน', 'Failing'], align: 'right' },
        { header: ['ผ่าน', 'Passing'], align: 'right' },
        { header: ['เป้าหมาย', 'Target'], align: 'right' },
      ],
      e.tambon.indicators.map((s) => [
        String(s.no),
        cut(name(s.no)),
        formatNumber(s.inScope),
        formatNumber(s.failing),
        pct(s.passPercent),
        s.target === null ? 'ไม่ได้กำหนดเป้าหมาย' : `${s.target}%`,
      ]),
    ),
    '',
    table(
      [
        { header: ['หมู่ที่', 'Moo'], align: 'right' },
        { header: ['หมู่บ้าน', 'Village'] },
        { header: ['ครัวเรือน', 'Households'], align: 'right' },
        { header: ['ที่มา', 'Source'] },
      ],
      e.villages.map((v) => [
        String(v.village.moo),
        v.village.name,
        formatNumber(v.households),
        v.source === 'households' ? 'รายครัวเรือน / households' : v.source === 'aggregates' ? 'TPMAP' : 'ไม่มีข้อมูล / none',
      ]),
    ),
  ].join('\n');
}

/** Registers `evidence bmn`. */
export const evidenceCommands: CommandModule = (program, runtime) => {
  program
    .command('evidence')
    .description('ตัวเลขหลักฐานจากข้อมูลที่นำเข้า / evidence from the imported data')
    .addArgument(new Argument('<what>', 'ข้อมูล / what to show').choices(['bmn']))
    .requiredOption('--workspace <file>', 'ไฟล์พื้นที่ทำงาน / the workspace file')
    .option('--year <BE>', 'ปีที่สำรวจ พ.ศ. (ค่าเริ่มต้น: ปีล่าสุด) / survey year (default: the latest)', numberArg)
    .option('--json', 'ผลแบบ JSON / machine-readable output')
    .action(async (_what: 'bmn', opts: { workspace: string; year?: number; json?: boolean }) => {
      await runtime.run(Boolean(opts.json), async (ctx) => {
        await runtime.openWorkspace(ctx, opts.workspace, 'read');
        const evidence = await must(ctx, 'evidence.bmn', opts.year === undefined ? {} : { year: opts.year });
        if (opts.year !== undefined && !evidence.years.includes(opts.year)) {
          throw new Refusal({
            code: 'NOT_FOUND',
            messageTh: `ไม่มีข้อมูล จปฐ. ปี ${opts.year}${evidence.years.length ? ` (มีปี ${evidence.years.join(', ')})` : ''}`,
            messageEn: `No BMN data for ${opts.year}${evidence.years.length ? ` (there is ${evidence.years.join(', ')})` : ''}`,
            field: 'year',
          });
        }
        return { json: bmnJson(evidence), text: formatBmn(evidence) };
      });
    });
};
