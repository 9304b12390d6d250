/**
 * The renderer's one way of loading and refreshing data: a query cache (TanStack Query) keyed by
 * channel and input, which the change events from main invalidate. A screen asks with
 * {@link useCall}; a change made anywhere (this window, the projector, a job, another window)
 * arrives as `data.changed` naming the capability and tables it wrote, and every query that reads
 * them loads again. `workspace.changed` (opened, closed, restored) starts every query afresh.
 */
import { QueryClient, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { AppError } from '../../shared/domain/result';
import {
  channelCapability,
  channelReads,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type DataChanged,
} from '../../shared/ipc/contract';
import { invoke, onEvent, onReconnect } from './client';

/** A failed call, carrying the envelope's error. */
export class CallError extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.messageEn);
    this.error = error;
  }
}

/** The cache of this window. Data stays fresh until an event says otherwise. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: Infinity, gcTime: 5 * 60 * 1000, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
  },
});

/** A call's value, or a thrown {@link CallError}. */
export async function callValue<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await invoke(channel, input);
  if (!result.ok) throw new CallError(result.error);
  return result.value;
}

/** Loads `channel` with `input` through the cache; it refreshes when a change event says so. */
export function useCall<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  options: { enabled?: boolean } = {},
): UseQueryResult<ChannelOutput<C>, CallError> {
  return useQuery<ChannelOutput<C>, CallError>({
    queryKey: [channel, input],
    queryFn: () => callValue(channel, input),
    enabled: options.enabled ?? true,
  });
}

/** Whether a query of `channel` shows anything a change of `event` touched. */
export function isAffected(channel: Channel, event: Pick<DataChanged, 'capability' | 'tables'>): boolean {
  const reads = channelReads(channel);
  if (!reads) return channelCapability[channel] === event.capability;
  if (reads.includes('*')) return true;
  return Object.keys(event.tables).some((table) => reads.includes(table));
}

/**
 * Loads again every query that `event` touched. Important: a load already under way is restarted,
 * not kept: it may have begun before the change was stored, and its answer (the rows as they were)
 * would otherwise stand as fresh until the next change, e.g. a row just added never showing.
 */
export function invalidateFor(event: Pick<DataChanged, 'capability' | 'tables'>): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (query) => isAffected(query.queryKey[0] as Channel, event) });
}

/**
 * Calls a channel that changes something and, when it succeeds, refreshes at once the queries of
 * its own capability (the change event refreshes everything it touched, a moment later and in
 * every window; this keeps the window that made the change from waiting for it).
 */
export async function change<C extends Channel>(channel: C, input: ChannelInput<C>) {
  const result = await invoke(channel, input);
  if (result.ok) {
    const capability = channelCapability[channel];
    await queryClient.invalidateQueries({ predicate: (query) => channelCapability[query.queryKey[0] as Channel] === capability }, { cancelRefetch: false });
  }
  return result;
}

/** Follows main's change events for the life of the window; returns the function that stops. */
export function followChanges(): () => void {
  const offData = onEvent('data.changed', (event) => void invalidateFor(event));
  // Another file, a restore or a close: nothing cached is about the workspace now open.
  const offWorkspace = onEvent('workspace.changed', () => void queryClient.invalidateQueries());
  // Events may have been missed while the connection to the harness was down.
  const offReconnect = onReconnect(() => void queryClient.invalidateQueries());
  return () => {
    offData();
    offWorkspace();
    offReconnect();
  };
}
