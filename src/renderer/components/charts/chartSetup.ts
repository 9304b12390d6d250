/**
 * chart.js, registered once with only what the app draws (bar charts), drawing in Sarabun — the
 * Thai font the app bundles — so Thai labels render the same on every machine. Animations are off:
 * a projector in a hall gains nothing from them, and screenshots are stable.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family = "'Sarabun', 'Noto Sans Thai', 'Leelawadee UI', Tahoma, sans-serif";
Chart.defaults.font.size = 14;
Chart.defaults.color = '#1c2430';
Chart.defaults.animation = false;

export { Chart };

/** The colours the charts use (the app's palette). */
export const chartColors = {
  primary: '#1d5c8c',
  good: '#1a7f4b',
  bad: '#b42318',
  muted: '#9aa5b1',
  warning: '#c27803',
  series: ['#1d5c8c', '#c27803', '#1a7f4b', '#8e44ad', '#b42318', '#00838f'],
};
