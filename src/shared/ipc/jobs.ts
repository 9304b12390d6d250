/**
 * Long work as jobs: typed kinds (input, progress detail and result schemas), started with
 * `jobs.start`, followed through `job.progress` / `job.finished` events or `jobs.get`, listed by
 * `jobs.list`, cancelled by `jobs.cancel` (which rolls the job's writes back). Each capability
 * declares its kinds in its slice (`jobs`); `contract.ts` merges them and builds this slice's
 * channels and events over all of them with {@link makeJobsSlice}.
 */
import { z } from 'zod';
import type { AppError } from '../domain/result';
import { appErrorSchema, none } from './common';
import type { JobKindSpec } from './define';

/**
 * The self-test job: writes `rows` rows to the workspace's self-test table in one transaction,
 * in `steps` steps (with an optional pause between them so a person can watch it), then commits;
 * a cancel rolls every row back. It shows that a long write neither freezes the app nor leaves
 * half its work behind. A developer tool: the clerk's menu does not show it.
 */
export const selfTestJob = {
  title: { th: 'งานทดสอบระบบ', en: 'System self-test' },
  developerOnly: true,
  input: z
    .object({
      rows: z.number().int().min(1).max(1_000_000),
      steps: z.number().int().min(1).max(1_000),
      stepDelayMs: z.number().int().min(0).max(1_000).default(0),
      /** Fail after this many steps, for testing how a failure is reported and rolled back. */
      failAtStep: z.number().int().min(1).optional(),
    })
    .strict(),
  progress: z.object({ rowsWritten: z.number() }),
  result: z.object({ rows: z.number(), ms: z.number() }),
} satisfies JobKindSpec;

/** The job kinds of the jobs capability itself. */
export const jobsKinds = { selfTest: selfTestJob };

/** Where a job is. */
export const jobStatuses = ['running', 'done', 'cancelled', 'failed'] as const;
/** One of {@link jobStatuses}. */
export type JobStatus = (typeof jobStatuses)[number];

type Kinds = Record<string, JobKindSpec>;
type Name<K extends Kinds> = keyof K & string;

/** What `jobs.start` takes: a kind and its input. */
export type JobStartOf<K extends Kinds> = { [N in Name<K>]: { kind: N; input: z.input<K[N]['input']> } }[Name<K>];
/** What the handler of `jobs.start` receives (after validation). */
export type JobStartParsedOf<K extends Kinds> = { [N in Name<K>]: { kind: N; input: z.output<K[N]['input']> } }[Name<K>];
/** A progress event of a job. */
export type JobProgressOf<K extends Kinds> = {
  [N in Name<K>]: { jobId: string; kind: N; done: number; total: number; detail: z.output<K[N]['progress']> };
}[Name<K>];
/** A job as `jobs.list` and `jobs.get` show it, and as `job.finished` reports it. */
export type JobStateOf<K extends Kinds> = {
  [N in Name<K>]: {
    jobId: string;
    kind: N;
    status: JobStatus;
    done: number;
    total: number;
    startedAt: string;
    finishedAt: string | null;
    detail: z.output<K[N]['progress']> | null;
    result: z.output<K[N]['result']> | null;
    error: AppError | null;
  };
}[Name<K>];

/**
 * The jobs capability's channels and events over the merged job kinds `kinds`. The schemas are
 * unions with one member per kind, so every input, detail and result is checked against its
 * own kind's schema.
 */
export function makeJobsSlice<const K extends Kinds>(kinds: K) {
  const names = Object.keys(kinds) as Name<K>[];
  const union = (member: (name: Name<K>, spec: JobKindSpec) => z.ZodObject) => {
    const members = names.map((name) => member(name, kinds[name]!));
    return (members.length === 1 ? members[0]! : z.discriminatedUnion('kind', members as [z.ZodObject, z.ZodObject])) as z.ZodType;
  };
  const start = union((name, spec) => z.object({ kind: z.literal(name), input: spec.input }).strict()) as unknown as z.ZodType<
    JobStartParsedOf<K>,
    JobStartOf<K>
  >;
  const progress = union((name, spec) =>
    z.object({ jobId: z.string(), kind: z.literal(name), done: z.number(), total: z.number(), detail: spec.progress }),
  ) as unknown as z.ZodType<JobProgressOf<K>>;
  const state = union((name, spec) =>
    z.object({
      jobId: z.string(),
      kind: z.literal(name),
      status: z.enum(jobStatuses),
      done: z.number(),
      total: z.number(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      detail: spec.progress.nullable(),
      result: spec.result.nullable(),
      error: appErrorSchema.nullable(),
    }),
  ) as unknown as z.ZodType<JobStateOf<K>>;
  const jobIdInput = z.object({ jobId: z.string().min(1).max(100) }).strict();
  return {
    capability: 'jobs' as const,
    channels: {
      'jobs.start': { input: start, output: z.object({ jobId: z.string() }) },
      'jobs.list': { input: none, output: z.array(state) },
      'jobs.get': { input: jobIdInput, output: state },
      'jobs.cancel': { input: jobIdInput, output: z.object({ cancelled: z.boolean() }) },
    },
    events: {
      'job.progress': progress,
      'job.finished': state,
    },
  };
}
