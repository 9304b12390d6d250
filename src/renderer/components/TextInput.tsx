import type { HTMLAttributes } from 'react';
import { formatNumber } from '../../shared/domain/fields';
import { useI18n } from '../i18n/I18nProvider';

/**
 * A text field with a length limit that says when the limit is reached: the browser stops the
 * typing (or cuts a paste) at `maxLength` without a word, so a person would not know the end of
 * what they typed was dropped. Multi-line with `rows`.
 */
export function TextInput(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  className?: string;
  invalid?: boolean;
  /** Ids of the elements that describe the field (hint, error), space-separated. */
  describedBy?: string;
  rows?: number;
  placeholder?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  autoComplete?: string;
  spellCheck?: boolean;
  /** Focused first when the field sits in a dialog (see Modal). */
  autoFocus?: boolean;
  /** The form part this field is, for focusing the first field in error. */
  slot?: string;
}) {
  const { t } = useI18n();
  const limitId = `${props.id}-limit`;
  const atLimit = props.value.length >= props.maxLength;
  const common = {
    id: props.id,
    className: props.className ?? 'input',
    value: props.value,
    maxLength: props.maxLength,
    placeholder: props.placeholder,
    autoComplete: props.autoComplete ?? 'off',
    spellCheck: props.spellCheck,
    'aria-invalid': props.invalid ? true : undefined,
    'aria-describedby': [props.describedBy, atLimit ? limitId : undefined].filter(Boolean).join(' ') || undefined,
    'data-autofocus': props.autoFocus ? true : undefined,
    'data-slot': props.slot,
  };
  return (
    <>
      {props.rows ? (
        <textarea {...common} rows={props.rows} onChange={(event) => props.onChange(event.target.value)} />
      ) : (
        <input {...common} inputMode={props.inputMode} onChange={(event) => props.onChange(event.target.value)} />
      )}
      {atLimit && (
        <p id={limitId} className="hint hint-limit" role="status" data-testid={limitId}>
          {t.common.atLimit(formatNumber(props.maxLength))}
        </p>
      )}
    </>
  );
}
