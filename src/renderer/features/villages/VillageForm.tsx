import { useRef, useState } from 'react';
import type { AppError } from '../../../shared/domain/result';
import { maxVillageName, villageWarnings, type VillageInput } from '../../../shared/domain/villages';
import { FormError } from '../../components/FieldError';
import { TextInput } from '../../components/TextInput';
import { useI18n } from '../../i18n/I18nProvider';
import {
  emptyVillageForm,
  formFieldOf,
  parseWholeNumber,
  toVillageInput,
  villageFormFields,
  type VillageFormField,
  type VillageFormValues,
} from './villageForm';

/**
 * The village form, for adding (one row above the table, cleared after each add so villages
 * can be typed one after another) and for editing (stacked, in a dialog). Enter submits.
 * Errors from main (range, duplicate หมู่ที่) are shown beside the field they name.
 */
export function VillageForm(props: {
  idPrefix: string;
  layout: 'row' | 'stacked';
  initial?: VillageFormValues;
  submitLabel: string;
  onSubmit: (input: VillageInput) => Promise<AppError | null>;
  onCancel?: () => void;
  resetOnSuccess?: boolean;
}) {
  const { t, errorText } = useI18n();
  const [values, setValues] = useState<VillageFormValues>(props.initial ?? emptyVillageForm);
  const [errors, setErrors] = useState<Partial<Record<VillageFormField, string>>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const id = (field: string) => `${props.idPrefix}-${field}`;

  const focusField = (field: VillageFormField) => formRef.current?.querySelector<HTMLInputElement>(`#${id(field)}`)?.focus();

  const submit = async () => {
    const parsed = toVillageInput(values, t.villages);
    setFormError(undefined);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      const first = villageFormFields.find((f) => parsed.errors[f]);
      if (first) focusField(first);
      return;
    }
    setBusy(true);
    const failure = await props.onSubmit(parsed.input);
    setBusy(false);
    if (failure) {
      const field = formFieldOf(failure.field);
      if (field) {
        setErrors({ [field]: errorText(failure) });
        focusField(field);
      } else {
        setErrors({});
        setFormError(errorText(failure));
      }
      return;
    }
    setErrors({});
    if (props.resetOnSuccess) {
      setValues(emptyVillageForm);
      focusField('moo');
    }
  };

  const set = (field: keyof VillageFormValues, value: string | boolean) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (field !== 'isCommunity' && errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const labels: Record<VillageFormField, string> = {
    moo: t.villages.moo,
    name: t.villages.name,
    households: t.villages.households,
    population: t.villages.population,
    headman: t.villages.headman,
  };
  const numeric = new Set<VillageFormField>(['moo', 'households', 'population']);
  // Possible but unlikely figures (fewer people than households): said, not refused.
  const asNumber = (text: string) => {
    const n = parseWholeNumber(text);
    return typeof n === 'number' ? n : null;
  };
  const warnings = villageWarnings({ households: asNumber(values.households), population: asNumber(values.population) });
  const errorId = (field: VillageFormField) => id(`${field}-error`);

  const fieldError = (field: VillageFormField, withLabel: boolean) =>
    errors[field] ? (
      <p key={field} id={errorId(field)} className="field-error" role="alert" data-testid={`${props.idPrefix}-error-${field}`}>
        {/* In the row layout the message sits under all fields: name the field unless the message already does. */}
        {withLabel && !errors[field].includes(labels[field]) && <strong className="field-error-label">{labels[field]}: </strong>}
        {errors[field]}
      </p>
    ) : null;

  return (
    <form
      ref={formRef}
      className={props.layout === 'row' ? 'village-form village-form-row' : 'village-form village-form-stacked'}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) void submit();
      }}
    >
      <div className="village-fields">
        {villageFormFields.map((field) => (
          <div key={field} className={`field field-${field}`}>
            <label htmlFor={id(field)}>{labels[field]}</label>
            <TextInput
              id={id(field)}
              className={numeric.has(field) ? 'input input-number' : 'input'}
              value={values[field]}
              inputMode={numeric.has(field) ? 'numeric' : undefined}
              maxLength={numeric.has(field) ? 20 : maxVillageName}
              invalid={Boolean(errors[field])}
              describedBy={errors[field] ? errorId(field) : undefined}
              onChange={(value) => set(field, value)}
              autoFocus={field === 'moo'}
            />
            {props.layout === 'stacked' && fieldError(field, false)}
          </div>
        ))}
      </div>
      {props.layout === 'row' && villageFormFields.map((field) => fieldError(field, true))}
      {warnings.map((warning) => (
        <p key={warning} className="field-warning" role="status" data-testid={`${props.idPrefix}-warning`}>
          {t.villages.warnings[warning]}
        </p>
      ))}
      <FormError message={formError} />
      <div className="village-form-footer">
        <label className="choice">
          <input type="checkbox" checked={values.isCommunity} onChange={(event) => set('isCommunity', event.target.checked)} id={id('community')} />
          <span>{t.villages.isCommunity}</span>
        </label>
        {props.layout === 'row' && <span className="hint">{t.villages.digitsHint}</span>}
        <div className="form-actions">
          {props.onCancel && (
            <button type="button" className="button" onClick={props.onCancel}>
              {t.common.cancel}
            </button>
          )}
          <button type="submit" className="button button-primary" disabled={busy} data-testid={`${props.idPrefix}-submit`}>
            {props.submitLabel}
          </button>
        </div>
      </div>
    </form>
  );
}
