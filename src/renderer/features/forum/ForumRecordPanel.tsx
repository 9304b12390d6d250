import { useState } from 'react';
import {
  attendanceCounts,
  formatDateInputBE,
  parseDateBE,
  participantRoles,
  suggestedLeadersPerVillage,
  villagesOverLeaderSuggestion,
  type ForumRecord,
  type Participant,
} from '../../../shared/domain/forum';
import { invoke } from '../../api/client';
import { useCall } from '../../api/queries';
import { FieldError } from '../../components/FieldError';
import { useI18n } from '../../i18n/I18nProvider';
import type { SectionProps } from '../sections';
import { participantActions } from './api';
import { Cell } from './Cell';
import { EditableTable, type Column } from './EditableTable';
import { ExportButton } from './ExportButton';
import { PrintButton } from './print/PrintPreview';

/**
 * เวทีประชาคมตำบล: the record of the forum (date in พ.ศ., place, agenda, facilitators, minutes),
 * the participant register typed as people sign in (village, role, organisation, group, present),
 * attendance counts, the groups per strategic issue, and the printable agenda, sign-in sheet and
 * group lists.
 */
export function ForumRecordPanel({ summary }: SectionProps) {
  const { t } = useI18n();
  const record = useCall('forum.record.get', {}).data;
  const participants = useCall('forum.participants.list', {}).data ?? [];
  const villages = useCall('villages.list', {}).data ?? [];
  const issues = useCall('forum.issues.list', {}).data ?? [];
  const readonly = summary.readonly;
  const counts = attendanceCounts(participants);
  const overLeaders = villagesOverLeaderSuggestion(participants);
  const last = participants.at(-1);

  const saveRecord = (key: keyof ForumRecord) => async (next: unknown, base: unknown, rev: number) => {
    const result = await invoke('forum.record.update', { rev: rev || null, patch: { [key]: next === '' ? null : next }, base: { [key]: base === '' ? null : base } });
    if (result.ok) return { kind: 'saved' as const, value: result.value[key] ?? '', rev: result.value.rev ?? 0 };
    return result.error.code === 'CONFLICT' ? { kind: 'conflict' as const, error: result.error } : { kind: 'error' as const, error: result.error };
  };
  const recordField = (key: 'place' | 'agenda' | 'facilitators' | 'minutes', label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`record-${key}`}>{label}</label>
      <Cell
        id={`record-${key}`}
        draftKey={`record:${key}`}
        kind="text"
        stored={record?.[key] ?? ''}
        rev={record?.rev ?? 0}
        save={saveRecord(key)}
        label={label}
        rowId="record"
        column={key}
        readonly={readonly}
        placeholder={hint}
      />
    </div>
  );

  const villageOptions = [{ value: '', label: t.forum.record.noVillage }, ...villages.map((v) => ({ value: v.id, label: t.forum.villages.village(v.moo, v.name) }))];
  const groupOptions = [{ value: '', label: '—' }, ...issues.map((i) => ({ value: i.id, label: t.forum.issueTab(i.no) }))];
  const columns: Column<Participant>[] = [
    { key: 'name', label: t.forum.record.name, kind: 'text', value: (p) => p.name, className: 'col-person', max: 200 },
    { key: 'villageId', label: t.forum.record.village, kind: 'select', value: (p) => p.villageId, className: 'col-village', options: villageOptions },
    {
      key: 'role',
      label: t.forum.record.role,
      kind: 'select',
      value: (p) => p.role,
      className: 'col-role',
      options: participantRoles.map((r) => ({ value: r, label: t.forum.record.roles[r] })),
    },
    { key: 'organisation', label: t.forum.record.organisation, kind: 'text', value: (p) => p.organisation ?? '', className: 'col-org', max: 200 },
    { key: 'groupIssueId', label: t.forum.record.group, kind: 'select', value: (p) => p.groupIssueId, className: 'col-group', options: groupOptions },
    { key: 'attended', label: t.forum.record.attended, kind: 'check', value: (p) => p.attended, className: 'col-check' },
  ];

  return (
    <section aria-labelledby="record-title" data-testid="record-panel">
      <div className="panel-heading">
        <h2 id="record-title" className="panel-title">
          {t.forum.record.title}
        </h2>
      </div>
      <p className="lead">{t.forum.record.intro}</p>
      <div className="card record-card">
        <div className="record-grid">
          <DateField record={record} readonly={readonly} />
          {recordField('place', t.forum.record.place)}
          {recordField('agenda', t.forum.record.agenda, t.forum.record.agendaHint)}
          {recordField('facilitators', t.forum.record.facilitators, t.forum.record.facilitatorsHint)}
        </div>
        {recordField('minutes', t.forum.record.minutes)}
        <div className="button-row">
          <PrintButton form="agenda" label={t.forum.print.agenda} />
          <PrintButton form="signin" label={t.forum.print.signIn} />
          <PrintButton form="groups" label={t.forum.print.groups} />
          <ExportButton form="register" label={t.forum.exports.register} />
        </div>
      </div>

      <h3 className="card-title">{t.forum.record.participants}</h3>
      <p className="attendance" data-testid="attendance">
        {t.forum.record.attendance(counts.registered, counts.attended)}
        {villages.map((v) => (
          <span key={v.id} className={counts.byVillage[v.id] ? 'chip' : 'chip chip-warning'}>
            {t.forum.record.villageCount(v.moo, counts.byVillage[v.id] ?? 0)}
          </span>
        ))}
      </p>
      {overLeaders.length > 0 && (
        <p className="banner banner-warning" role="note">
          {t.forum.record.tooManyLeaders(
            suggestedLeadersPerVillage,
            overLeaders.map((id) => villages.find((v) => v.id === id)?.moo ?? '?').join(', '),
          )}
        </p>
      )}
      <EditableTable
        scope="participants"
        rows={participants}
        columns={columns}
        actions={participantActions(() => ({ villageId: last?.villageId ?? null, role: last?.role ?? 'leader' }))}
        numbered
        readonly={readonly}
        emptyText={t.forum.record.noParticipants}
        addLabel={t.forum.record.addParticipant}
        rowName={(i) => t.forum.record.personN(i + 1)}
        testId="participants-table"
      />

      <h3 className="card-title">{t.forum.record.groups}</h3>
      <div className="group-grid" data-testid="groups">
        {issues.map((issue) => {
          const members = participants.filter((p) => p.groupIssueId === issue.id);
          return (
            <div key={issue.id} className="group-card">
              <p className="group-title" title={issue.nameTh}>
                {t.forum.issueTitle(issue.no, issue.nameTh)}
              </p>
              <p className="muted">{t.forum.record.members(members.length)}</p>
              <ul>
                {members.map((p) => (
                  <li key={p.id}>{p.name || t.forum.table.empty}</li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </section>
  );
}

/** The forum's date typed in พ.ศ. (15/3/2569), saved when it is a real date. */
function DateField({ record, readonly }: { record: ForumRecord | undefined; readonly: boolean }) {
  const { t, errorText, date } = useI18n();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const value = text ?? formatDateInputBE(record?.heldOn ?? null);
  const save = async () => {
    if (text === null) return;
    const iso = text.trim() === '' ? null : parseDateBE(text);
    if (text.trim() !== '' && !iso) return setError(t.forum.dateInvalid);
    const result = await invoke('forum.record.update', { rev: record?.rev ?? null, patch: { heldOn: iso }, base: { heldOn: record?.heldOn ?? null } });
    if (!result.ok) return setError(errorText(result.error));
    setError(null);
    setText(null);
  };
  return (
    <div className="field">
      <label htmlFor="record-date">{t.forum.record.date}</label>
      <input
        id="record-date"
        className="input input-date"
        value={value}
        placeholder={t.forum.datePlaceholder}
        disabled={readonly}
        aria-invalid={error ? true : undefined}
        aria-describedby="record-date-hint record-date-error"
        onChange={(e) => setText(e.target.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => e.key === 'Enter' && void save()}
        data-testid="record-date"
      />
      <p id="record-date-hint" className="hint">
        {record?.heldOn ? date(`${record.heldOn}T12:00:00`) : t.forum.dateHint}
      </p>
      <FieldError id="record-date-error" message={error ?? undefined} />
    </div>
  );
}
