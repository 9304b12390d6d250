/** The jobs capability's handlers: start a job of any kind, list, follow and cancel. */
import type { Handlers } from '../handlerTypes';

/** The jobs capability's handlers. */
export const jobsHandlers = {
  'jobs.start': async (ctx, request) => ({ jobId: (await ctx.jobs.start(ctx, request)).jobId }),
  'jobs.list': (ctx) => ctx.jobs.list(),
  'jobs.get': (ctx, { jobId }) => ctx.jobs.get(jobId),
  'jobs.cancel': (ctx, { jobId }) => ({ cancelled: ctx.jobs.cancel(jobId) }),
} satisfies Pick<Handlers, 'jobs.start' | 'jobs.list' | 'jobs.get' | 'jobs.cancel'>;
