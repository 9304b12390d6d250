/**
 * The one entry both transports use: validate the channel and its input against the contract,
 * run the handler, answer with the envelope. Nothing else reaches the services from outside.
 * Under tests (`NODE_ENV=test`) the output is checked against the contract too, so a handler
 * that drifts from it fails the test that called it.
 */
import type { Envelope } from '../../shared/domain/result';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { AppContext } from '../services/context';
import { toAppError, validationError } from '../services/errors';
import { capabilityFor } from './handlers';

const checkOutputs = process.env.NODE_ENV === 'test';

/** The answer to a name that is no channel of the contract. */
function unknownChannel(channel: unknown): Envelope<unknown> {
  return {
    ok: false,
    error: { code: 'VALIDATION', messageTh: `ไม่รู้จักคำสั่ง ${String(channel)}`, messageEn: `Unknown channel ${String(channel)}`, field: 'channel' },
  };
}

/** Validates and runs one call; never throws. */
export async function dispatch(ctx: AppContext, channel: unknown, input: unknown): Promise<Envelope<unknown>> {
  if (typeof channel !== 'string') return unknownChannel(channel);
  // The channel's capability (its schemas and handlers) is loaded on its first call (see handlers.ts).
  const capability = await capabilityFor(channel);
  const spec = capability && Object.hasOwn(capability.channels, channel) ? capability.channels[channel] : undefined;
  if (!capability || !spec) return unknownChannel(channel);
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
  try {
    const handler = capability.handlers[channel] as (ctx: AppContext, input: unknown) => unknown;
    const value = await handler(ctx, parsed.data);
    if (checkOutputs) {
      const checked = spec.output.safeParse(value);
      if (!checked.success) throw new Error(`${channel} answered outside its contract: ${checked.error.message}`);
    }
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toAppError(error, ctx.log) };
  }
}

/** Same as {@link dispatch}, typed by channel, for callers inside main (CLI, tests). */
export function call<C extends Channel>(ctx: AppContext, channel: C, input: ChannelInput<C>): Promise<Envelope<ChannelOutput<C>>> {
  return dispatch(ctx, channel, input) as Promise<Envelope<ChannelOutput<C>>>;
}
