import { t } from '../i18n';
import type { SyncErrorCode } from '../../sync/errors';

const CODES = new Set<SyncErrorCode>(['auth', 'forbidden', 'not-found', 'offline', 'server', 'quota', 'insecure', 'bad-url', 'permission', 'passphrase', 'needs-passphrase', 'not-encrypted', 'corrupt', 'newer-format', 'conflict', 'unknown']);

/** A sync error in the reader's language: a code from the background (`code: detail`), else the message as is. */
export function syncErrorText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = message.split(':')[0].trim() as SyncErrorCode;
  return CODES.has(code) ? syncCodeText(code) : message;
}

/** Message keys allow no hyphen: 'not-found' is sync.error.notFound. */
export function syncCodeText(code: SyncErrorCode): string {
  return t(`sync.error.${code.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`);
}

/** "3 minutes ago", in the UI language. */
export function ago(time: number | null, now = Date.now()): string {
  if (!time) return t('sync.never');
  // The language the reader's strings are in (the locale key of src/locales), not the engine's default.
  const locale = t('locale');
  const rtf = new Intl.RelativeTimeFormat(locale === 'locale' ? undefined : locale, { numeric: 'auto' });
  const s = Math.round((time - now) / 1000);
  if (Math.abs(s) < 60) return rtf.format(s, 'second');
  const m = Math.round(s / 60);
  if (Math.abs(m) < 60) return rtf.format(m, 'minute');
  const h = Math.round(m / 60);
  if (Math.abs(h) < 24) return rtf.format(h, 'hour');
  return rtf.format(Math.round(h / 24), 'day');
}
