import { useMemo, useState } from 'react';
import type { AdminArea } from '../../../shared/domain/admin';
import type { CreateWorkspaceInput, Framework, OfficeType, WorkspaceSummary } from '../../../shared/domain/workspace';
import { change, useCall } from '../../api/queries';
import { FieldError, FormError } from '../../components/FieldError';
import { TextInput } from '../../components/TextInput';
import { useI18n } from '../../i18n/I18nProvider';
import { useMenuCommand } from '../app/useMenuCommand';
import { useFilePicker } from './FilePickerProvider';
import {
  maxCustomIssues,
  parseIssues,
  slotOfField,
  sortAreas,
  suggestedFileName,
  suggestedOfficeName,
  type CreateFormSlot,
} from './createWorkspaceForm';

type Errors = Partial<Record<CreateFormSlot, { message: string; value: string }>>;
const customChoice = 'custom';
const noAreas: AdminArea[] = [];
const noPresets: Framework[] = [];

/** Creates a workspace: tambon, office, strategy framework, then the file. */
export function CreateWorkspace(props: { onCreated: (summary: WorkspaceSummary) => void; onBack: () => void }) {
  const { t, lang, errorText } = useI18n();
  const pickFile = useFilePicker();
  const [provinceCode, setProvinceCode] = useState('');
  const [districtCode, setDistrictCode] = useState('');
  const [tambonCode, setTambonCode] = useState('');
  const [officeType, setOfficeType] = useState<OfficeType>('sao');
  /** What the person typed as the office name; null while it follows the type and tambon. */
  const [officeNameTyped, setOfficeNameTyped] = useState<string | null>(null);
  /** The framework the person chose; until then the province's own preset, else the first. */
  const [chosenFramework, setChosenFramework] = useState<string | null>(null);
  const [customName, setCustomName] = useState('');
  const [customIssues, setCustomIssues] = useState('');
  const [path, setPath] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const provinces = useCall('gazetteer.provinces', {}).data ?? noAreas;
  const districts = useCall('gazetteer.districts', { provinceCode }, { enabled: provinceCode !== '' }).data ?? noAreas;
  const tambons = useCall('gazetteer.tambons', { districtCode }, { enabled: districtCode !== '' }).data ?? noAreas;
  const presets = useCall('frameworks.presets', {}).data ?? noPresets;
  const shownDistricts = provinceCode ? districts : noAreas;
  const shownTambons = districtCode ? tambons : noAreas;
  const tambon = shownTambons.find((a) => a.code === tambonCode);

  const frameworkChoice =
    chosenFramework ?? presets.find((p) => p.provinceCode === provinceCode)?.id ?? presets[0]?.id ?? (presets === noPresets ? '' : customChoice);

  /** A name the person emptied follows the suggestion again when the type or the tambon changes. */
  const followSuggestionIfEmpty = () => setOfficeNameTyped((typed) => (typed !== null && typed.trim() === '' ? null : typed));

  // The office name follows the type and tambon until the person edits it.
  const autoOfficeName = suggestedOfficeName(t.officeNamePrefix[officeType], tambon?.nameTh);
  const officeName = officeNameTyped ?? autoOfficeName;

  const preset = presets.find((p) => p.id === frameworkChoice);
  const sortedProvinces = useMemo(() => sortAreas(provinces, lang), [provinces, lang]);
  const sortedDistricts = useMemo(() => sortAreas(shownDistricts, lang), [shownDistricts, lang]);
  const sortedTambons = useMemo(() => sortAreas(shownTambons, lang), [shownTambons, lang]);
  const areaName = (a: AdminArea) => `${lang === 'th' ? a.nameTh : a.nameEn} (${a.code})`;

  // An error shows only while its field holds what it was about: it goes as soon as the field
  // changes, typed or filled in by the form (the office name follows the chosen tambon), so a
  // message about an empty field never stays beside a full one.
  const valueOf: Record<CreateFormSlot, string> = {
    tambon: tambonCode,
    officeType,
    officeName,
    framework: frameworkChoice,
    customName,
    customIssues,
    path: path ?? '',
    form: '',
  };
  valueOf.form = JSON.stringify(valueOf);
  const errorOf = (slot: CreateFormSlot) => {
    const e = errors[slot];
    return e && e.value === valueOf[slot] ? e.message : undefined;
  };
  /** Shows `found`, each error for the value its field holds now (or `values[slot]` when the form is about to change it). */
  const showErrors = (found: Partial<Record<CreateFormSlot, string>>, values: Partial<Record<CreateFormSlot, string>> = {}) =>
    setErrors(
      Object.fromEntries(
        Object.entries(found).map(([slot, message]) => [slot, { message, value: values[slot as CreateFormSlot] ?? valueOf[slot as CreateFormSlot] }]),
      ),
    );

  const validate = (): Partial<Record<CreateFormSlot, string>> => {
    const found: Partial<Record<CreateFormSlot, string>> = {};
    if (!tambonCode) found.tambon = t.create.tambonRequired;
    if (!officeName.trim()) found.officeName = t.create.officeNameRequired;
    if (frameworkChoice === customChoice) {
      if (!customName.trim()) found.customName = t.create.customNameRequired;
      const issues = parseIssues(customIssues);
      if (issues.length === 0) found.customIssues = t.create.customIssuesRequired;
      else if (issues.length > maxCustomIssues) found.customIssues = t.create.tooManyIssues(maxCustomIssues);
    }
    return found;
  };

  const submit = async () => {
    const found = validate();
    showErrors(found);
    if (Object.values(found).some(Boolean)) {
      const first = Object.keys(found)[0];
      document.querySelector<HTMLElement>(`[data-slot="${first}"]`)?.focus();
      return;
    }
    const file = path ?? (await pickFile('save', suggestedFileName(tambon)));
    if (!file) return;
    setPath(file);
    const input: CreateWorkspaceInput = {
      path: file,
      tambonCode,
      officeType,
      officeName: officeName.trim(),
      framework:
        frameworkChoice === customChoice
          ? { custom: { nameTh: customName.trim(), issues: parseIssues(customIssues) } }
          : { presetId: frameworkChoice },
    };
    setBusy(true);
    const result = await change('workspace.create', input);
    setBusy(false);
    if (!result.ok) {
      const slot = slotOfField(result.error.field);
      // A file that cannot be used is asked for again on the next try.
      if (slot === 'path') setPath(null);
      showErrors({ [slot]: errorText(result.error) }, { path: '' });
      return;
    }
    props.onCreated(result.value);
  };

  // ไฟล์ → เปิด… from the menu: open another workspace instead of creating one.
  useMenuCommand((command) => {
    if (command !== 'workspace.open' || busy) return;
    void (async () => {
      const file = await pickFile('open');
      if (!file) return;
      const result = await change('workspace.open', { path: file });
      if (!result.ok) return showErrors({ form: errorText(result.error) });
      props.onCreated(result.value);
    })();
  });

  const invalid = (slot: CreateFormSlot) => (errors[slot] ? { 'aria-invalid': true as const } : {});

  return (
    <section className="page" aria-labelledby="create-title" data-testid="create-screen">
      <h1 id="create-title" className="page-title">
        {t.create.title}
      </h1>
      <p className="lead">{t.create.intro}</p>
      <form
        className="form create-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <fieldset className="fieldset">
          <legend>{t.create.areaLegend}</legend>
          <div className="field-grid field-grid-3">
            <AreaSelect
              id="create-province"
              label={t.create.province}
              placeholder={t.create.chooseProvince}
              areas={sortedProvinces}
              value={provinceCode}
              nameOf={areaName}
              onChange={(code) => {
                setProvinceCode(code);
                setDistrictCode('');
                setTambonCode('');
              }}
            />
            <AreaSelect
              id="create-district"
              label={t.create.district}
              placeholder={t.create.chooseDistrict}
              areas={sortedDistricts}
              value={districtCode}
              disabled={!provinceCode}
              nameOf={areaName}
              onChange={(code) => {
                setDistrictCode(code);
                setTambonCode('');
              }}
            />
            <AreaSelect
              id="create-tambon"
              label={t.create.tambon}
              placeholder={t.create.chooseTambon}
              areas={sortedTambons}
              value={tambonCode}
              disabled={!districtCode}
              nameOf={areaName}
              slot="tambon"
              invalidProps={invalid('tambon')}
              error={errorOf('tambon')}
              onChange={(code) => {
                setTambonCode(code);
                followSuggestionIfEmpty();
              }}
            />
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t.create.officeLegend}</legend>
          <div className="field" role="radiogroup" aria-labelledby="create-office-type-label" aria-describedby="create-office-type-error">
            <span id="create-office-type-label" className="label">
              {t.create.officeType}
            </span>
            <div className="choice-row">
              {(['sao', 'tambon-municipality'] as const).map((type) => (
                <label key={type} className="choice">
                  <input
                    type="radio"
                    name="office-type"
                    value={type}
                    checked={officeType === type}
                    onChange={() => {
                      setOfficeType(type);
                      followSuggestionIfEmpty();
                    }}
                  />
                  <span>{type === 'sao' ? t.create.officeTypeSao : t.create.officeTypeMunicipality}</span>
                </label>
              ))}
            </div>
            <FieldError id="create-office-type-error" message={errorOf('officeType')} />
          </div>
          <div className="field">
            <label htmlFor="create-office-name">{t.create.officeName}</label>
            <TextInput
              id="create-office-name"
              className="input input-wide"
              value={officeName}
              maxLength={300}
              slot="officeName"
              describedBy="create-office-name-hint create-office-name-error"
              invalid={Boolean(errorOf('officeName'))}
              onChange={(value) => setOfficeNameTyped(value === autoOfficeName ? null : value)}
            />
            <p id="create-office-name-hint" className="hint">
              {t.create.officeNameHint}
            </p>
            <FieldError id="create-office-name-error" message={errorOf('officeName')} />
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t.create.frameworkLegend}</legend>
          <div className="framework-layout">
            <div className="choice-list" role="radiogroup" aria-label={t.create.frameworkLegend} aria-describedby="create-framework-error">
              {presets.map((p) => (
                <label key={p.id} className="choice choice-card">
                  <input
                    type="radio"
                    name="framework"
                    value={p.id}
                    checked={frameworkChoice === p.id}
                    onChange={() => {
                      setChosenFramework(p.id);
                    }}
                  />
                  <span>
                    <span className="choice-title">{p.nameTh}</span>
                    <span className="choice-meta">{t.create.issueCount(p.issues.length)}</span>
                  </span>
                </label>
              ))}
              <label className="choice choice-card">
                <input
                  type="radio"
                  name="framework"
                  value={customChoice}
                  checked={frameworkChoice === customChoice}
                  onChange={() => {
                    setChosenFramework(customChoice);
                  }}
                  data-testid="framework-custom"
                />
                <span className="choice-title">{t.create.custom}</span>
              </label>
              <FieldError id="create-framework-error" message={errorOf('framework')} />
            </div>
            <div className="framework-detail">
              {preset && (
                <ol className="issue-preview" aria-label={preset.nameTh} data-testid="framework-preview">
                  {preset.issues.map((issue) => (
                    <li key={issue.no}>{issue.nameTh}</li>
                  ))}
                </ol>
              )}
              {frameworkChoice === customChoice && (
                <>
                  <div className="field">
                    <label htmlFor="create-custom-name">{t.create.customName}</label>
                    <TextInput
                      id="create-custom-name"
                      className="input input-wide"
                      value={customName}
                      maxLength={500}
                      slot="customName"
                      describedBy="create-custom-name-error"
                      invalid={Boolean(errorOf('customName'))}
                      onChange={(value) => {
                        setCustomName(value);
                      }}
                    />
                    <FieldError id="create-custom-name-error" message={errorOf('customName')} />
                  </div>
                  <div className="field">
                    <label htmlFor="create-custom-issues">{t.create.customIssues}</label>
                    <TextInput
                      id="create-custom-issues"
                      className="input input-wide"
                      rows={6}
                      value={customIssues}
                      maxLength={maxCustomIssues * 310}
                      slot="customIssues"
                      describedBy="create-custom-issues-error"
                      invalid={Boolean(errorOf('customIssues'))}
                      onChange={(value) => {
                        setCustomIssues(value);
                      }}
                    />
                    <FieldError id="create-custom-issues-error" message={errorOf('customIssues')} />
                  </div>
                </>
              )}
            </div>
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t.create.fileLegend}</legend>
          <div className="field">
            <span className="label" id="create-file-label">
              {t.create.file}
            </span>
            <div className="file-row">
              <span className={path ? 'file-path' : 'file-path muted'} data-testid="create-file" aria-labelledby="create-file-label">
                {path ?? t.create.fileNotChosen}
              </span>
              <button
                type="button"
                className="button"
                data-slot="path"
                aria-describedby="create-path-error"
                onClick={() =>
                  void pickFile('save', path ?? suggestedFileName(tambon)).then((file) => {
                    if (file) {
                      setPath(file);
                    }
                  })
                }
              >
                {t.create.chooseFile}
              </button>
            </div>
            <FieldError id="create-path-error" message={errorOf('path')} />
          </div>
        </fieldset>

        <FormError message={errorOf('form')} testId="create-error" />
        <div className="form-actions form-actions-end">
          <button type="button" className="button" onClick={props.onBack} disabled={busy}>
            {t.common.back}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="create-submit">
            {busy ? t.common.working : t.create.submit}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A province, district or tambon picker (the data center's area picker uses it too). */
export function AreaSelect(props: {
  id: string;
  label: string;
  placeholder: string;
  areas: AdminArea[];
  value: string;
  disabled?: boolean;
  nameOf: (area: AdminArea) => string;
  onChange: (code: string) => void;
  slot?: string;
  invalidProps?: Record<string, unknown>;
  error?: string | undefined;
}) {
  const errorId = `${props.id}-error`;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        className="input"
        value={props.value}
        disabled={props.disabled}
        data-slot={props.slot}
        aria-describedby={props.error !== undefined || props.slot ? errorId : undefined}
        {...props.invalidProps}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value="">{props.placeholder}</option>
        {props.areas.map((a) => (
          <option key={a.code} value={a.code}>
            {props.nameOf(a)}
          </option>
        ))}
      </select>
      {props.slot ? <FieldError id={errorId} message={props.error} /> : null}
    </div>
  );
}
