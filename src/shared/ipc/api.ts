/**
 * The typed API the renderer sees (`window.api` in Electron, the HTTP bridge in the harness).
 */
import type { Envelope } from '../domain/result';
import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from './contract';

/** What both transports expose to the renderer. */
export interface Api {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Envelope<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
