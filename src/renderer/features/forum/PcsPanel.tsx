import { useEffect, useState } from 'react';
import type { PcsRow } from '../../../shared/domain/forum';
import { forumLimits } from '../../../shared/domain/forum';
import type { Envelope } from '../../../shared/domain/result';
import { invoke } from '../../api/client';
import { useCall } from '../../api/queries';
import { Modal } from '../../components/Modal';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { SectionProps } from '../sections';
import { pcsActions } from './api';
import { EditableTable, type Column } from './EditableTable';
import { IssueTabs } from './IssueTabs';
import { ProjectorBar } from './ProjectorBar';
import { useLinkedChoice, useProjector } from './useProjector';
import { VillagePicker } from './VillagePicker';

/**
 * ปัญหา–สาเหตุ–แนวทางแก้ไข: one table per strategic issue, typed live at the forum (see
 * EditableTable for the keys), with the villages each problem came from and the evidence beside
 * it; the village items classified under the issue are at hand to add as problems.
 */
export function PcsPanel({ summary, target }: SectionProps) {
  const { t, errorText } = useI18n();
  const toast = useToast();
  const issues = useCall('forum.issues.list', {}).data ?? [];
  const villages = useCall('villages.list', {}).data ?? [];
  const plans = useCall('forum.villagePlans.list', {}).data;
  const counts = useCall('forum.overview', {}).data ?? [];
  const projector = useProjector();
  const [issueId, chooseIssue] = useLinkedChoice(projector, 'pcs', 'issueId', target?.issueId ?? issues[0]?.id ?? null);
  // The row's id, not the row: the dialog shows the live row, so what is attached there appears at once.
  const [evidenceFor, setEvidenceFor] = useState<string | null>(null);
  // One issue's rows: a save refreshes 60 rows, not the whole plan.
  const rows = useCall('forum.pcs.list', { issueId: issueId ?? '' }, { enabled: Boolean(issueId) }).data ?? [];
  const readonly = summary.readonly;
  // Gone when the row is deleted (here or in another window): the dialog closes with it.
  const evidenceRow = rows.find((r) => r.id === evidenceFor) ?? null;

  // A readiness link to a row: focus its problem once it is on screen.
  useEffect(() => {
    if (!target?.rowId) return;
    document.querySelector<HTMLElement>(`[data-row="${CSS.escape(target.rowId)}"][data-col="problem"]`)?.focus();
  }, [target, rows.length]);

  if (!issueId) return <p className="empty">{t.forum.noIssues}</p>;
  const actions = pcsActions(issueId);
  const hidden = (row: PcsRow) =>
    Boolean(projector?.reveal.on && projector.view === 'pcs' && projector.issueId === issueId && !projector.reveal.shown.includes(row.id));
  const fromVillages = (plans?.items ?? []).filter((i) => i.issueId === issueId && i.kind === 'problem');
  const villageName = (id: string) => villages.find((v) => v.id === id);

  const addFromVillage = async (item: (typeof fromVillages)[number]) => {
    const result = await invoke('forum.pcs.add', { issueId, after: rows.at(-1)?.id ?? null, values: { problem: item.text, sourceVillageIds: [item.villageId] } });
    if (!result.ok) toast({ message: errorText(result.error), kind: 'error', testId: 'toast-forum' });
  };

  const columns: Column<PcsRow>[] = [
    { key: 'problem', label: t.forum.pcs.problem, kind: 'text', value: (r) => r.problem, className: 'col-problem', max: forumLimits.problem, placeholder: t.forum.pcs.problemHint },
    { key: 'causes', label: t.forum.pcs.causes, kind: 'lines', value: (r) => r.causes, className: 'col-list', placeholder: t.forum.pcs.linesHint },
    { key: 'solutions', label: t.forum.pcs.solutions, kind: 'lines', value: (r) => r.solutions, className: 'col-list', placeholder: t.forum.pcs.linesHint },
    {
      key: 'sourceVillageIds',
      label: t.forum.pcs.villages,
      kind: 'custom',
      className: 'col-villages',
      render: (r, i) => (
        <VillagePicker
          villages={villages}
          value={r.sourceVillageIds}
          readonly={readonly}
          label={t.forum.pcs.villagesOf(i + 1)}
          onSave={async (ids) => {
            const result = await actions.save(r, { sourceVillageIds: ids }, { sourceVillageIds: r.sourceVillageIds });
            return result.ok ? null : result.error;
          }}
        />
      ),
    },
    {
      key: 'evidence',
      label: t.forum.pcs.evidence,
      kind: 'custom',
      className: 'col-evidence',
      render: (r) => (
        <div className="evidence-slot" data-testid="evidence-slot">
          {r.evidence.map((e) => (
            <span key={e.id} className="chip">
              {e.label}
            </span>
          ))}
          {!readonly && (
            <button type="button" className="button button-small button-quiet" onClick={() => setEvidenceFor(r.id)} data-testid="evidence-attach">
              {t.forum.pcs.attach}
            </button>
          )}
        </div>
      ),
    },
  ];

  return (
    <section aria-labelledby="pcs-title" data-testid="pcs-panel">
      <div className="panel-heading">
        <h2 id="pcs-title" className="panel-title">
          {t.forum.pcs.title}
        </h2>
      </div>
      <p className="lead">{t.forum.pcs.intro}</p>
      <IssueTabs
        issues={issues}
        value={issueId}
        onChange={chooseIssue}
        label={t.forum.issuesLabel}
        idPrefix="pcs"
        count={(issue) => counts.find((c) => c.issueId === issue.id)?.pcs ?? 0}
      />
      <ProjectorBar view="pcs" issueId={issueId} reveal />
      {fromVillages.length > 0 && (
        <details className="from-villages">
          <summary>{t.forum.pcs.fromVillages(fromVillages.length)}</summary>
          <ul>
            {fromVillages.map((item) => {
              const v = villageName(item.villageId);
              return (
                <li key={item.id}>
                  <span className="muted">{v ? t.forum.villages.short(v.moo) : ''}</span> {item.text}
                  {!readonly && (
                    <button type="button" className="button button-small button-quiet" onClick={() => void addFromVillage(item)}>
                      {t.forum.pcs.addAsProblem}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </details>
      )}
      <div id="pcs-panel" role="tabpanel" aria-labelledby={`pcs-tab-${issues.find((i) => i.id === issueId)?.no ?? 1}`}>
        <EditableTable
          scope={`pcs:${issueId}`}
          rows={rows}
          columns={columns}
          actions={actions}
          numbered
          numberLabel={t.forum.pcs.no}
          readonly={readonly}
          emptyText={t.forum.pcs.empty}
          addLabel={t.forum.pcs.add}
          rowName={(i) => t.forum.pcs.rowName(i + 1)}
          rowClassName={(r) => (hidden(r) ? 'row-hidden-on-projector' : undefined)}
          rowNote={(r) =>
            hidden(r) ? (
              <button
                type="button"
                className="button button-small reveal-row"
                onClick={() => void invoke('forum.projector.reveal', { mode: 'row', rowId: r.id })}
                title={t.forum.projector.revealRowHint}
                data-testid="reveal-row"
              >
                {t.forum.projector.revealRow}
              </button>
            ) : null
          }
          caption={t.forum.pcs.title}
          testId="pcs-table"
        />
      </div>
      {evidenceRow && <EvidenceDialog row={evidenceRow} onClose={() => setEvidenceFor(null)} />}
    </section>
  );
}

/**
 * Attaching evidence items (the figures pinned on the data dashboards) to a problem row, through
 * `forum.evidence.candidates`; until a figure is pinned there are none, and the dialog says where
 * they come from.
 */
function EvidenceDialog({ row, onClose }: { row: PcsRow; onClose: () => void }) {
  const { t, errorText } = useI18n();
  const toast = useToast();
  const candidates = useCall('forum.evidence.candidates', { pcsRowId: row.id });
  const linked = new Set(row.evidence.map((e) => e.evidenceKey));
  const report = (result: Envelope<unknown>) => {
    if (!result.ok) toast({ message: errorText(result.error), kind: 'error', testId: 'toast-forum' });
  };
  return (
    <Modal title={t.forum.pcs.evidenceTitle} onClose={onClose} testId="evidence-dialog" wide>
      <p className="modal-text">{row.problem || t.forum.table.empty}</p>
      {row.evidence.length > 0 && (
        <ul className="evidence-list">
          {row.evidence.map((e) => (
            <li key={e.id}>
              {e.label}
              <button type="button" className="button button-small button-quiet" onClick={() => void invoke('forum.evidence.unlink', { linkId: e.id }).then(report)}>
                {t.forum.pcs.detach}
              </button>
            </li>
          ))}
        </ul>
      )}
      {candidates.data && candidates.data.length === 0 ? (
        <p className="empty" data-testid="evidence-none">
          {t.forum.pcs.noEvidence}
        </p>
      ) : (
        <ul className="evidence-list">
          {(candidates.data ?? [])
            .filter((c) => !linked.has(c.evidenceKey))
            .map((c) => (
              <li key={c.evidenceKey}>
                <span>
                  {c.label}
                  {c.detail && <span className="muted"> — {c.detail}</span>}
                </span>
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => void invoke('forum.evidence.link', { pcsRowId: row.id, evidenceKey: c.evidenceKey }).then(report)}
                >
                  {t.forum.pcs.attach}
                </button>
              </li>
            ))}
        </ul>
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {t.common.close}
        </button>
      </div>
    </Modal>
  );
}
