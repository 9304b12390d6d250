/** Preferences kept in the app data folder: the operator at the keyboard, the language, recent files. */
import { z } from 'zod';
import { operatorNameField, preferencesSchema } from '../domain/workspace';
import { none } from './common';
import { defineSlice } from './define';

/** The preferences' calls. */
export const preferencesSlice = defineSlice({
  capability: 'preferences',
  channels: {
    'prefs.get': { input: none, output: preferencesSchema },
    'prefs.set': {
      input: z.object({ operatorName: operatorNameField.optional(), language: z.enum(['th', 'en']).optional() }).strict(),
      output: preferencesSchema,
    },
  },
});
