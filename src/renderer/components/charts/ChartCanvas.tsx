import { useEffect, useRef } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { Chart } from './chartSetup';
import { useFontsReady } from './useFontsReady';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * A chart.js bar chart, drawn once the Thai font is in (see {@link useFontsReady}) and drawn
 * again when its configuration changes; it fills its box's width and takes `height` pixels. The
 * canvas is an image with the chart's title as its name; the table view carries its numbers.
 * `data-drawn` says when it has been drawn (tests wait for it).
 */
export function ChartCanvas(props: { config: ChartConfiguration<'bar'>; label: string; height: number; testId?: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLCanvasElement>(null);
  const fontsReady = useFontsReady();
  const { config } = props;
  useEffect(() => {
    const canvas = ref.current;
    if (!fontsReady || !canvas) return;
    const chart = new Chart(canvas, { ...config, options: { responsive: true, maintainAspectRatio: false, ...config.options } });
    canvas.dataset.drawn = 'true';
    return () => {
      chart.destroy();
      delete canvas.dataset.drawn;
    };
  }, [fontsReady, config]);
  return (
    <div className="chart-box" style={{ height: props.height }}>
      {!fontsReady && <p className="muted chart-wait">{t.charts.drawing}</p>}
      <canvas ref={ref} role="img" aria-label={props.label} data-testid={props.testId} />
    </div>
  );
}
