/** `tambon-plan villages list | add`: the villages of the tambon. */
import type { Command } from 'commander';
import { formatNumber } from '../../../shared/domain/fields';
import { villageWarnings, type Village } from '../../../shared/domain/villages';
import { table } from '../format';
import { must, numberArg, type CommandModule } from '../runtime';

const num = (n: number | null) => (n === null ? '' : formatNumber(n));

/** Villages as an aligned table by หมู่ที่, with a count below. */
export function formatVillages(villages: readonly Village[]): string {
  if (villages.length === 0) return 'ยังไม่มีหมู่บ้าน / No villages yet';
  const rows = [...villages]
    .sort((a, b) => a.moo - b.moo)
    .map((v) => [String(v.moo), v.code ?? 'ชุมชน', v.name, num(v.households), num(v.population), v.headman ?? '']);
  const body = table(
    [
      { header: ['หมู่ที่', 'Moo'], align: 'right' },
      { header: ['รหัส', 'Code'] },
      { header: ['ชื่อ', 'Name'] },
      { header: ['ครัวเรือน', 'Households'], align: 'right' },
      { header: ['ประชากร', 'Population'], align: 'right' },
      { header: ['ผู้ใหญ่บ้าน', 'Headman'] },
    ],
    rows,
  );
  return `${body}\n\n${villages.length} หมู่บ้าน / ${villages.length} ${villages.length === 1 ? 'village' : 'villages'}`;
}

/** The line printed after a village was added. */
export function formatAdded(v: Village): string {
  const code = v.code ? `รหัส ${v.code}` : 'ชุมชน';
  const codeEn = v.code ? `code ${v.code}` : 'community';
  return `เพิ่มหมู่ที่ ${v.moo} ${v.name} (${code}) แล้ว / Added village ${v.moo} ${v.name} (${codeEn})`;
}

const warningLines = {
  fewerPeopleThanHouseholds: 'คำเตือน: จำนวนประชากรน้อยกว่าจำนวนครัวเรือน กรุณาตรวจสอบ / warning: fewer people than households; please check',
  largeHouseholds: 'คำเตือน: เฉลี่ยเกิน 20 คนต่อครัวเรือน กรุณาตรวจสอบ / warning: more than 20 people per household on average; please check',
};

/** Registers `villages list` and `villages add`. */
export const villagesCommands: CommandModule = (program, runtime) => {
  runtime.optionsOf({
    moo: '--moo',
    name: '--name',
    households: '--households',
    population: '--population',
    headman: '--headman',
    isCommunity: '--community',
  });
  // --workspace and --json belong to `villages`, so they may stand before or after list/add.
  const villages = program
    .command('villages')
    .description('หมู่บ้านของตำบล / the villages of the tambon')
    .requiredOption('--workspace <file>', 'ไฟล์พื้นที่ทำงาน / the workspace file')
    .option('--json', 'ผลแบบ JSON / machine-readable output');
  type VillagesOpts = { workspace: string; json?: boolean };

  villages
    .command('list')
    .description('รายชื่อหมู่บ้านตามหมู่ที่ / list the villages by หมู่ที่')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<VillagesOpts>();
      await runtime.run(Boolean(opts.json), async (ctx) => {
        await runtime.openWorkspace(ctx, opts.workspace, 'read');
        const list = await must(ctx, 'villages.list', {});
        return { json: list, text: formatVillages(list) };
      });
    });

  villages
    .command('add')
    .description('เพิ่มหมู่บ้าน / add a village')
    .requiredOption('--moo <n>', 'หมู่ที่ 1–99 / village number', numberArg)
    .requiredOption('--name <name>', 'ชื่อหมู่บ้าน / village name')
    .option('--households <n>', 'จำนวนครัวเรือน / households', numberArg)
    .option('--population <n>', 'จำนวนประชากร / population', numberArg)
    .option('--headman <name>', 'ผู้ใหญ่บ้าน / headman (kept locally, never exported)')
    .option('--community', 'ชุมชนในเขตเทศบาล ไม่มีรหัสหมู่บ้าน / a municipal community (no DOPA code)')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<
        VillagesOpts & { moo: number; name: string; households?: number; population?: number; headman?: string; community?: boolean }
      >();
      await runtime.run(Boolean(opts.json), async (ctx) => {
        await runtime.openWorkspace(ctx, opts.workspace, 'change');
        const village = await must(ctx, 'villages.add', {
          moo: opts.moo,
          name: opts.name,
          households: opts.households ?? null,
          population: opts.population ?? null,
          headman: opts.headman ?? null,
          isCommunity: Boolean(opts.community),
        });
        // Possible but unlikely figures are added, and the person is asked to check them.
        for (const warning of villageWarnings(village)) runtime.io.stderr.write(`${warningLines[warning]}\n`);
        return { json: village, text: formatAdded(village) };
      });
    });
};
