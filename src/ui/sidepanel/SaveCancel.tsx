import { t } from '../i18n';

/** The Save (submit) and Cancel pair closing the panel's inline edit forms. */
export function SaveCancel(props: { onCancel: () => void }) {
  return (
    <div class="row">
      <button type="submit" class="btn primary tiny">
        {t('common.save')}
      </button>
      <button type="button" class="btn tiny" onClick={props.onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
