/** The app capability's handlers: build facts, displays and more windows. */
import type { appSlice } from '../../../shared/ipc/app';
import type { HandlersOf } from '../handlerTypes';

/** The app capability's handlers. */
export const appHandlers = {
  'app.info': (ctx) => ({
    version: ctx.appVersion,
    transport: ctx.transport === 'electron' ? 'electron' : 'harness',
    platform: process.platform,
    developer: ctx.developer,
  }),
  'app.displays': (ctx) => ctx.windows.displays(),
  'windows.open': (ctx, { view, displayId }) => ({ kind: ctx.windows.open(view, displayId) }),
} satisfies HandlersOf<typeof appSlice.channels>;
