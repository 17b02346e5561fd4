import { t } from '../i18n';
import { importErrorText } from './storage-messages';

/** An error whose message is already in the reader's language (built with t()). */
export class UiError extends Error {}

const STORAGE_CODES = ['quota', 'closed', 'blocked', 'invalid', 'unknown'];

/**
 * What to tell the reader about a failure, in their language: a refused
 * import by what it refused, a storage failure by its code, our own messages as
 * they are, and anything else as "something went wrong". `detail` is the
 * technical message (English, from the browser or the storage layer), for a
 * tooltip or the console, never the sentence shown.
 */
export function userMessage(err: unknown): { text: string; detail: string } {
  const detail = err instanceof Error ? err.message : String(err);
  if (err instanceof UiError) return { text: detail, detail };
  const e = (err ?? {}) as { code?: unknown };
  // A refused import lists every refused record and why.
  const refused = importErrorText(err);
  if (refused) return { text: refused, detail };
  if (typeof e.code === 'string' && STORAGE_CODES.includes(e.code)) return { text: t(`error.storage.${e.code}`), detail };
  return { text: t('error.unexpected'), detail };
}
