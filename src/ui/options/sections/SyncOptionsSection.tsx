/** The options page's sync section: the reader's own folder, then read-only shared folders. */
import { useEffect, useState } from 'preact/hooks';
import type { SyncStatus } from '../../../shared/messages';
import { toBackground } from '../../../shared/messaging';
import { SyncSection } from '../SyncSection';
import { SharedSourcesSection } from '../SharedSourcesSection';
import '../options.css';

export function SyncOptionsSection() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    const load = () => void toBackground('sync:status', {}).then(setStatus, () => undefined);
    load();
    // The state line (last sync, changes waiting) follows the background while the page is open.
    const timer = setInterval(load, 3_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div class="sync-options">
      <SyncSection status={status} onStatus={setStatus} />
      <SharedSourcesSection status={status} onStatus={setStatus} />
    </div>
  );
}
