/**
 * The options page's sync section: server, user and app password; "test
 * connection" (which asks the browser for that one origin, then looks at the
 * folder); the passphrase, encryption on by default; then the state of sync.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SyncStatus } from '../../shared/messages';
import { toBackground } from '../../shared/messaging';
import { checkServerUrl } from '../../shared/sync-config';
import { t, tn } from '../i18n';
import { ago, syncCodeText, syncErrorText } from '../common/sync-text';

type Folder = 'empty' | 'encrypted' | 'plain';

export function SyncSection({ status, onStatus }: { status: SyncStatus | null; onStatus: (s: SyncStatus) => void }) {
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [folder, setFolder] = useState<Folder | null>(null);
  const [encrypt, setEncrypt] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [acceptPlain, setAcceptPlain] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setFolder(null), [url, username, password]);

  const run = async (label: string, fn: () => Promise<void>) => {
    setBusy(label);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(syncErrorText(err));
    } finally {
      setBusy(null);
    }
  };

  const test = (e: Event) => {
    e.preventDefault();
    const checked = checkServerUrl(url);
    if ('error' in checked) return setError(syncCodeText(checked.error));
    // The permission request must be the first thing the click does (a user gesture), for this one origin.
    const asked = browser.permissions.request({ origins: [checked.pattern] });
    void run(t('sync.testing'), async () => {
      if (!(await asked)) throw new Error(t('sync.permissionDenied'));
      const res = await toBackground('sync:test', { url: checked.url, username, password });
      setFolder(res.state);
    });
  };

  const newFolder = folder === 'empty';
  const wantsKey = folder === 'encrypted' || (newFolder && encrypt);
  const problem =
    wantsKey && passphrase.length < 8 ? t('sync.passphraseShort') : newFolder && encrypt && passphrase !== again ? t('sync.passphraseMismatch') : null;
  const plainOk = folder === 'plain' ? acceptPlain : newFolder && !encrypt ? acceptPlain : true;

  const enable = (e: Event) => {
    e.preventDefault();
    void run(t('sync.enabling'), async () => {
      const s = await toBackground('sync:enable', {
        url,
        username,
        password,
        passphrase: wantsKey ? passphrase : undefined,
        encrypt: folder === 'encrypted' || (newFolder && encrypt),
        acceptPlain: folder === 'plain' && acceptPlain,
      });
      setPassword('');
      setPassphrase('');
      setAgain('');
      onStatus(s);
    });
  };

  if (status?.enabled) {
    return (
      <section class="card" aria-labelledby="sync-title" data-sync="on">
        <h2 id="sync-title">{t('sync.title')}</h2>
        <p>
          <strong>{t('sync.on')}</strong> · {status.username} @ <code>{status.url}</code> · {status.encrypted ? t('sync.encryptedOn') : t('sync.encryptedOff')}
        </p>
        <p class="muted" data-sync-state>
          {t('sync.lastSync', [ago(status.lastSync)])} · {status.pending ? tn('sync.pending', status.pending, [status.pending]) : t('sync.pendingNone')}
        </p>
        {status.lastError && <p class="error" role="alert">{syncCodeText(status.lastError.code)}</p>}
        {error && <p class="error" role="alert">{error}</p>}
        <div class="row">
          <button type="button" class="btn primary" disabled={!!busy || status.running} onClick={() => run(t('sync.syncing'), async () => onStatus(await toBackground('sync:now', {})))}>
            {busy ?? t('sync.now')}
          </button>
          <button type="button" class="btn danger" disabled={!!busy} onClick={() => run('', async () => { await toBackground('sync:disable', {}); onStatus(await toBackground('sync:status', {})); })}>
            {t('sync.disable')}
          </button>
        </div>
        <p class="muted small">{t('sync.disableHelp')}</p>
      </section>
    );
  }

  return (
    <section class="card" aria-labelledby="sync-title" data-sync="off">
      <h2 id="sync-title">{t('sync.title')}</h2>
      <p class="muted">{t('sync.intro')}</p>
      <form onSubmit={test} class="form">
        <label>
          {t('sync.url')}
          <input class="input" name="url" type="url" required value={url} onInput={(e) => setUrl(e.currentTarget.value)} placeholder="https://cloud.example.org/remote.php/dav/files/you/" />
          <span class="muted small">{t('sync.urlHint')}</span>
        </label>
        <label>
          {t('sync.username')}
          <input class="input" name="username" required autocomplete="username" value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        </label>
        <label>
          {t('sync.password')}
          <input class="input" name="password" type="password" required autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          <span class="muted small">{t('sync.passwordHint')}</span>
        </label>
        <div class="row">
          <button type="submit" class="btn" name="test" disabled={!!busy}>
            {busy === t('sync.testing') ? busy : t('sync.test')}
          </button>
        </div>
      </form>
      {folder && (
        <form onSubmit={enable} class="form" data-folder={folder}>
          <p class="ok" role="status">{t(folder === 'empty' ? 'sync.folderEmpty' : folder === 'encrypted' ? 'sync.folderEncrypted' : 'sync.folderPlain')}</p>
          {newFolder && (
            <label class="check">
              <input type="checkbox" name="encrypt" checked={encrypt} onChange={(e) => setEncrypt(e.currentTarget.checked)} />
              <span>
                {t('sync.encrypt')} <span class="muted small">{t('sync.encryptHint')}</span>
              </span>
            </label>
          )}
          {wantsKey && (
            <>
              <label>
                {t('sync.passphrase')}
                <input class="input" name="passphrase" type="password" autocomplete="new-password" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
              </label>
              {newFolder && (
                <label>
                  {t('sync.passphraseConfirm')}
                  <input class="input" name="passphrase2" type="password" autocomplete="new-password" value={again} onInput={(e) => setAgain(e.currentTarget.value)} />
                </label>
              )}
              <p class="muted small">{t('sync.passphraseHint')}</p>
            </>
          )}
          {!wantsKey && (
            <label class="check warn">
              <input type="checkbox" name="acceptPlain" checked={acceptPlain} onChange={(e) => setAcceptPlain(e.currentTarget.checked)} />
              <span>{t('sync.plainConfirm')}</span>
            </label>
          )}
          {problem && passphrase && <p class="error small">{problem}</p>}
          <div class="row">
            <button type="submit" class="btn primary" name="enable" disabled={!!busy || !!problem || !plainOk}>
              {busy === t('sync.enabling') ? busy : t('sync.enable')}
            </button>
          </div>
        </form>
      )}
      {busy && busy !== t('sync.testing') && busy !== t('sync.enabling') && <p class="muted">{busy}</p>}
      {error && <p class="error" role="alert">{error}</p>}
    </section>
  );
}
