import { analysisBoards, type AnalysisBoard, type AnalysisItem } from '../../../shared/domain/forum';
import { useCall } from '../../api/queries';
import { useI18n } from '../../i18n/I18nProvider';
import type { SectionProps } from '../sections';
import { analysisActions } from './api';
import { EditableTable, type Column } from './EditableTable';
import { ProjectorBar } from './ProjectorBar';

const swot: AnalysisBoard[] = ['strength', 'weakness', 'opportunity', 'limit'];

/**
 * การวิเคราะห์ตำบล: the boards built live at the forum, after the village plans are presented — SWOT
 * (จุดแข็ง / จุดอ่อน / โอกาส / ข้อจำกัด) in four quadrants, then the tambon's identity, its
 * occupational position and its vision; the projector shows them together.
 */
export function AnalysisPanel({ summary }: SectionProps) {
  const { t } = useI18n();
  const items = useCall('forum.analysis.list', {}).data ?? [];
  const board = (b: AnalysisBoard) => {
    const columns: Column<AnalysisItem>[] = [{ key: 'text', label: t.forum.analysis.boards[b], kind: 'text', value: (i) => i.text, max: 1000 }];
    return (
      <div key={b} className={`analysis-board analysis-${b}`} data-testid={`board-${b}`}>
        <EditableTable
          scope={`analysis:${b}`}
          rows={items.filter((i) => i.board === b)}
          columns={columns}
          actions={analysisActions(b)}
          numbered
          readonly={summary.readonly}
          emptyText={t.forum.analysis.empty}
          addLabel={t.forum.analysis.add(t.forum.analysis.boards[b])}
        />
      </div>
    );
  };
  return (
    <section aria-labelledby="analysis-title" data-testid="analysis-panel">
      <div className="panel-heading">
        <h2 id="analysis-title" className="panel-title">
          {t.forum.analysis.title}
        </h2>
      </div>
      <p className="lead">{t.forum.analysis.intro}</p>
      <ProjectorBar view="analysis" />
      <div className="swot-grid">{swot.map(board)}</div>
      <div className="identity-grid">{analysisBoards.filter((b) => !swot.includes(b)).map(board)}</div>
    </section>
  );
}
