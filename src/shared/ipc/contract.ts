/**
 * The one contract between the renderer and main: every call (channel → zod input and output)
 * and every event main pushes, merged from the capabilities' slices (one line each below). Both
 * transports (Electron IPC and the loopback harness) carry exactly this; main validates every
 * input against it.
 */
import type { z } from 'zod';
import { appSlice } from './app';
import { assessmentSlice } from './assessment';
import { backupsSlice } from './backups';
import type { Capability, ChannelSpec, JobKindSpec } from './define';
import { datacenterKinds, datacenterSlice } from './datacenter';
import { evidenceSlice } from './evidence';
import { importsSlice } from './imports';
import { forumSlice } from './forum';
import { jobsKinds, makeJobsSlice } from './jobs';
import { lessonsSlice } from './lessons';
import { packagesSlice } from './packages';
import { preferencesSlice } from './preferences';
import { referenceSlice } from './reference';
import { registersSlice } from './registers';
import { reportsSlice } from './reports';
import { villagesSlice } from './villages';
import { workspaceSlice } from './workspace';

/** Every job kind, merged from the slices that declare some. */
export const jobKinds = { ...jobsKinds, ...importsSlice.jobs, ...datacenterKinds } satisfies Record<string, JobKindSpec>;
/** A job kind's name. */
export type JobKind = keyof typeof jobKinds;

const jobsSlice = makeJobsSlice(jobKinds);

/** Every slice, in the order the contract merges them. */
export const slices = [appSlice, preferencesSlice, referenceSlice, workspaceSlice, villagesSlice, backupsSlice, jobsSlice, importsSlice, evidenceSlice, forumSlice, packagesSlice, datacenterSlice, assessmentSlice, registersSlice, lessonsSlice, reportsSlice] as const;

/** Every call: channel name → input and output schemas. */
export const contract = {
  ...appSlice.channels,
  ...preferencesSlice.channels,
  ...referenceSlice.channels,
  ...workspaceSlice.channels,
  ...villagesSlice.channels,
  ...backupsSlice.channels,
  ...jobsSlice.channels,
  ...importsSlice.channels,
  ...evidenceSlice.channels,
  ...forumSlice.channels,
  ...packagesSlice.channels,
  ...datacenterSlice.channels,
  ...assessmentSlice.channels,
  ...registersSlice.channels,
  ...lessonsSlice.channels,
  ...reportsSlice.channels,
} as const satisfies Record<string, ChannelSpec>;

/** Every event main pushes to the renderer: event name → payload schema. */
export const events = {
  ...appSlice.events,
  ...workspaceSlice.events,
  ...jobsSlice.events,
  ...forumSlice.events,
} as const satisfies Record<string, z.ZodType>;

/** A channel name. */
export type Channel = keyof typeof contract;
/** The input a channel takes (before defaults are applied). */
export type ChannelInput<C extends Channel> = z.input<(typeof contract)[C]['input']>;
/** The input a channel's handler receives (after validation). */
export type ChannelParsed<C extends Channel> = z.output<(typeof contract)[C]['input']>;
/** What a channel answers. */
export type ChannelOutput<C extends Channel> = z.output<(typeof contract)[C]['output']>;
/** An event name. */
export type EventName = keyof typeof events;
/** An event's payload. */
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** The channel names, for the preload's allow-list. */
export const channels = Object.keys(contract) as Channel[];
/** The event names, for the preload's allow-list. */
export const eventNames = Object.keys(events) as EventName[];

/** Which capability each channel belongs to. */
export const channelCapability = Object.fromEntries(
  slices.flatMap((slice) => Object.keys(slice.channels).map((channel) => [channel, slice.capability])),
) as Record<Channel, Capability>;

/** The tables a query channel declares it reads (see `ChannelSpec.reads`), or undefined. */
export function channelReads(channel: Channel): readonly string[] | undefined {
  return (contract[channel] as ChannelSpec).reads;
}

/** Whether `name` is a channel of the contract. */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** Whether `name` is an event of the contract. */
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

export type { Capability } from './define';
export type { MenuCommand } from './app';
export type { PickedPath, DataChanged } from './workspace';
