import { useEffect, useState } from 'react';
import type { WorkspaceSummary } from '../../../shared/domain/workspace';
import { invoke } from '../../api/client';
import { useClearToasts, useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { BackupsPanel } from '../backups/BackupsPanel';
import { useFilePicker } from '../files/FilePickerProvider';
import { useMenuCommand } from '../menu/useMenuCommand';
import { SelfTestPanel } from '../jobs/SelfTestPanel';
import { VillagesPanel } from '../villages/VillagesPanel';
import { suggestedCopyName } from './createWorkspaceForm';
import { IssuesPanel } from './IssuesPanel';

/** The English names of a tambon, its district and province (the summary carries the Thai ones). */
function useEnglishArea(code: string | null): { tambon: string; district: string; province: string } | null {
  const [names, setNames] = useState<{ code: string; tambon: string; district: string; province: string } | null>(null);
  useEffect(() => {
    if (!code || names?.code === code) return;
    let live = true;
    void invoke('gazetteer.tambon', { code }).then((r) => {
      if (live && r.ok) setNames({ code, tambon: r.value.tambon.nameEn, district: r.value.district.nameEn, province: r.value.province.nameEn });
    });
    return () => {
      live = false;
    };
  }, [code, names?.code]);
  return code && names?.code === code ? names : null;
}

/** The last part of a path, for either separator. */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

type Section = 'villages' | 'issues' | 'backups' | 'selfTest';
const sections: Section[] = ['villages', 'issues', 'backups', 'selfTest'];

/** An open workspace: who and where, the sections, save as and close. */
export function WorkspaceScreen(props: {
  summary: WorkspaceSummary;
  /** Bumped when the workspace's content was replaced (a restore): the panels reload. */
  generation: number;
  onSummary: (summary: WorkspaceSummary, replaced: boolean) => void;
  /** The workspace was closed; `thenCreate` when the person asked for a new one (menu ไฟล์ → สร้างใหม่). */
  onClosed: (thenCreate?: boolean) => void;
}) {
  const { t, lang, errorText } = useI18n();
  const toast = useToast();
  const pickFile = useFilePicker();
  const clearToasts = useClearToasts();
  // Toasts (an undo, above all) are about this workspace: they go when it closes.
  useEffect(() => clearToasts, [clearToasts]);
  const [section, setSection] = useState<Section>('villages');
  const [busy, setBusy] = useState(false);
  const { summary } = props;
  const englishArea = useEnglishArea(lang === 'en' ? summary.tambon.code : null);
  const area = englishArea
    ? t.workspace.area(englishArea.tambon, englishArea.district, englishArea.province)
    : t.workspace.area(summary.tambon.nameTh, summary.tambon.districtNameTh, summary.tambon.provinceNameTh);
  const navLabel: Record<Section, string> = {
    villages: t.workspace.navVillages,
    issues: t.workspace.navIssues,
    backups: t.workspace.navBackups,
    selfTest: t.workspace.navSelfTest,
  };

  const saveAs = async () => {
    const path = await pickFile('save', suggestedCopyName(summary.path));
    if (!path) return;
    setBusy(true);
    const result = await invoke('workspace.saveAs', { path });
    setBusy(false);
    if (!result.ok) return toast({ message: errorText(result.error), kind: 'error' });
    props.onSummary(result.value, true);
    toast({ message: t.workspace.savedAs(result.value.path) });
  };

  const close = async (thenCreate = false) => {
    setBusy(true);
    const result = await invoke('workspace.close', {});
    setBusy(false);
    if (!result.ok) return toast({ message: errorText(result.error), kind: 'error' });
    props.onClosed(thenCreate);
  };

  const openOther = async () => {
    const path = await pickFile('open');
    if (!path) return;
    setBusy(true);
    const result = await invoke('workspace.open', { path });
    setBusy(false);
    if (!result.ok) return toast({ message: errorText(result.error), kind: 'error' });
    props.onSummary(result.value, true);
  };

  useMenuCommand((command) => {
    if (busy) return;
    if (command === 'workspace.saveAs') void saveAs();
    else if (command === 'workspace.close') void close();
    else if (command === 'workspace.new') void close(true);
    else if (command === 'workspace.open') void openOther();
    else if (command === 'backups.restore') setSection('backups');
  });

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
            {sections.map((s) => (
              <li key={s}>
                <button
                  type="button"
                  className="side-nav-item"
                  aria-current={section === s ? 'page' : undefined}
                  onClick={() => setSection(s)}
                  data-testid={`nav-${s}`}
                >
                  {navLabel[s]}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="workspace-content" key={`${summary.workspaceId}:${props.generation}`}>
          {section === 'villages' && <VillagesPanel readonly={summary.readonly} />}
          {section === 'issues' && <IssuesPanel framework={summary.framework} />}
          {section === 'backups' && <BackupsPanel readonly={summary.readonly} onRestored={(s) => props.onSummary(s, true)} />}
          {section === 'selfTest' && <SelfTestPanel />}
        </div>
      </div>
    </div>
  );
}
