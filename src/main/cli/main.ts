/**
 * `tambon-plan`: the command line over the same services as the app, through the same
 * `dispatch` (validate → service → envelope). Exit 0 on success, 1 on a refused input (one
 * line on stderr, Thai / English), 2 on a usage error. `--json` prints machine-readable results
 * on stdout; errors still go to stderr with the same exit codes.
 *
 * {@link runCli} takes its streams, environment and working folder as parameters, so tests run
 * it in-process; `bin.ts` is the entry bundled to `dist/cli.cjs`.
 */
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { AppError } from '../../shared/domain/result';
import { normalizeThaiDigits } from '../../shared/domain/thaiDigits';
import { officeTypes, type OfficeType } from '../../shared/domain/workspace';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { findResourcesDir } from '../resourcesDir';
import { call } from '../rpc/dispatch';
import { openSession } from '../services/workspace/session';
import { toAppError } from '../rpc/errors';
import { createContext, defaultHomeDir, type AppContext } from '../services/context';
import { appVersion as buildVersion } from '../version';
import { defaultOfficeName, errorLine, formatAdded, formatSummary, formatVillages } from './format';

/** What the command line reads and writes: streams, environment and working folder. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** `TAMBON_PLAN_HOME` here names the app data folder (preferences, backups). */
  env: NodeJS.ProcessEnv;
  /** Relative paths on the command line are taken from here. */
  cwd: string;
  /** The shipped `resources` folder; found above this file (or from `TAMBON_PLAN_RESOURCES`) when not given. */
  resourcesDir?: string;
  /** Defaults to the version of this build. */
  appVersion?: string;
}

/** Exit codes: success, a refused input, a usage error. */
export const exitCodes = { ok: 0, refused: 1, usage: 2 } as const;

/** A call's envelope error, thrown to end a command early; caught by {@link runAction}. */
class Refusal extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.messageEn);
    this.error = error;
  }
}

/** Calls a channel through dispatch and returns its value; a failed call ends the command. */
async function must<C extends Channel>(ctx: AppContext, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await call(ctx, channel, input);
  if (!result.ok) throw new Refusal(result.error);
  return result.value;
}

/** What a command produced: the `--json` value and the readable text. */
interface Output {
  json: unknown;
  text: string;
}

/** A number typed on the command line (Thai digits too); anything else is a usage error. */
function numberArg(value: string): number {
  const text = normalizeThaiDigits(value.trim());
  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) throw new InvalidArgumentError('ต้องเป็นตัวเลข / must be a number');
  return Number(text);
}

/** The option each input field comes from, so a validation error can name it. */
const optionOfField: Record<string, string> = {
  path: '--workspace',
  tambonCode: '--tambon',
  code: '--tambon',
  officeType: '--office-type',
  officeName: '--office-name',
  'framework.presetId': '--framework',
  moo: '--moo',
  name: '--name',
  households: '--households',
  population: '--population',
  headman: '--headman',
  isCommunity: '--community',
};

