/**
 * The DialogPort over Electron's native file dialogs: choose a workspace file to open, or where
 * to save one, filtered to `.tambon` files; and where to save an export (`.xlsx`, `.pdf`). Titles and filter names follow the `language`
 * preference (texts in strings.ts).
 */
import path from 'node:path';
import type { BaseWindow, Dialog } from 'electron';
import type { PathPurpose } from '../../shared/ipc/workspace';
import type { DialogPort } from '../services/ports';
import { shellStrings, type ShellLanguage } from './strings';

/** The workspace file extension, without the dot. */
export const workspaceExtension = 'tambon';

/** A filter's name for `extensions`: a workbook, a PDF, or the extensions themselves. */
function filterName(t: (typeof shellStrings)[ShellLanguage]['dialogs'], extensions: readonly string[]): string {
  if (extensions.length === 1 && extensions[0] === 'xlsx') return t.xlsxFilter;
  if (extensions.length === 1 && extensions[0] === 'pdf') return t.pdfFilter;
  return t.filesFilter(extensions.map((e) => `.${e}`).join(' '));
}

/** The dialogs' file filters in `language`: workspaces first, then every file. */
function filtersFor(language: ShellLanguage, mode: 'open' | 'save') {
  const t = shellStrings[language].dialogs;
  return [
    // Opening, the data center's workspace (.tpdc) is offered too: the start screen opens either kind.
    { name: t.workspaceFilter, extensions: mode === 'open' ? [workspaceExtension, 'tpdc'] : [workspaceExtension] },
    { name: t.allFilesFilter, extensions: ['*'] },
  ];
}

/** `file` ending in `.tambon` (a name typed without it gets it, so the open dialog's filter finds it). */
function withExtension(file: string): string {
  return path.extname(file).toLowerCase() === `.${workspaceExtension}` ? file : `${file}.${workspaceExtension}`;
}

/** `file` ending in one of `extensions` (a name typed without one gets the first). */
function withOneOf(file: string, extensions: readonly string[]): string {
  const first = extensions[0];
  if (!first || extensions.includes(path.extname(file).slice(1).toLowerCase())) return file;
  return `${file}.${first}`;
}

/** A dialog's own title and filter name for `purpose` in `language`. */
function purposeTexts(language: ShellLanguage, purpose: PathPurpose) {
  const t = shellStrings[language].dialogs;
  switch (purpose) {
    case 'import':
      return { title: t.importTitle, filter: t.spreadsheetFilter };
    case 'indicatorSet':
      return { title: t.indicatorSetTitle, filter: t.indicatorSetFilter };
    case 'report':
      return { title: t.reportTitle, filter: t.excelFilter };
    case 'export':
      return { title: t.exportTitle, filter: t.excelFilter };
    case 'form':
      return { title: t.formTitle, filter: null };
  }
}

/** What the native dialogs need from the shell. */
export interface ElectronDialogsOptions {
  /** The window the dialogs are modal to, when there is one. */
  getWindow: () => BaseWindow | null;
  /** Where a save dialog starts (the person's Documents folder). */
  defaultDir: () => string;
  /** The current `language` preference, read each time a dialog opens. */
  language: () => ShellLanguage;
  /** Told every path a dialog returns (the shell's path policy accepts it from then on). */
  onPicked?: (file: string) => void;
}

/**
 * Native dialogs. Every path a dialog returns is passed to `onPicked` before the renderer sees it.
 */
export function electronDialogs(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>, options: ElectronDialogsOptions): DialogPort {
  const { getWindow, defaultDir, language, onPicked = () => undefined } = options;
  const picked = (file: string) => {
    onPicked(file);
    return { kind: 'picked' as const, path: file };
  };
  return {
    async pickWorkspace(mode, suggestedName) {
      const window = getWindow();
      const current = language();
      const t = shellStrings[current].dialogs;
      const filters = filtersFor(current, mode);
      if (mode === 'open') {
        const openOptions = { title: t.openTitle, filters, properties: ['openFile' as const] };
        const result = window ? await dialog.showOpenDialog(window, openOptions) : await dialog.showOpenDialog(openOptions);
        const file = result.filePaths[0];
        return result.canceled || !file ? { kind: 'cancelled' } : picked(file);
      }
      const name = withExtension(path.basename(suggestedName?.trim() || t.defaultName));
      const saveOptions = {
        title: t.saveTitle,
        defaultPath: path.join(defaultDir(), name),
        filters,
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const result = window ? await dialog.showSaveDialog(window, saveOptions) : await dialog.showSaveDialog(saveOptions);
      return result.canceled || !result.filePath ? { kind: 'cancelled' } : picked(withExtension(result.filePath));
    },
    async pickPath({ mode, extensions, suggestedName, purpose }) {
      const window = getWindow();
      const current = language();
      const t = shellStrings[current].dialogs;
      const own = purpose ? purposeTexts(current, purpose) : null;
      const filters = extensions.length
        ? [{ name: own?.filter ?? filterName(t, extensions), extensions: [...extensions] }, { name: t.allFilesFilter, extensions: ['*'] }]
        : [];
      if (mode === 'save') {
        const saveOptions = {
          title: own?.title ?? t.saveFileTitle,
          defaultPath: path.join(defaultDir(), withOneOf(path.basename(suggestedName?.trim() || t.defaultFileName), extensions)),
          filters,
          properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
        };
        const result = window ? await dialog.showSaveDialog(window, saveOptions) : await dialog.showSaveDialog(saveOptions);
        return result.canceled || !result.filePath ? { kind: 'cancelled' } : picked(withOneOf(result.filePath, extensions));
      }
      const openOptions = {
        title: own?.title ?? (mode === 'folder' ? t.pickFolderTitle : t.pickFileTitle),
        filters: mode === 'folder' ? [] : filters,
        properties: [mode === 'folder' ? ('openDirectory' as const) : ('openFile' as const), 'createDirectory' as const],
      };
      const result = window ? await dialog.showOpenDialog(window, openOptions) : await dialog.showOpenDialog(openOptions);
      const file = result.filePaths[0];
      return result.canceled || !file ? { kind: 'cancelled' } : picked(file);
    },
  };
}
