/**
 * The one contract between the renderer and main: every call (channel → zod input, zod output)
 * and every event main pushes. Both transports (Electron IPC and the loopback harness) carry
 * exactly this; main validates every input against it.
 */
import { z } from 'zod';
import { adminAreaSchema, tambonCodeSchema } from '../domain/admin';
import { villageInputSchema, villageSchema } from '../domain/villages';
import {
  backupInfoSchema,
  createWorkspaceInputSchema,
  frameworkSchema,
  preferencesSchema,
  workspaceSummarySchema,
} from '../domain/workspace';

const none = z.object({}).strict();
const idInput = z.object({ id: z.string().min(1) }).strict();
const pathInput = z.object({ path: z.string().trim().min(1, { error: 'ต้องระบุไฟล์ / a file is required' }) }).strict();

/** What a file dialog answers: a path, a cancel, or (in the browser harness) "ask in the page". */
export const pickedPathSchema = z.union([
  z.object({ kind: z.literal('picked'), path: z.string() }),
  z.object({ kind: z.literal('cancelled') }),
  z.object({ kind: z.literal('ask-in-page'), root: z.string() }),
]);
/** What a file dialog answers. */
export type PickedPath = z.infer<typeof pickedPathSchema>;

/** A running or finished job, as its events describe it. */
export const jobStateSchema = z.object({ jobId: z.string() });

/** Every call: channel name → input and output schemas. */
export const contract = {
  'app.info': {
    input: none,
    output: z.object({ version: z.string(), transport: z.enum(['electron', 'harness']), platform: z.string() }),
  },
  'prefs.get': { input: none, output: preferencesSchema },
  'prefs.set': {
    input: z
      .object({
        operatorName: z.string().trim().min(1, { error: 'ต้องระบุชื่อผู้ใช้งาน / operator name is required' }).max(120).optional(),
        language: z.enum(['th', 'en']).optional(),
      })
      .strict(),
    output: preferencesSchema,
  },
  'gazetteer.provinces': { input: none, output: z.array(adminAreaSchema) },
  'gazetteer.districts': {
    input: z.object({ provinceCode: z.string().regex(/^\d{2}$/) }).strict(),
    output: z.array(adminAreaSchema),
  },
  'gazetteer.tambons': {
    input: z.object({ districtCode: z.string().regex(/^\d{4}$/) }).strict(),
    output: z.array(adminAreaSchema),
  },
  'gazetteer.tambon': {
    input: z.object({ code: tambonCodeSchema }).strict(),
    output: z.object({ tambon: adminAreaSchema, district: adminAreaSchema, province: adminAreaSchema }),
  },
  'frameworks.presets': { input: none, output: z.array(frameworkSchema) },
  'dialog.pickWorkspace': {
    input: z.object({ mode: z.enum(['open', 'save']), suggestedName: z.string().max(200).optional() }).strict(),
    output: pickedPathSchema,
  },
  'workspace.create': { input: createWorkspaceInputSchema.strict(), output: workspaceSummarySchema },
  'workspace.open': { input: pathInput, output: workspaceSummarySchema },
  'workspace.current': { input: none, output: workspaceSummarySchema.nullable() },
  'workspace.saveAs': { input: pathInput, output: workspaceSummarySchema },
  'workspace.close': { input: none, output: z.null() },
  'villages.list': { input: none, output: z.array(villageSchema) },
  'villages.add': { input: villageInputSchema.strict(), output: villageSchema },
  'villages.update': { input: villageInputSchema.extend({ id: z.string().min(1) }).strict(), output: villageSchema },
  'villages.delete': { input: idInput, output: villageSchema },
  'villages.restore': { input: idInput, output: villageSchema },
  'backups.list': { input: none, output: z.array(backupInfoSchema) },
  'backups.create': { input: none, output: backupInfoSchema },
  'backups.restore': { input: z.object({ file: z.string().min(1) }).strict(), output: workspaceSummarySchema },
  'jobs.startSelfTest': {
    input: z.object({ steps: z.number().int().min(1).max(10_000), stepMs: z.number().int().min(0).max(10_000) }).strict(),
    output: jobStateSchema,
  },
  'jobs.cancel': { input: z.object({ jobId: z.string().min(1) }).strict(), output: z.object({ cancelled: z.boolean() }) },
} as const;

/**
 * What the Electron application menu asks the renderer to do (ไฟล์ → สร้างใหม่, เปิด…, บันทึกเป็น…,
 * กู้คืนจากสำรอง…, ปิดพื้นที่ทำงาน); the renderer runs the same flow as its own buttons.
 */
export const menuCommands = ['workspace.new', 'workspace.open', 'workspace.saveAs', 'backups.restore', 'workspace.close'] as const;
/** One of {@link menuCommands}. */
export type MenuCommand = (typeof menuCommands)[number];

/** Every event main pushes to the renderer: event name → payload schema. */
export const events = {
  'job.progress': z.object({ jobId: z.string(), done: z.number(), total: z.number(), label: z.string().optional() }),
  'job.finished': z.object({
    jobId: z.string(),
    status: z.enum(['done', 'cancelled', 'failed']),
    result: z.unknown().optional(),
    error: z.object({ code: z.string(), messageTh: z.string(), messageEn: z.string() }).optional(),
  }),
  'workspace.changed': z.object({ reason: z.string() }),
  /** A command chosen in the Electron application menu, for the renderer to carry out with its own flow. */
  'menu.command': z.object({ command: z.enum(menuCommands) }),
} as const;

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

/** Whether `name` is a channel of the contract. */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