/**
 * Runs the command line with `argv` (the arguments after the program name) and answers the
 * exit code. Never throws and never calls `process.exit`.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const resolvePath = (file: string) => path.resolve(io.cwd, file);

  /** Builds the context, runs `body`, prints its output, closes the workspace; answers the exit code. */
  const runAction = async (json: boolean, body: (ctx: AppContext) => Promise<Output>): Promise<number> => {
    let ctx: AppContext;
    try {
      ctx = createContext({
        resourcesDir: io.resourcesDir ?? findResourcesDir(__dirname, io.env),
        transport: 'cli',
        appVersion: io.appVersion ?? buildVersion,
        homeDir: defaultHomeDir(io.env),
      });
    } catch (error) {
      io.stderr.write(`error: ไม่พบโฟลเดอร์ข้อมูลของโปรแกรม / ${(error as Error).message}\n`);
      return exitCodes.refused;
    }
    try {
      const output = await body(ctx);
      io.stdout.write(json ? `${JSON.stringify(output.json, null, 2)}\n` : `${output.text}\n`);
      return exitCodes.ok;
    } catch (thrown) {
      const error = thrown instanceof Refusal ? thrown.error : toAppError(thrown);
      io.stderr.write(`${errorLine(error, error.field ? optionOfField[error.field] : undefined)}\n`);
      return exitCodes.refused;
    } finally {
      // Important: close the workspace so SQLite checkpoints the WAL and the process can exit.
      await call(ctx, 'workspace.close', {});
    }
  };

  /**
   * Scripts open a workspace without touching the person's recent list; reading takes no
   * backup, changing takes one at most hourly, so a script's calls never rotate out the app's.
   */
  const openWorkspace = (ctx: AppContext, file: string, purpose: 'read' | 'change') =>
    openSession(ctx, resolvePath(file), { backup: purpose === 'read' ? 'none' : 'hourly', remember: false });

  const program = new Command('tambon-plan')
    .description('TambonPlan — แผนชุมชนระดับตำบล / tambon community plans, from the command line')
    .version(io.appVersion ?? buildVersion, '-V, --version', 'รุ่นของโปรแกรม / show the version')
    .helpOption('-h, --help', 'วิธีใช้ / show help')
    .helpCommand(false)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      getOutHelpWidth: () => 100,
      getErrHelpWidth: () => 100,
    })
    .configureHelp({ showGlobalOptions: true });

  program
    .command('init')
    .description('สร้างพื้นที่ทำงานของตำบล / create a tambon workspace')
    .requiredOption('--workspace <file>', 'ไฟล์พื้นที่ทำงานที่จะสร้าง / the workspace file to create')
    .requiredOption('--tambon <code>', 'รหัสตำบล 6 หลัก / 6-digit tambon code')
    .option('--framework <id>', 'กรอบยุทธศาสตร์ / framework preset (default: the province\'s, else the first)')
    .addOption(new Option('--office-type <type>', 'ประเภทหน่วยงาน / office type').choices(officeTypes).default('sao'))
    .option('--office-name <name>', 'ชื่อหน่วยงาน / office name (default: from the type and the tambon)')
    .option('--json', 'ผลแบบ JSON / machine-readable output')
    .action(async (opts: { workspace: string; tambon: string; framework?: string; officeType: OfficeType; officeName?: string; json?: boolean }) => {
      exitCode = await runAction(Boolean(opts.json), async (ctx) => {
        const tambonCode = normalizeThaiDigits(opts.tambon.trim());
        if (!/^\d{6}$/.test(tambonCode)) {
          throw new Refusal({
            code: 'VALIDATION',
            messageTh: `รหัสตำบลต้องเป็นตัวเลข 6 หลัก (ได้รับ "${opts.tambon}")`,
            messageEn: `The tambon code must be 6 digits (got "${opts.tambon}")`,
            field: 'tambonCode',
          });
        }
        const area = await must(ctx, 'gazetteer.tambon', { code: tambonCode });
        let presetId = opts.framework;
        if (presetId === undefined) {
          const presets = await must(ctx, 'frameworks.presets', {});
          presetId = (presets.find((f) => f.provinceCode === area.province.code) ?? presets[0])?.id;
          if (!presetId) throw new Refusal({ code: 'NOT_FOUND', messageTh: 'ไม่มีกรอบยุทธศาสตร์ให้เลือก', messageEn: 'No framework preset is installed' });
        }
        const summary = await must(ctx, 'workspace.create', {
          path: resolvePath(opts.workspace),
          tambonCode,
          officeType: opts.officeType,
          officeName: opts.officeName ?? defaultOfficeName(opts.officeType, area.tambon.nameTh),
          framework: { presetId },
        });
        return { json: summary, text: `สร้างพื้นที่ทำงานแล้ว / Workspace created\n${formatSummary(summary)}` };
      });
    });

  program
    .command('info')
    .description('ข้อมูลพื้นที่ทำงาน / show a workspace: tambon, office, framework, counts, schema version')
    .requiredOption('--workspace <file>', 'ไฟล์พื้นที่ทำงาน / the workspace file')
    .option('--json', 'ผลแบบ JSON / machine-readable output')
    .action(async (opts: { workspace: string; json?: boolean }) => {
      exitCode = await runAction(Boolean(opts.json), async (ctx) => {
        const summary = await openWorkspace(ctx, opts.workspace, 'read');
        return { json: summary, text: formatSummary(summary) };
      });
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
      exitCode = await runAction(Boolean(opts.json), async (ctx) => {
        await openWorkspace(ctx, opts.workspace, 'read');
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
      exitCode = await runAction(Boolean(opts.json), async (ctx) => {
        await openWorkspace(ctx, opts.workspace, 'change');
        const village = await must(ctx, 'villages.add', {
          moo: opts.moo,
          name: opts.name,
          households: opts.households ?? null,
          population: opts.population ?? null,
          headman: opts.headman ?? null,
          isCommunity: Boolean(opts.community),
        });
        return { json: village, text: formatAdded(village) };
      });
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    // Commander has already printed its message (help, version, or the usage error).
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    io.stderr.write(`error: เกิดข้อผิดพลาดภายในโปรแกรม / internal error: ${(error as Error).message}\n`);
    return exitCodes.refused;
  }
  return exitCode;
}
