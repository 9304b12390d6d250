/** Shipped reference data: the DOPA gazetteer and the strategy-framework presets. */
import { z } from 'zod';
import { adminAreaSchema, tambonCodeSchema } from '../domain/admin';
import { frameworkSchema } from '../domain/workspace';
import { none } from './common';
import { defineSlice } from './define';

/** The reference data's calls. */
export const referenceSlice = defineSlice({
  capability: 'reference',
  channels: {
    'gazetteer.provinces': { input: none, output: z.array(adminAreaSchema) },
    'gazetteer.districts': {
      input: z.object({ provinceCode: z.string().regex(/^\d{2}$/, 'รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก / a province code has 2 digits') }).strict(),
      output: z.array(adminAreaSchema),
    },
    'gazetteer.tambons': {
      input: z.object({ districtCode: z.string().regex(/^\d{4}$/, 'รหัสอำเภอต้องเป็นตัวเลข 4 หลัก / a district code has 4 digits') }).strict(),
      output: z.array(adminAreaSchema),
    },
    'gazetteer.tambon': {
      input: z.object({ code: tambonCodeSchema }).strict(),
      output: z.object({ tambon: adminAreaSchema, district: adminAreaSchema, province: adminAreaSchema }),
    },
    'frameworks.presets': { input: none, output: z.array(frameworkSchema) },
  },
});
