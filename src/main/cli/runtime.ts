/**
 * What every command of the command line shares: its streams and environment, the exit codes,
 * running one action over a fresh context (open, work, print, close), calling a channel through
 * dispatch, and reading numbers typed on the command line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { AppError } from '../../shared/domain/result';
import { normalizeThaiDigits } from '../../shared/domain/thaiDigits';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { findResourcesDir } from '../resourcesDir';
import { call } from '../rpc/dispatch';
import { createContext, defaultHomeDir, type AppContext } from '../services/context';
import { toAppError, type Logger } from '../services/errors';
import { chromiumPrinter } from '../services/print';
import { closeWhenIdle, openSession } from '../services/workspace/lifecycle';
import { appVersion as buildVersion } from '../version';
import { errorLine } from './format';

/** What the command line reads and writes: streams, environment and working folder. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** `TAMBON_PLAN_HOME` here names the app data folder (preferences, backups, logs). */
  env: NodeJS.ProcessEnv;
  /** Relative paths on the command line are taken from here. */
  cwd: string;
  /** The shipped `resources` folder; found above this file (or from `TAMBON_PLAN_RESOURCES`) when not given. */
  resourcesDir?: string;
  /** Defaults to the version of this build. */
  appVersion?: string;
  /** Where a passphrase is typed, when it is a terminal (the signing key's; see {@link CliRuntime.passphrase}). */
  stdin?: NodeJS.ReadStream | { isTTY?: boolean };
}

/** Exit codes: success, a refused input, a usage error. */
export const exitCodes = { ok: 0, refused: 1, usage: 2 } as const;

/** A call's envelope error, thrown to end a command early; caught by {@link CliRuntime.run}. */
export class Refusal extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.messageEn);
    this.error = error;
  }
}

/** Calls a channel through dispatch and returns its value; a failed call ends the command. */
export async function must<C extends Channel>(ctx: AppContext, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await call(ctx, channel, input);
  if (!result.ok) throw new Refusal(result.error);
  return result.value;
}

/** What a command produced: the `--json` value and the readable text (and exit 1 for a result that says no: `verify`, a batch with a refused package). */
export interface Output {
  json: unknown;
  text: string;
  exitCode?: number;
}

/** A usage error found while running (no passphrase and no terminal to ask on): exit 2 with its line. */
export class UsageError extends Error {
  readonly line: string;
  constructor(line: string) {
    super(line);
    this.line = line;
  }
}

/** A group command (`export`, `key`…) several capabilities add subcommands to: the existing one, or a new one. */
export function commandGroup(program: Command, name: string, describe: (group: Command) => void): Command {
  const existing = program.commands.find((c) => c.name() === name);
  if (existing) return existing;
  const group = program.command(name);
  describe(group);
  return group;
}

/** A number typed on the command line (Thai digits too); anything else is a usage error. */
export function numberArg(value: string): number {
  const text = normalizeThaiDigits(value.trim());
  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) throw new InvalidArgumentError('ต้องเป็นตัวเลข / must be a number');
  return Number(text);
}

/**
 * Internal errors go to `<app data>/logs/tambon-plan.log`, never to the terminal: a person reads
 * one line on stderr, and the detail is there for whoever looks into it.
 */
