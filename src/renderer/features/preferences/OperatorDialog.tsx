import type { Preferences } from '../../../shared/domain/workspace';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n/I18nProvider';
import { OperatorForm } from './OperatorForm';

/** Changes the operator's name. */
export function OperatorDialog(props: { initial: string; onSaved: (prefs: Preferences) => void; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal title={t.operator.changeTitle} onClose={props.onClose} testId="operator-dialog">
      <OperatorForm initial={props.initial} submitLabel={t.common.save} onSaved={props.onSaved} onCancel={props.onClose} />
    </Modal>
  );
}
