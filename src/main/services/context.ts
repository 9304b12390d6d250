/**
 * What every service call receives: where things are, the OS ports, the session (the open
 * workspace and its leases), the job runner and the event sink. Built once by a composition
 * root (Electron shell, harness, CLI, tests).
 */
import os from 'node:os';
import path from 'node:path';
import type { EventName, EventPayload, events } from '../../shared/ipc/contract';
import { consoleLogger, type Logger } from './errors';
import { createJobRunner, type JobRunner } from './jobs/runner';
import type { DialogPort, FsPort, PathPolicy, PrintPort, SecretStore, WindowPort } from './ports';
import { inPageWindows, noSecrets, nodeFs } from './ports';
import { chromiumPrinter } from './print';
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
  /** Where an unlocked signing key may be remembered (Electron's safeStorage, never a plain-text backend). */
  secrets: SecretStore;
  /** HTML to PDF: Electron's printToPDF in the app, a Chromium on the machine elsewhere. */
  print: PrintPort;
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
 * The contract's event schemas, loaded under tests only: outside them nothing is checked, and the
 * contract's every slice is not evaluated at start (main loads each capability on its first call).
 */
const eventSchemas: { loaded: typeof events | null; loading: Promise<typeof events> | null } = { loaded: null, loading: null };
if (process.env.NODE_ENV === 'test') eventSchemas.loading = import('../../shared/ipc/contract').then((m) => (eventSchemas.loaded = m.events));

/**
 * Under tests (`NODE_ENV=test`) every event is checked against its schema before it leaves, so
 * an event that drifts from the contract fails the test that caused it. (An event sent before the
 * schemas are loaded is checked when they are: its failure is then an unhandled rejection, which
 * fails the test run.)
 */
function checkedEmit(emit: AppContext['emit']): AppContext['emit'] {
  const loading = eventSchemas.loading;
  if (!loading) return emit;
  return (event, payload) => {
    const check = (schemas: typeof events) => {
      const parsed = schemas[event].safeParse(payload);
      if (!parsed.success) throw new Error(`event ${event} does not match the contract: ${parsed.error.message}`);
    };
    if (eventSchemas.loaded) check(eventSchemas.loaded);
    else void loading.then(check);
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
    dialogs: { pickWorkspace: () => Promise.resolve({ kind: 'cancelled' }), pickPath: () => Promise.resolve({ kind: 'cancelled' }) },
    windows: inPageWindows,
    secrets: noSecrets,
    print: chromiumPrinter(),
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
