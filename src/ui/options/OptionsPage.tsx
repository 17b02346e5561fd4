/**
 * The options page. Issue #13 builds its full structure (one section per
 * component); until that lands this shell holds the sync sections.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SyncStatus } from '../../shared/messages';
import { toBackground } from '../../shared/messaging';
import { t } from '../i18n';
import { SyncSection } from './SyncSection';
import { SharedSourcesSection } from './SharedSourcesSection';
import '../common/base.css';
import './options.css';

export function OptionsPage() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    const load = () => void toBackground('sync:status', {}).then(setStatus, () => undefined);
    load();
    // The state line (last sync, changes waiting) follows the background while the page is open.
    const timer = setInterval(load, 3_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <main class="options">
      <h1>{t('extName')}</h1>
      <SyncSection status={status} onStatus={setStatus} />
      <SharedSourcesSection status={status} onStatus={setStatus} />
    </main>
  );
}
