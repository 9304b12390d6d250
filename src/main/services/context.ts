/**
 * What every service call receives: where things are, the OS ports, the open workspace and the
 * event sink. Built once by a composition root (Electron shell, harness, CLI, tests).
 */
import os from 'node:os';
import path from 'node:path';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { WorkspaceDb } from '../db/client';
import type { JobRunner } from './jobs/jobRunner';
import { createJobRunner } from './jobs/jobRunner';
import type { DialogPort, FsPort, PathPolicy } from './ports';
import { nodeFs } from './ports';

/** The workspace currently open in this process. */
export interface OpenWorkspace extends WorkspaceDb {
  workspaceId: string;
  /** When the last automatic backup was taken, for the "at most hourly while edited" rule. */
  lastBackupAt: number;
  /** A backup in progress, so two are never taken at once. */
  backupInFlight: Promise<unknown> | null;
  /** Set while the file is being replaced (restore): changes are refused meanwhile. */
  busy: string | null;
  /** Cleans up after close (the temporary copy of a workspace on read-only media). */
  dispose?: (() => void) | undefined;
}

/** Everything a service call needs. */
export interface AppContext {
  appVersion: string;
  transport: 'electron' | 'harness' | 'cli';
  resourcesDir: string;
  migrationsDir: string;
  /** The app data folder: preferences, backups (later: keys, seq marks). `TAMBON_PLAN_HOME` overrides it. */
  homeDir: string;
  fs: FsPort;
  paths: PathPolicy;
  dialogs: DialogPort;
  clock: () => Date;
  jobs: JobRunner;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  session: { workspace: OpenWorkspace | null };
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

/** Builds a context with real ports; composition roots override what they need. */
export function createContext(
  options: Pick<AppContext, 'resourcesDir' | 'transport' | 'appVersion'> & Partial<AppContext>,
): AppContext {
  const listeners = options.emit ?? (() => undefined);
  const context: AppContext = {
    migrationsDir: path.join(options.resourcesDir, 'migrations'),
    homeDir: defaultHomeDir(),
    fs: nodeFs,
    paths: anyPath,
    dialogs: { pickWorkspace: async () => ({ kind: 'cancelled' }) },
    clock: () => new Date(),
    session: { workspace: null },
    ...options,
    emit: listeners,
    jobs: options.jobs ?? createJobRunner((event, payload) => context.emit(event, payload)),
  };
  return context;
}
