/** The preferences capability's handlers. */
import type { preferencesSlice } from '../../../shared/ipc/preferences';
import type { HandlersOf } from '../handlerTypes';
import { readPreferences, updatePreferences } from './preferences';

/** The preferences capability's handlers. */
export const preferencesHandlers = {
  'prefs.get': (ctx) => readPreferences(ctx),
  'prefs.set': (ctx, input) => updatePreferences(ctx, input),
} satisfies HandlersOf<typeof preferencesSlice.channels>;
