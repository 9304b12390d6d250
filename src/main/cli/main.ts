/**
 * `tambon-plan`: the command line over the same services as the app, through the same
 * `dispatch` (validate → service → envelope). Exit 0 on success, 1 on a refused input (one
 * line on stderr, Thai / English), 2 on a usage error. `--json` prints machine-readable results
 * on stdout; errors still go to stderr with the same exit codes. Each capability registers its
 * commands from `commands/<capability>.ts`, one line each below.
 *
 * {@link runCli} takes its streams, environment and working folder as parameters, so tests run
 * it in-process; `bin.ts` is the entry bundled to `dist/cli.cjs`.
 */
import { Command, CommanderError } from 'commander';
import { appVersion as buildVersion } from '../version';
import { assessmentCommands } from './commands/assessment';
import { datacenterCommands } from './commands/datacenter';
import { packagesCommands } from './commands/packages';
import { evidenceCommands } from './commands/evidence';
import { importsCommands } from './commands/imports';
import { forumCommands } from './commands/forum';
import { reportsCommands } from './commands/reports';
import { villagesCommands } from './commands/villages';
import { workspaceCommands } from './commands/workspace';
import { createRuntime, exitCodes, type CliIo, type CommandModule } from './runtime';

export { exitCodes, type CliIo } from './runtime';

/** Every capability's commands. */
const commandModules: CommandModule[] = [workspaceCommands, villagesCommands, importsCommands, evidenceCommands, forumCommands, reportsCommands, packagesCommands, datacenterCommands, assessmentCommands];

/**
 * Runs the command line with `argv` (the arguments after the program name) and answers the
 * exit code. Never throws and never calls `process.exit`.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const runtime = createRuntime(io);
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
  for (const register of commandModules) register(program, runtime);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    // Commander has already printed its message (help, version, or the usage error).
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    io.stderr.write(`error: เกิดข้อผิดพลาดภายในโปรแกรม / internal error: ${String((error as Error).message).split('\n')[0]}\n`);
    return exitCodes.refused;
  }
  return runtime.exitCode;
}
