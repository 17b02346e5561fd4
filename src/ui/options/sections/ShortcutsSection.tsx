import { t } from '../../i18n';
import { ShortcutList } from '../../common/ShortcutList';

export function ShortcutsSection() {
  return (
    <>
      <h2>{t('shortcuts.title')}</h2>
      <ShortcutList />
    </>
  );
}
