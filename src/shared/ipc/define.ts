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
