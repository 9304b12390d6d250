/** Chart colours of the evidence pages. */
import { chartColors } from '../../components/charts/chartSetup';

/** Green when a pass rate reaches its target, red when it misses, the primary blue without a target. */
export function passColor(meetsTarget: boolean | null): string {
  return meetsTarget === null ? chartColors.primary : meetsTarget ? chartColors.good : chartColors.bad;
}
