import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import type { AppError } from '../../../shared/domain/result';
import type { PathPurpose } from '../../../shared/ipc/workspace';
import { invoke } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useToast } from '../../components/ToastProvider';
import { PathPrompt } from './PathPrompt';

/**
 * Does the work with a chosen path (save as, create…) and answers an error when it could not:
 * the in-page prompt then stays open and shows the error beside the name, like a form.
 */
export type PathSubmit = (path: string) => Promise<AppError | null>;

/**
 * Asks for a file: the native dialog in Electron, an in-page prompt in the harness. A workspace
 * file, or with `other` any other file or a folder (a package, a spreadsheet to import, where to
 * save a report or a PDF). With `submit`, the work is done from the prompt (errors shown in it);
 * resolves with the path the work succeeded with, or null when cancelled.
 */
export type PickFile = (mode: 'open' | 'save', suggestedName?: string, submit?: PathSubmit, other?: OtherPath) => Promise<string | null>;

/**
 * A file other than a workspace (a package, a PDF, a workbook) or a folder: asked through
 * `dialog.pickPath`, filtered to `extensions`; a `purpose` gives the dialog its own title.
 */
export interface OtherPath {
  extensions: string[];
  folder?: boolean;
  purpose?: PathPurpose;
}

/** The data files the imports and the dashboards ask for, each with its own title and filter. */
export const dataFiles = {
  import: { extensions: ['xlsx', 'csv', 'txt'], purpose: 'import' },
  indicatorSet: { extensions: ['json', 'xlsx'], purpose: 'indicatorSet' },
  report: { extensions: ['xlsx'], purpose: 'report' },
  export: { extensions: ['xlsx'], purpose: 'export' },
  form: { extensions: ['xlsx'], purpose: 'form' },
} as const satisfies Record<PathPurpose, OtherPath & { purpose: PathPurpose }>;

const FilePickerContext = createContext<PickFile>(() => Promise.resolve(null));

interface Pending {
  mode: 'open' | 'save';
  purpose: PathPurpose | undefined;
  root: string;
  suggestedName: string | undefined;
  submit: PathSubmit | undefined;
  resolve: (path: string | null) => void;
}

/** Provides {@link useFilePicker} and renders the in-page prompt when main asks for it. */
export function FilePickerProvider({ children }: { children: ReactNode }) {
  const { errorText } = useI18n();
  const toast = useToast();
  const [pending, setPending] = useState<Pending | null>(null);
  // The request the prompt answers now, outside React's state so replacing it has no side effect in an updater.
  const current = useRef<Pending | null>(null);

  const pick = useCallback<PickFile>(
    async (mode, suggestedName, submit, other) => {
      const answer = other
        ? await invoke('dialog.pickPath', {
            mode: other.folder ? 'folder' : mode,
            extensions: [...other.extensions],
            ...(suggestedName ? { suggestedName } : {}),
            ...(other.purpose ? { purpose: other.purpose } : {}),
          })
        : await invoke('dialog.pickWorkspace', suggestedName ? { mode, suggestedName } : { mode });
      if (!answer.ok) {
        toast({ message: errorText(answer.error), kind: 'error', testId: 'toast-file' });
        return null;
      }
      const picked = answer.value;
      if (picked.kind === 'cancelled') return null;
      if (picked.kind === 'picked') {
        // A native dialog has closed already: an error goes to a toast.
        const failure = submit ? await submit(picked.path) : null;
        if (failure) {
          toast({ message: errorText(failure), kind: 'error', testId: 'toast-file' });
          return null;
        }
        return picked.path;
      }
      return new Promise<string | null>((resolve) => {
        // A second request replaces the first, which counts as cancelled.
        current.current?.resolve(null);
        current.current = { mode, purpose: other?.purpose, root: picked.root, suggestedName: picked.suggestedName ?? suggestedName, submit, resolve };
        setPending(current.current);
      });
    },
    [errorText, toast],
  );

  return (
    <FilePickerContext.Provider value={pick}>
      {children}
      {pending && (
        <PathPrompt
          mode={pending.mode}
          purpose={pending.purpose}
          root={pending.root}
          suggestedName={pending.suggestedName}
          submit={pending.submit}
          onDone={(path) => {
            if (current.current === pending) current.current = null;
            setPending(null);
            pending.resolve(path);
          }}
        />
      )}
    </FilePickerContext.Provider>
  );
}

/** The function that asks for a workspace file. */
export function useFilePicker(): PickFile {
  return useContext(FilePickerContext);
}
