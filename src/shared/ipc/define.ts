/**
 * The shape of a capability's slice of the contract. Each capability (workspace, villages,
 * backups, …) declares its own channels and events in `src/shared/ipc/<capability>.ts`;
 * `contract.ts` merges the slices into one map.
 */
import type { z } from 'zod';

/** The capabilities, each with one folder per layer (DESIGN.md section 4). */
export const capabilities = ['app', 'preferences', 'reference', 'workspace', 'villages', 'backups', 'jobs', 'imports', 'evidence', 'forum', 'packages', 'datacenter', 'assessment', 'registers', 'lessons', 'reports'] as const;
/** One of {@link capabilities}. */
export type Capability = (typeof capabilities)[number];

/**
 * The capability of each channel name's first part (`forum.pcs.update` → forum), so main can
 * load a capability's slice and handlers when its first call comes, without evaluating every
 * slice to learn the names (see src/main/rpc/capabilities.ts). A channel whose first part is not
 * here is unknown; test/integration/dispatch.test.ts checks the table against the contract.
 */
export const channelPrefixes: Readonly<Record<string, Capability>> = {
  app: 'app',
  windows: 'app',
  prefs: 'preferences',
  gazetteer: 'reference',
  frameworks: 'reference',
  dialog: 'workspace',
  workspace: 'workspace',
  villages: 'villages',
  backups: 'backups',
  jobs: 'jobs',
  imports: 'imports',
  evidence: 'evidence',
  forum: 'forum',
  packages: 'packages',
  datacenter: 'datacenter',
  assessment: 'assessment',
  registers: 'registers',
  lessons: 'lessons',
  reports: 'reports',
};

/** The capability a channel name belongs to by its first part, or null. */
export function capabilityOfChannel(name: string): Capability | null {
  const prefix = name.slice(0, name.indexOf('.'));
  return Object.hasOwn(channelPrefixes, prefix) ? channelPrefixes[prefix]! : null;
}

/** One call: its input and output schemas. */
export interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
  /**
   * The workspace tables a query reads. The renderer's cache refreshes the query when a change
   * event names one of them; without it, when the event's capability is the channel's own.
   */
  reads?: readonly string[];
}

/** A long piece of work (an import, a merge): its input, progress detail and result schemas. */
export interface JobKindSpec {
  input: z.ZodType;
  progress: z.ZodType;
  result: z.ZodType;
  /** What the job is called where a person reads it (progress, a refusal while it runs). */
  title: { th: string; en: string };
  /** A developer tool: refused unless developer tools are on (never in the installed app). */
  developerOnly?: boolean;
  /** The file the job works on: the open tambon workspace (default) or the open data center workspace. */
  store?: 'tambon' | 'datacenter';
}

/** A capability's part of the contract. */
export interface Slice {
  capability: Capability;
  channels: Record<string, ChannelSpec>;
  events?: Record<string, z.ZodType>;
  jobs?: Record<string, JobKindSpec>;
}

/** Declares a slice, keeping its literal types (`satisfies` without widening). */
export function defineSlice<const S extends Slice>(slice: S): S {
  return slice;
}
