/**
 * What main checks of a job's input before its worker starts, one line per kind that needs it:
 * paths go through the transport's path policy here, never in the worker (which has no ports),
 * and a file that cannot be used is refused at once, with the workspace untouched.
 */
import type { z } from 'zod';
import type { JobKind, jobKinds } from '../../../shared/ipc/contract';
import type { AppContext } from '../context';
import { prepareDatacenterImport } from '../datacenter/prepare';
import { prepareImport } from '../imports/prepare';

/** A kind's check of its input: answers the input the worker gets. */
type Preparer<K extends JobKind> = (ctx: AppContext, input: z.output<(typeof jobKinds)[K]['input']>) => Promise<z.output<(typeof jobKinds)[K]['input']>>;

/** The kinds whose input main checks first. */
export const jobPreparers: { [K in JobKind]?: Preparer<K> } = {
  import: prepareImport,
  datacenterImport: prepareDatacenterImport,
};

/** The input `kind`'s worker gets: checked by its preparer, or as it is. */
export async function prepareJobInput<K extends JobKind>(ctx: AppContext, kind: K, input: z.output<(typeof jobKinds)[K]['input']>): Promise<z.output<(typeof jobKinds)[K]['input']>> {
  const prepare = jobPreparers[kind];
  return prepare ? prepare(ctx, input) : input;
}
