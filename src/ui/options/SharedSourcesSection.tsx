/**
 * Read-only sources: a teacher's or a group's GovLens folder, added with its
 * own address and credentials (and passphrase, if it is encrypted).
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SyncStatus } from '../../shared/messages';
import { toBackground } from '../../shared/messaging';
import { checkServerUrl } from '../../shared/sync-config';
import { t } from '../i18n';
import { ago, syncCodeText, syncErrorText } from '../common/sync-text';
import { PALETTE } from '../common/colors';

export function SharedSourcesSection({ status, onStatus }: { status: SyncStatus | null; onStatus: (s: SyncStatus) => void }) {
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = (e: Event) => {
    e.preventDefault();
    const checked = checkServerUrl(url);
    if ('error' in checked) return setError(syncCodeText(checked.error));
    const asked = browser.permissions.request({ origins: [checked.pattern] });
    setBusy(true);
    setError(null);
    void (async () => {
      try {
        if (!(await asked)) throw new Error(t('sync.permissionDenied'));
        onStatus(await toBackground('sync:shared-add', { name, url: checked.url, username, password, passphrase: passphrase || undefined }));
        setName('');
        setUrl('');
        setUsername('');
        setPassword('');
        setPassphrase('');
      } catch (err) {
        setError(syncErrorText(err));
      } finally {
        setBusy(false);
      }
    })();
  };

  const remove = async (id: string) => {
    await toBackground('sync:shared-remove', { id });
    onStatus(await toBackground('sync:status', {}));
  };

  return (
    <section class="card" aria-labelledby="shared-title">
      <h2 id="shared-title">{t('sync.sharedTitle')}</h2>
      <p class="muted">{t('sync.sharedIntro')}</p>
      {!!status?.shared.length && (
        <ul class="sources">
          {status.shared.map((s) => (
            <li key={s.id} class="row" data-source={s.name}>
              <span class="dot" style={{ background: PALETTE.shared.ink.light }} />
              <span class="grow">
                <strong>{s.name}</strong> <span class="muted small">{s.url}</span>
                <br />
                <span class="muted small">{t('sync.lastSync', [ago(s.lastSync)])}</span>
                {s.lastError && <span class="error small"> · {syncCodeText(s.lastError)}</span>}
              </span>
              <button type="button" class="btn tiny danger" onClick={() => void remove(s.id)}>
                {t('sync.sharedRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} class="form" name="shared">
        <label>
          {t('sync.sharedName')}
          <input class="input" name="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          {t('sync.url')}
          <input class="input" name="url" type="url" required value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        </label>
        <label>
          {t('sync.username')}
          <input class="input" name="username" value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        </label>
        <label>
          {t('sync.password')}
          <input class="input" name="password" type="password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <label>
          {t('sync.sharedPassphrase')}
          <input class="input" name="passphrase" type="password" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
        </label>
        <div class="row">
          <button type="submit" class="btn" name="add" disabled={busy}>
            {t('sync.sharedAdd')}
          </button>
        </div>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
    </section>
  );
}
