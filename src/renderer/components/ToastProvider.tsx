import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/**
 * A short message in the status bar at the bottom of the window (which covers no content and
 * lies below any dialog), with an optional action (e.g. undo). A new toast replaces an older one
 * with the same `testId`: a success takes the place of the error of an earlier try.
 */
export interface ToastInput {
  message: string;
  kind?: 'info' | 'error';
  action?: { label: string; run: () => void };
  testId?: string;
}

interface Toast extends ToastInput {
  id: number;
}

const visibleMs = { info: 5000, action: 15000, error: 15000 };

interface ToastApi {
  show: (toast: ToastInput) => void;
  /** Removes every toast (e.g. when the workspace they were about is closed). */
  clear: () => void;
  toasts: Toast[];
  dismiss: (id: number) => void;
}

const ToastContext = createContext<ToastApi>({ show: () => undefined, clear: () => undefined, toasts: [], dismiss: () => undefined });

/** Keeps the toasts raised anywhere below it; {@link ToastArea} shows them. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const show = useCallback((toast: ToastInput) => {
    const id = nextId.current++;
    // One toast per kind of message: a new one replaces an older one with the same test id.
    setToasts((list) => [...list.filter((t) => !toast.testId || t.testId !== toast.testId), { ...toast, id }].slice(-3));
  }, []);
  const clear = useCallback(() => setToasts([]), []);
  const api = useMemo(() => ({ show, clear, toasts, dismiss }), [show, clear, toasts, dismiss]);
  return <ToastContext.Provider value={api}>{children}</ToastContext.Provider>;
}

/** The status bar the toasts show in: a strip of its own at the bottom of the window. */
export function ToastArea() {
  const { toasts, dismiss } = useContext(ToastContext);
  return (
    <footer className="statusbar">
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <ToastView key={toast.id} toast={toast} onDismiss={dismiss} />
        ))}
      </div>
    </footer>
  );
}

function ToastView({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const { t } = useI18n();
  useEffect(() => {
    const ms = toast.kind === 'error' ? visibleMs.error : toast.action ? visibleMs.action : visibleMs.info;
    const timer = setTimeout(() => onDismiss(toast.id), ms);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);
  return (
    <div className={toast.kind === 'error' ? 'toast toast-error' : 'toast'} data-testid={toast.testId ?? 'toast'}>
      <span className="toast-message">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="button button-small toast-action"
          onClick={() => {
            toast.action!.run();
            onDismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="toast-close" aria-label={t.common.dismiss} onClick={() => onDismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}

/** Raises a toast. */
export function useToast(): (toast: ToastInput) => void {
  return useContext(ToastContext).show;
}

/** Removes every toast. */
export function useClearToasts(): () => void {
  return useContext(ToastContext).clear;
}

