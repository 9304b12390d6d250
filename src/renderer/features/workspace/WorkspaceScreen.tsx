import { useEffect, useState } from 'react';
import type { WorkspaceSummary } from '../../../shared/domain/workspace';
import { onEvent } from '../../api/client';
import { change, useCall } from '../../api/queries';
import { useClearToasts, useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { useMenuCommand } from '../app/useMenuCommand';
import { ProjectorButton } from '../projector/ProjectorButton';
import { workspaceSections, type SectionTarget } from '../sections';
import { suggestedCopyName } from './createWorkspaceForm';
import { useFilePicker } from './FilePickerProvider';

/** The last part of a path, for either separator. */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** An open workspace: who and where, the sections, the projector, save as and close. */
export function WorkspaceScreen(props: {
  summary: WorkspaceSummary;
  /** Another workspace is open now (save as, open from the menu). */
  onSummary: (summary: WorkspaceSummary) => void;
  /** The workspace was closed; `thenCreate` when the person asked for a new one (menu ไฟล์ → สร้างใหม่). */
  onClosed: (thenCreate?: boolean) => void;
}) {
  const { t, lang, errorText } = useI18n();
  const toast = useToast();
  const pickFile = useFilePicker();
  const clearToasts = useClearToasts();
  // Toasts (an undo, above all) are about this workspace: they go when it closes.
  useEffect(() => clearToasts, [clearToasts]);
  const info = useCall('app.info', {});
  const sections = workspaceSections.filter((s) => !s.developer || info.data?.developer);
  const [sectionId, setSectionId] = useState(sections[0]!.id);
  // A link's target (a readiness finding), with a count so the same link opened twice applies again.
  const [target, setTarget] = useState<{ sectionId: string; target: SectionTarget; n: number } | null>(null);
  const navigate = (id: string, next?: SectionTarget) => {
    setSectionId(id);
    setTarget(next ? { sectionId: id, target: next, n: (target?.n ?? 0) + 1 } : null);
  };
  const section = sections.find((s) => s.id === sectionId) ?? sections[0]!;
  const [busy, setBusy] = useState(false);
  // A restore replaces the file's content: what the panels hold for the old state (an undo) goes.
  const [restores, setRestores] = useState(0);
  useEffect(() => onEvent('workspace.changed', ({ reason }) => reason === 'restored' && setRestores((n) => n + 1)), []);
  const { summary } = props;
  const english = useCall('gazetteer.tambon', { code: summary.tambon.code }, { enabled: lang === 'en' });
  const area =
    lang === 'en' && english.data
      ? t.workspace.area(english.data.tambon.nameEn, english.data.district.nameEn, english.data.province.nameEn)
      : t.workspace.area(summary.tambon.nameTh, summary.tambon.districtNameTh, summary.tambon.provinceNameTh);

  const saveAs = async () => {
    setBusy(true);
    const outcome: { copy?: WorkspaceSummary } = {};
    // The work is done from the file prompt, so a name that is taken is said there.
    await pickFile('save', suggestedCopyName(summary.path), async (path) => {
      const result = await change('workspace.saveAs', { path });
      if (!result.ok) return result.error;
      outcome.copy = result.value;
      return null;
    });
    setBusy(false);
    if (!outcome.copy) return;
    props.onSummary(outcome.copy);
    toast({ message: t.workspace.savedAs(outcome.copy.path), testId: 'toast-workspace' });
  };

  const close = async (thenCreate = false) => {
    setBusy(true);
    const result = await change('workspace.close', {});
    setBusy(false);
    if (!result.ok) return toast({ message: errorText(result.error), kind: 'error', testId: 'toast-workspace' });
    props.onClosed(thenCreate);
  };

  const openOther = async () => {
    setBusy(true);
    const outcome: { opened?: WorkspaceSummary } = {};
    await pickFile('open', undefined, async (path) => {
      const result = await change('workspace.open', { path });
      if (!result.ok) return result.error;
      outcome.opened = result.value;
      return null;
    });
    setBusy(false);
    if (outcome.opened) props.onSummary(outcome.opened);
  };

  useMenuCommand((command) => {
    if (busy) return;
    if (command === 'workspace.saveAs') void saveAs();
    else if (command === 'workspace.close') void close();
    else if (command === 'workspace.new') void close(true);
    else if (command === 'workspace.open') void openOther();
    else if (command === 'backups.restore') setSectionId('backups');
  });

  const { Panel } = section;
  return (
    <div className="workspace" data-testid="workspace-screen">
      <div className="workspace-bar">
        <div className="workspace-identity">
          <h1 className="workspace-area" data-testid="workspace-area">
            {area}
          </h1>
          <p className="workspace-office" data-testid="workspace-office">
            {summary.office.name}
            <span className="workspace-code">{t.workspace.tambonCode(summary.tambon.code)}</span>
            <span className="workspace-code" title={summary.path} data-testid="workspace-file">
              {t.workspace.file(fileName(summary.path))}
            </span>
          </p>
          <p className="workspace-framework">
            <span className="muted">{t.workspace.framework}: </span>
            <span data-testid="workspace-framework">{summary.framework.nameTh}</span>
          </p>
        </div>
        <div className="workspace-commands">
          <ProjectorButton />
          <button type="button" className="button" onClick={() => void saveAs()} disabled={busy} data-testid="workspace-save-as">
            {t.workspace.saveAs}
          </button>
          <button type="button" className="button" onClick={() => void close()} disabled={busy} data-testid="workspace-close">
            {t.workspace.close}
          </button>
        </div>
      </div>
      {summary.readonly && (
        <p className="banner banner-warning" role="note" data-testid="readonly-banner">
          {t.workspace.readonly}
        </p>
      )}
      <div className="workspace-body">
        <nav className="side-nav" aria-label={t.workspace.sections}>
          <ul>
            {sections.map((s, i) => (
              <li key={s.id}>
                {s.group && s.group(t) !== sections[i - 1]?.group?.(t) && <span className="side-nav-group">{s.group(t)}</span>}
                <button
                  type="button"
                  className="side-nav-item"
                  aria-current={section.id === s.id ? 'page' : undefined}
                  onClick={() => navigate(s.id)}
                  data-testid={`nav-${s.id}`}
                >
                  {s.label(t)}
                  {s.developer && <span className="side-nav-note">{t.workspace.developer}</span>}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="workspace-content" key={`${summary.workspaceId}:${restores}`}>
          <Panel
            key={target?.sectionId === section.id ? `target-${target.n}` : 'panel'}
            summary={summary}
            navigate={navigate}
            target={target?.sectionId === section.id ? target.target : undefined}
          />
        </div>
      </div>
    </div>
  );
}
