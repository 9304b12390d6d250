import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { invoke } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useToast } from '../../components/ToastProvider';
import { PathPrompt } from './PathPrompt';

/** Asks for a workspace file: the native dialog in Electron, an in-page prompt in the harness. Null when cancelled. */
export type PickFile = (mode: 'open' | 'save', suggestedName?: string) => Promise<string | null>;

const FilePickerContext = createContext<PickFile>(async () => null);

interface Pending {
  mode: 'open' | 'save';
  root: string;
  suggestedName: string | undefined;
  resolve: (path: string | null) => void;
}

/** Provides {@link useFilePicker} and renders the in-page prompt when main asks for it. */
export function FilePickerProvider({ children }: { children: ReactNode }) {
  const { errorText } = useI18n();
  const toast = useToast();
  const [pending, setPending] = useState<Pending | null>(null);
  const errorTextRef = useRef(errorText);
  errorTextRef.current = errorText;

  const pick = useCallback<PickFile>(
    async (mode, suggestedName) => {
      const answer = await invoke('dialog.pickWorkspace', suggestedName ? { mode, suggestedName } : { mode });
      if (!answer.ok) {
        toast({ message: errorTextRef.current(answer.error), kind: 'error' });
        return null;
      }
      const picked = answer.value;
      if (picked.kind === 'picked') return picked.path;
      if (picked.kind === 'cancelled') return null;
      return new Promise<string | null>((resolve) =>
        setPending((previous) => {
          // A second request replaces the first, which counts as cancelled.
          previous?.resolve(null);
          return { mode, root: picked.root, suggestedName, resolve };
        }),
      );
    },
    [toast],
  );

  return (
    <FilePickerContext.Provider value={pick}>
      {children}
      {pending && (
        <PathPrompt
          mode={pending.mode}
          root={pending.root}
          suggestedName={pending.suggestedName}
          onDone={(path) => {
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
