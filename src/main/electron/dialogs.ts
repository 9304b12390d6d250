/**
 * The DialogPort over Electron's native file dialogs: choose a workspace file to open, or where
 * to save one, filtered to `.tambon` files. Titles and filter names follow the `language`
 * preference (texts in strings.ts).
 */
import path from 'node:path';
import type { BaseWindow, Dialog } from 'electron';
import type { DataFilePurpose, DialogPort } from '../services/ports';
import { shellStrings, type ShellLanguage } from './strings';

/** The workspace file extension, without the dot. */
export const workspaceExtension = 'tambon';

/** The dialogs' file filters in `language`: workspaces first, then every file. */
function filtersFor(language: ShellLanguage) {
  const t = shellStrings[language].dialogs;
  return [
    { name: t.workspaceFilter, extensions: [workspaceExtension] },
    { name: t.allFilesFilter, extensions: ['*'] },
  ];
}

/** `file` ending in `.tambon` (a name typed without it gets it, so the open dialog's filter finds it). */
function withExtension(file: string): string {
  return path.extname(file).toLowerCase() === `.${workspaceExtension}` ? file : `${file}.${workspaceExtension}`;
}

/** `file` ending in `.xlsx` (a report or an export named without it). */
function withXlsx(file: string): string {
  return path.extname(file).toLowerCase() === '.xlsx' ? file : `${file}.xlsx`;
}

/** A data file dialog's title and filters in `language`. */
function dataFileDialog(language: ShellLanguage, purpose: DataFilePurpose) {
  const t = shellStrings[language].dialogs;
  const all = { name: t.allFilesFilter, extensions: ['*'] };
  switch (purpose) {
    case 'import':
      return { title: t.importTitle, filters: [{ name: t.spreadsheetFilter, extensions: ['xlsx', 'csv', 'txt'] }, all] };
    case 'indicatorSet':
      return { title: t.indicatorSetTitle, filters: [{ name: t.indicatorSetFilter, extensions: ['json', 'xlsx'] }, all] };
    case 'report':
      return { title: t.reportTitle, filters: [{ name: t.excelFilter, extensions: ['xlsx'] }] };
    case 'export':
      return { title: t.exportTitle, filters: [{ name: t.excelFilter, extensions: ['xlsx'] }] };
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
      const filters = filtersFor(current);
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
    async pickFile(mode, purpose, suggestedName) {
      const window = getWindow();
      const current = language();
      const { title, filters } = dataFileDialog(current, purpose);
      if (mode === 'open') {
        const openOptions = { title, filters, properties: ['openFile' as const] };
        const result = window ? await dialog.showOpenDialog(window, openOptions) : await dialog.showOpenDialog(openOptions);
        const file = result.filePaths[0];
        return result.canceled || !file ? { kind: 'cancelled' } : picked(file);
      }
      const name = withXlsx(path.basename(suggestedName?.trim() || shellStrings[current].dialogs.defaultReportName));
      const saveOptions = { title, defaultPath: path.join(defaultDir(), name), filters, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const result = window ? await dialog.showSaveDialog(window, saveOptions) : await dialog.showSaveDialog(saveOptions);
      return result.canceled || !result.filePath ? { kind: 'cancelled' } : picked(withXlsx(result.filePath));
    },
  };
}
