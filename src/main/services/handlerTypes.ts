/**
 * The type of a capability's handler table: one function per channel of its contract slice,
 * taking the validated input. Each capability's `handlers.ts` ends with `satisfies HandlersOf<…>`,
 * and `rpc/handlers.ts` merges them under `satisfies Handlers`, so a missing or mistyped
 * handler is a compile error.
 */
import type { z } from 'zod';
import type { contract } from '../../shared/ipc/contract';
import type { ChannelSpec } from '../../shared/ipc/define';
import type { AppContext } from './context';

/** Handlers for the channels `S`. */
export type HandlersOf<S extends Record<string, ChannelSpec>> = {
  [C in keyof S]: (ctx: AppContext, input: z.output<S[C]['input']>) => z.output<S[C]['output']> | Promise<z.output<S[C]['output']>>;
};

/** A handler for every channel of the contract. */
export type Handlers = HandlersOf<typeof contract>;
