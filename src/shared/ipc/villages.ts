/** หมู่บ้าน of the open workspace. */
import { z } from 'zod';
import { villageInputSchema, villageSchema } from '../domain/villages';
import { idInput, none } from './common';
import { defineSlice } from './define';

/** The villages' calls. */
export const villagesSlice = defineSlice({
  capability: 'villages',
  channels: {
    'villages.list': { input: none, output: z.array(villageSchema), reads: ['villages', 'village_contacts'] },
    'villages.add': { input: villageInputSchema.strict(), output: villageSchema },
    'villages.update': { input: villageInputSchema.extend({ id: z.string().min(1).max(100) }).strict(), output: villageSchema },
    'villages.delete': { input: idInput, output: villageSchema },
    'villages.restore': { input: idInput, output: villageSchema },
  },
});
