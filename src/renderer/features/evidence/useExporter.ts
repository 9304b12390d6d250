import { useCallback } from 'react';
import type { FigureTable } from '../../components/charts/figureTable';
import { change } from '../../api/queries';
import { useToast } from '../../components/ToastProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { dataFiles, useFilePicker } from '../workspace/FilePickerProvider';

/** A file name from a chart's title: no characters file systems refuse, not too long. */
export function fileNameOf(title: string): string {
  const clean = title.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
  return `${clean || 'export'}.xlsx`;
}

/** Exports a chart's numbers to an xlsx the person names (main writes it, atomically). */
export function useExporter(): (table: FigureTable, title: string, subtitle: string) => Promise<void> {
  const { t } = useI18n();
  const pickFile = useFilePicker();
  const toast = useToast();
  return useCallback(
    async (table, title, subtitle) => {
      await pickFile(
        'save',
        fileNameOf(title),
        async (path) => {
          const result = await change('evidence.exportTable', { path, title, subtitle, columns: table.columns, rows: table.rows });
          if (!result.ok) return result.error;
          toast({ message: t.evidence.exported(result.value.path), testId: 'toast-evidence' });
          return null;
        },
        dataFiles.export,
      );
    },
    [pickFile, t, toast],
  );
}
