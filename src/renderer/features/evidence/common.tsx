/** Pieces the evidence views share: the source line, year and village pickers, pin buttons. */
import type { ReactNode } from 'react';
import { formatNumber } from '../../../shared/domain/fields';
import { useI18n } from '../../i18n/I18nProvider';
import type { Figure } from './PinDialog';

/** An import the figures come from. */
export interface Source {
  importId: string;
  fileName: string;
  importedAt: string;
}

/** The source line of a chart, and what an evidence item records of its source. */
export function useSourceLine(sources: readonly Source[]): { line: string; label: string; importId: string | null } {
  const { t, date } = useI18n();
  const label = sources.map((s) => t.evidence.importedOn(s.fileName, date(s.importedAt))).join(', ');
  return { line: sources.length ? t.evidence.source(label) : '', label: label || '—', importId: sources.length === 1 ? sources[0]!.importId : null };
}

/** A year picker over the years that have data. */
export function YearSelect(props: { id: string; years: readonly number[]; value: number | null; onChange: (year: number) => void; label?: string }) {
  const { t } = useI18n();
  if (props.years.length === 0) return null;
  return (
    <div className="field field-inline">
      <label htmlFor={props.id}>{props.label ?? t.evidence.year}</label>
      <select id={props.id} className="input" value={props.value ?? ''} onChange={(e) => props.onChange(Number(e.target.value))} data-testid={props.id}>
        {props.years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A push-pin, drawn (an emoji font is not on every office PC). */
function PinIcon() {
  return (
    <svg className="pin-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M5 1.5h6l-1 1.5v3.2l2.5 2.6v1H8.6V15L8 15.8 7.4 15v-5.2H3.5v-1L6 6.2V3z" fill="currentColor" />
    </svg>
  );
}

/** A small pin button beside a figure. */
export function PinButton(props: { what: string; onPin: () => void; testId?: string }) {
  const { t } = useI18n();
  return (
    <button type="button" className="button button-small button-quiet pin-button" onClick={props.onPin} aria-label={t.evidence.pinLabel(props.what)} title={t.evidence.pinLabel(props.what)} data-testid={props.testId}>
      <PinIcon />
      <span className="pin-text">{t.evidence.pin}</span>
    </button>
  );
}

/** Figures in a row of stat boxes. */
export function Stats(props: { items: { label: string; value: string; tone?: 'good' | 'bad'; testId?: string }[] }) {
  return (
    <dl className="stat-row">
      {props.items.map((s) => (
        <div key={s.label} className={s.tone ? `stat stat-${s.tone}` : 'stat'}>
          <dt>{s.label}</dt>
          <dd data-testid={s.testId}>{s.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A toolbar above a view (year, scope…). */
export function Toolbar({ children }: { children: ReactNode }) {
  return <div className="evidence-toolbar">{children}</div>;
}

/** The figure of a share of households, as an evidence item records it. */
export function shareFigure(base: Omit<Figure, 'valueText' | 'valueNumber' | 'unit'>, percent: number, part: number, whole: number, words: (p: string, a: string, b: string) => string): Figure {
  return { ...base, valueText: words(percent.toFixed(1), formatNumber(part), formatNumber(whole)), valueNumber: percent, unit: '%' };
}
