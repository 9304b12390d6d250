/**
 * Each capability's contract slice and handler table, merged by channel (one line each), loaded
 * on the capability's first call. A process evaluates the zod schemas, services and queries of
 * the capabilities it uses, not all sixteen: opening a workspace and listing its villages needs
 * four of them, and the forum's, the packages' and the data center's schemas are the larger part
 * of the bundle's start-up (bench/README.md, "Startup"). The type check below still makes a
 * missing or mistyped handler a compile error.
 */
import type { Capability, ChannelSpec } from '../../shared/ipc/define';
import { capabilityOfChannel } from '../../shared/ipc/define';
import type { AppContext } from '../services/context';
import type { Handlers } from '../services/handlerTypes';

export type { Handlers } from '../services/handlerTypes';

/** What main knows of one capability once loaded. */
export interface LoadedCapability {
  channels: Record<string, ChannelSpec>;
  handlers: Record<string, (ctx: AppContext, input: never) => unknown>;
}

// Each line: the capability's slice and its handlers. (The jobs slice is made from every job kind, in contract.ts.)
const loaders = {
  app: () => Promise.all([import('../../shared/ipc/app'), import('../services/app/handlers')]).then(([s, h]) => ({ channels: s.appSlice.channels, handlers: h.appHandlers })),
  preferences: () =>
    Promise.all([import('../../shared/ipc/preferences'), import('../services/preferences/handlers')]).then(([s, h]) => ({ channels: s.preferencesSlice.channels, handlers: h.preferencesHandlers })),
  reference: () =>
    Promise.all([import('../../shared/ipc/reference'), import('../services/reference/handlers')]).then(([s, h]) => ({ channels: s.referenceSlice.channels, handlers: h.referenceHandlers })),
  workspace: () =>
    Promise.all([import('../../shared/ipc/workspace'), import('../services/workspace/handlers')]).then(([s, h]) => ({ channels: s.workspaceSlice.channels, handlers: h.workspaceHandlers })),
  villages: () =>
    Promise.all([import('../../shared/ipc/villages'), import('../services/villages/handlers')]).then(([s, h]) => ({ channels: s.villagesSlice.channels, handlers: h.villagesHandlers })),
  backups: () => Promise.all([import('../../shared/ipc/backups'), import('../services/backups/handlers')]).then(([s, h]) => ({ channels: s.backupsSlice.channels, handlers: h.backupsHandlers })),
  jobs: () =>
    Promise.all([import('../../shared/ipc/contract'), import('../services/jobs/handlers')]).then(([c, h]) => ({
      channels: c.slices.find((slice) => slice.capability === 'jobs')!.channels,
      handlers: h.jobsHandlers,
    })),
  imports: () => Promise.all([import('../../shared/ipc/imports'), import('../services/imports/handlers')]).then(([s, h]) => ({ channels: s.importsSlice.channels, handlers: h.importsHandlers })),
  evidence: () =>
    Promise.all([import('../../shared/ipc/evidence'), import('../services/evidence/handlers')]).then(([s, h]) => ({ channels: s.evidenceSlice.channels, handlers: h.evidenceHandlers })),
  forum: () => Promise.all([import('../../shared/ipc/forum'), import('../services/forum/handlers')]).then(([s, h]) => ({ channels: s.forumSlice.channels, handlers: h.forumHandlers })),
  packages: () =>
    Promise.all([import('../../shared/ipc/packages'), import('../services/packages/handlers')]).then(([s, h]) => ({ channels: s.packagesSlice.channels, handlers: h.packagesHandlers })),
  datacenter: () =>
    Promise.all([import('../../shared/ipc/datacenter'), import('../services/datacenter/handlers')]).then(([s, h]) => ({ channels: s.datacenterSlice.channels, handlers: h.datacenterHandlers })),
  assessment: () =>
    Promise.all([import('../../shared/ipc/assessment'), import('../services/assessment/handlers')]).then(([s, h]) => ({ channels: s.assessmentSlice.channels, handlers: h.assessmentHandlers })),
  registers: () =>
    Promise.all([import('../../shared/ipc/registers'), import('../services/registers/handlers')]).then(([s, h]) => ({ channels: s.registersSlice.channels, handlers: h.registersHandlers })),
  lessons: () =>
    Promise.all([import('../../shared/ipc/lessons'), import('../services/lessons/handlers')]).then(([s, h]) => ({ channels: s.lessonsSlice.channels, handlers: h.lessonsHandlers })),
  reports: () =>
    Promise.all([import('../../shared/ipc/reports'), import('../services/reports/handlers')]).then(([s, h]) => ({ channels: s.reportsSlice.channels, handlers: h.reportsHandlers })),
};

// Indexed by every capability: a capability without its line above does not compile either.
type Tables = { [K in Capability]: Awaited<ReturnType<(typeof loaders)[K]>>['handlers'] };
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** Every capability's handlers together. */
export type AllHandlers = Intersection<Tables[Capability]>;
/** `true`, or a compile error naming what is missing: every channel of the contract has its handler, of its type. */
export type EveryChannelHandled = AllHandlers extends Handlers ? true : never;
/** The compiler's check of {@link EveryChannelHandled}: `never` here would not compile. */
export const everyChannelHandled: EveryChannelHandled = true;

const loaded = new Map<Capability, Promise<LoadedCapability>>();

/** A capability's slice and handlers, loaded once. */
export function loadCapability(capability: Capability): Promise<LoadedCapability> {
  let pending = loaded.get(capability);
  if (!pending) {
    pending = loaders[capability]();
    loaded.set(capability, pending);
  }
  return pending;
}

/** The capability of `channel` by its name (loaded once), or null for a name no capability has. */
export function capabilityFor(channel: string): Promise<LoadedCapability> | null {
  const capability = capabilityOfChannel(channel);
  return capability ? loadCapability(capability) : null;
}

/** Every capability loaded: every channel's handler (for tests and tools that list them). */
export async function allHandlers(): Promise<Record<string, unknown>> {
  const tables = await Promise.all((Object.keys(loaders) as Capability[]).map(loadCapability));
  return Object.assign({}, ...tables.map((t) => t.handlers)) as Record<string, unknown>;
}