function fileLogger(homeDir: string): Logger {
  const append = (text: string) => {
    try {
      fs.mkdirSync(path.join(homeDir, 'logs'), { recursive: true });
      fs.appendFileSync(path.join(homeDir, 'logs', 'tambon-plan.log'), `${new Date().toISOString()} ${text}\n`);
    } catch {
      // Nowhere to write the detail: the one-line error is still printed.
    }
  };
  return {
    warn: (message) => append(`warn: ${message}`),
    error: (message, error) => append(`error: ${message} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  };
}

/**
 * `value` as JSON with every character a terminal could act on escaped: JSON escapes C0 controls
 * itself, not DEL, C1 controls or bidi overrides, which are written here as \u escapes (still the
 * same JSON value for a script that parses it).
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Reads one line from a terminal without echoing it. */
function askHidden(stdin: NodeJS.ReadStream, out: { write(text: string): unknown }, prompt: string): Promise<string> {
  out.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          done();
          resolve(typed);
          return;
        }
        if (ch === '\u0003') {
          done();
          reject(new UsageError('ยกเลิก / cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      out.write('\n');
    };
    stdin.on('data', onData);
  });
}

/** What a command module gets to register its commands. */
export interface CliRuntime {
  io: CliIo;
  /** A path typed on the command line, resolved against the working folder. */
  resolvePath(file: string): string;
  /**
   * Builds the context, runs `body`, prints its output, closes the workspace; sets the exit code.
   * `options` names the command-line option each input field comes from, so a refusal can name it.
   */
  run(json: boolean, body: (ctx: AppContext) => Promise<Output>): Promise<void>;
  /**
   * Scripts open a workspace without touching the person's recent list; reading takes no
   * backup, changing takes one at most hourly, so a script's calls never rotate out the app's.
   */
  openWorkspace(ctx: AppContext, file: string, purpose: 'read' | 'change'): ReturnType<typeof openSession>;
  /** Registers which option each input field comes from (a command module's own fields). */
  optionsOf(fields: Record<string, string>): void;
  /**
   * The signing key's passphrase: `variable` of the environment (`TAMBON_PLAN_PASSPHRASE`), else
   * asked on the terminal without echo (twice when `confirm`); with neither, a usage error (exit 2).
   */
  passphrase(variable: string, prompt: string, confirm?: boolean): Promise<string>;
  exitCode: number;
}

/** A command module: registers its capability's commands on the program. */
export type CommandModule = (program: Command, runtime: CliRuntime) => void;

/**
 * `tambon-plan export --workspace FILE …`: one command that several capabilities add their kinds
 * to (the forum's `xlsx` and `pdf` forms, the packages' `package`), so whichever module registers
 * first creates it and the others find it.
 */
export function exportCommand(program: Command): Command {
  const existing = program.commands.find((c) => c.name() === 'export');
  if (existing) return existing;
  return program
    .command('export')
    .description('ส่งออกตาราง แบบฟอร์ม หรือชุดข้อมูล / export tables, forms or data')
    .requiredOption('--workspace <file>', 'ไฟล์พื้นที่ทำงาน / the workspace file')
    .option('--json', 'ผลแบบ JSON / machine-readable output');
}

/** The runtime of one run of the command line. */
export function createRuntime(io: CliIo): CliRuntime {
  const optionOfField: Record<string, string> = { path: '--workspace' };
  const runtime: CliRuntime = {
    io,
    exitCode: exitCodes.ok,
    resolvePath: (file) => path.resolve(io.cwd, file),
    optionsOf(fields) {
      Object.assign(optionOfField, fields);
    },
    async passphrase(variable, prompt, confirm = false) {
      const fromEnv = io.env[variable];
      if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
      const stdin = io.stdin as NodeJS.ReadStream | undefined;
      if (!stdin?.isTTY || typeof stdin.setRawMode !== 'function') {
        throw new UsageError(`ต้องใช้รหัสผ่านของกุญแจ: ตั้งค่า ${variable} หรือเรียกจากหน้าต่างคำสั่ง / the key passphrase is needed: set ${variable} or run on a terminal`);
      }
      const first = await askHidden(stdin, io.stderr, prompt);
      if (confirm && (await askHidden(stdin, io.stderr, 'ยืนยันอีกครั้ง / again: ')) !== first) {
        throw new UsageError('รหัสผ่านสองครั้งไม่ตรงกัน / the two passphrases differ');
      }
      return first;
    },
    openWorkspace: (ctx, file, purpose) =>
      openSession(ctx, runtime.resolvePath(file), { backup: purpose === 'read' ? 'none' : 'hourly', remember: false }),
    async run(json, body) {
      let ctx: AppContext;
      const homeDir = defaultHomeDir(io.env);
      try {
        ctx = createContext({
          resourcesDir: io.resourcesDir ?? findResourcesDir(__dirname, io.env),
          transport: 'cli',
          appVersion: io.appVersion ?? buildVersion,
          homeDir,
          log: fileLogger(homeDir),
          // CHROMIUM_PATH read from the command line's own environment, like TAMBON_PLAN_HOME.
          print: chromiumPrinter(io.env),
        });
      } catch (error) {
        io.stderr.write(`error: ไม่พบโฟลเดอร์ข้อมูลของโปรแกรม / ${(error as Error).message}\n`);
        runtime.exitCode = exitCodes.refused;
        return;
      }
      try {
        const output = await body(ctx);
        io.stdout.write(json ? `${jsonText(output.json)}\n` : `${output.text}\n`);
        runtime.exitCode = output.exitCode ?? exitCodes.ok;
      } catch (thrown) {
        if (thrown instanceof UsageError) {
          io.stderr.write(`error: ${thrown.line}\n`);
          runtime.exitCode = exitCodes.usage;
          return;
        }
        const error = thrown instanceof Refusal ? thrown.error : toAppError(thrown, ctx.log);
        io.stderr.write(`${errorLine(error, error.field ? optionOfField[error.field] : undefined)}\n`);
        runtime.exitCode = exitCodes.refused;
      } finally {
        // Important: close the workspace (after any backup under way) so SQLite checkpoints the WAL and the process can exit.
        await closeWhenIdle(ctx);
      }
    },
  };
  return runtime;
}
