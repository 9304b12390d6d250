/** The reference capability's handlers: the gazetteer and the framework presets. */
import type { referenceSlice } from '../../../shared/ipc/reference';
import type { HandlersOf } from '../handlerTypes';
import { loadFrameworkPresets, loadGazetteer } from './reference';

/** The reference capability's handlers. */
export const referenceHandlers = {
  'gazetteer.provinces': (ctx) => loadGazetteer(ctx.resourcesDir).provinces,
  'gazetteer.districts': (ctx, { provinceCode }) => loadGazetteer(ctx.resourcesDir).districtsOf(provinceCode),
  'gazetteer.tambons': (ctx, { districtCode }) => loadGazetteer(ctx.resourcesDir).tambonsOf(districtCode),
  'gazetteer.tambon': (ctx, { code }) => loadGazetteer(ctx.resourcesDir).tambon(code),
  'frameworks.presets': (ctx) => loadFrameworkPresets(ctx.resourcesDir),
} satisfies HandlersOf<typeof referenceSlice.channels>;
