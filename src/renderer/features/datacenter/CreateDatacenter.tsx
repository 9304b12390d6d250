import { useMemo, useState } from 'react';
import type { AdminArea } from '../../../shared/domain/admin';
import type { DatacenterSummary } from '../../../shared/domain/datacenter';
import { change, useCall } from '../../api/queries';
import { FormError } from '../../components/FieldError';
import { useI18n } from '../../i18n/I18nProvider';
import { AreaSelect } from '../workspace/CreateWorkspace';
import { sortAreas } from '../workspace/createWorkspaceForm';
import { useFilePicker } from '../workspace/FilePickerProvider';

const noAreas: AdminArea[] = [];

/** Creates a data center workspace for a province, or a district of it (the area picker), then its file. */
export function CreateDatacenter(props: { onCreated: (summary: DatacenterSummary) => void; onBack: () => void }) {
  const { t, lang } = useI18n();
  const pickFile = useFilePicker();
  const [provinceCode, setProvinceCode] = useState('');
  const [districtCode, setDistrictCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const provinces = useCall('gazetteer.provinces', {}).data ?? noAreas;
  const districts = useCall('gazetteer.districts', { provinceCode }, { enabled: provinceCode !== '' }).data ?? noAreas;
  const sortedProvinces = useMemo(() => sortAreas(provinces, lang), [provinces, lang]);
  const sortedDistricts = useMemo(() => sortAreas(provinceCode ? districts : noAreas, lang), [districts, provinceCode, lang]);
  const nameOf = (a: AdminArea) => (lang === 'th' ? a.nameTh : a.nameEn);
  const areaCode = districtCode || provinceCode;
  const areaName = districtCode ? districts.find((d) => d.code === districtCode)?.nameTh : provinces.find((p) => p.code === provinceCode)?.nameTh;

  const submit = async () => {
    if (!areaCode) return setError(t.datacenter.areaRequired);
    setError(null);
    setBusy(true);
    const outcome: { created?: DatacenterSummary } = {};
    await pickFile(
      'save',
      `ศูนย์ข้อมูล-${areaName ?? areaCode}-${areaCode}.tpdc`,
      async (path) => {
        const result = await change('datacenter.create', { path, areaCode });
        if (!result.ok) return result.error;
        outcome.created = result.value;
        return null;
      },
      { extensions: ['tpdc'] },
    );
    setBusy(false);
    if (outcome.created) props.onCreated(outcome.created);
  };

  return (
    <section className="page page-narrow" aria-labelledby="dc-create-title" data-testid="datacenter-create">
      <h1 id="dc-create-title" className="page-title">
        {t.datacenter.createTitle}
      </h1>
      <p className="lead">{t.datacenter.createIntro}</p>
      <div className="field-grid">
        <AreaSelect
          id="dc-province"
          label={t.datacenter.province}
          placeholder={t.datacenter.choose}
          areas={sortedProvinces}
          value={provinceCode}
          nameOf={nameOf}
          onChange={(code) => {
            setProvinceCode(code);
            setDistrictCode('');
          }}
        />
        <AreaSelect
          id="dc-district"
          label={t.datacenter.district}
          placeholder={t.datacenter.wholeProvince}
          areas={sortedDistricts}
          value={districtCode}
          disabled={!provinceCode}
          nameOf={nameOf}
          onChange={setDistrictCode}
        />
      </div>
      <FormError message={error ?? undefined} testId="datacenter-create-error" />
      <div className="form-actions">
        <button type="button" className="button" onClick={props.onBack}>
          {t.common.back}
        </button>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void submit()} data-testid="datacenter-create-submit">
          {busy ? t.common.working : t.datacenter.create}
        </button>
      </div>
    </section>
  );
}
