/**
 * What runs on the answering thread before a job's worker starts, one line per kind that needs
 * it: paths in a job's input are resolved here by the transport's path policy (the harness
 * confines them to its folder; Electron allows what a dialog returned), never in the worker.
 */
import type { ChannelParsed } from '../../../shared/ipc/contract';
import type { AppContext } from '../context';
import { prepareDatacenterImport } from '../datacenter/prepare';

type Request = ChannelParsed<'jobs.start'>;

/** A job's input, made ready for its worker. */
export async function prepareJobInput(ctx: AppContext, request: Request): Promise<Request['input']> {
  switch (request.kind) {
    case 'datacenterImport':
      return prepareDatacenterImport(ctx, request.input);
    default:
      return request.input;
  }
}
