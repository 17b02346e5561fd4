/**
 * The side panel's sync line, shown once sync is set up: when it last
 * synced, how many changes wait, the last error in the reader's language,
 * and "sync now". It reads the database directly (liveQuery), so it follows
 * the background's work as it happens.
 */
import { useEffect, useState } from 'preact/hooks';
import { toBackground } from '../../shared/messaging';
import { t, tn } from '../i18n';
import { useLiveQuery } from '../common/useLiveQuery';
import { ago, syncCodeText, syncErrorText } from '../common/sync-text';
import { readSyncLine, type SyncLine } from './data';

export function SyncBar() {
  const line = useLiveQuery(readSyncLine, [], null as SyncLine | null);
  const [error, setError] = useState<string | null>(null);
  const [, tick] = useState(0);
  // "2 minutes ago" moves on by itself.
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
  const s = line.value;
  if (!s?.enabled) return null;
  const now = async () => {
    setError(null);
    try {
      await toBackground('sync:now', {});
    } catch (err) {
      setError(syncErrorText(err));
    }
  };
  return (
    <div class="syncbar small" role="status" aria-label={t('sync.status')} data-sync-pending={s.pending} data-sync-error={s.lastError ?? ''}>
      <span class={`sync-dot ${s.lastError ? 'bad' : s.pending ? 'waiting' : 'good'}`} aria-hidden="true" />
      <span class="grow">
        {t('sync.lastSync', [ago(s.lastSync)])} · {s.pending ? tn('sync.pending', s.pending, [s.pending]) : t('sync.pendingNone')}
        {s.lastError && (
          <span class="error" role="alert">
            <br />
            {syncCodeText(s.lastError)}
          </span>
        )}
        {error && <span class="error"><br />{error}</span>}
      </span>
      <button type="button" class="btn tiny" name="sync-now" disabled={s.running} onClick={() => void now()}>
        {s.running ? t('sync.syncing') : t('sync.now')}
      </button>
    </div>
  );
}
