/**
 * What every service call receives: where things are, the OS ports, the session (the open
 * workspace and its leases), the job runner and the event sink. Built once by a composition
 * root (Electron shell, harness, CLI, tests).
 */
import os from 'node:os';
import path from 'node:path';
import { events, type EventName, type EventPayload } from '../../shared/ipc/contract';
import { consoleLogger, type Logger } from './errors';
import { createJobRunner, type JobRunner } from './jobs/runner';
import type { DialogPort, FsPort, PathPolicy, WindowPort } from './ports';
import { inPageWindows, nodeFs } from './ports';
import { createSession, type Session } from './session';

export type { OpenWorkspace } from './session';

/** Everything a service call needs. */
export interface AppContext {
  appVersion: string;
  transport: 'electron' | 'harness' | 'cli';
  /** Developer tools (the self-test job) are offered: the harness, or an app run from source. */
  developer: boolean;
  resourcesDir: string;
  migrationsDir: string;
  /** The app data folder: preferences, backups, logs (later: keys, seq marks). `TAMBON_PLAN_HOME` overrides it. */
  homeDir: string;
  /** The bundled job worker (dist/worker.cjs), which runs long work off the thread that answers calls. */
  workerScript: string;
  fs: FsPort;
  paths: PathPolicy;
  dialogs: DialogPort;
  windows: WindowPort;
  log: Logger;
  clock: () => Date;
  jobs: JobRunner;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  session: Session;
}

/** The platform's usual app data folder, unless `TAMBON_PLAN_HOME` names one. */
export function defaultHomeDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TAMBON_PLAN_HOME) return path.resolve(env.TAMBON_PLAN_HOME);
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'TambonPlan');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'TambonPlan');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'TambonPlan');
}

/** Paths taken as the person typed them (the CLI, tests): resolved against the working folder. */
export const anyPath: PathPolicy = { resolve: (p) => path.resolve(p) };

/**
 * Under tests (`NODE_ENV=test`) every event is checked against its schema before it leaves, so
 * an event that drifts from the contract fails the test that caused it.
 */
function checkedEmit(emit: AppContext['emit']): AppContext['emit'] {
  if (process.env.NODE_ENV !== 'test') return emit;
  return (event, payload) => {
    const parsed = events[event].safeParse(payload);
    if (!parsed.success) throw new Error(`event ${event} does not match the contract: ${parsed.error.message}`);
    emit(event, payload);
  };
}

/**
 * Where the job worker bundle is when the code runs from the repository or the npm package:
 * `dist/worker.cjs` beside the `resources` folder. The packaged app names its own.
 */
export function defaultWorkerScript(resourcesDir: string): string {
  return path.join(path.dirname(resourcesDir), 'dist', 'worker.cjs');
}

/** Builds a context with real ports; composition roots override what they need. */
export function createContext(options: Pick<AppContext, 'resourcesDir' | 'transport' | 'appVersion'> & Partial<AppContext>): AppContext {
  const sink = options.emit ?? (() => undefined);
  const context: AppContext = {
    workerScript: defaultWorkerScript(options.resourcesDir),
    developer: options.transport === 'harness',
    migrationsDir: path.join(options.resourcesDir, 'migrations'),
    homeDir: defaultHomeDir(),
    fs: nodeFs,
    paths: anyPath,
    dialogs: { pickWorkspace: () => Promise.resolve({ kind: 'cancelled' }), pickExport: () => Promise.resolve({ kind: 'cancelled' }) },
    windows: inPageWindows,
    log: consoleLogger,
    clock: () => new Date(),
    session: createSession(),
    ...options,
    emit: checkedEmit(sink),
    jobs: options.jobs ?? createJobRunner(),
  };
  return context;
}

/**
 * Replaces where the context's events go (the harness streams them; the Electron shell sends them
 * to every window), keeping the check of {@link createContext}.
 */
export function setEventSink(ctx: AppContext, sink: AppContext['emit']): void {
  ctx.emit = checkedEmit(sink);
}
