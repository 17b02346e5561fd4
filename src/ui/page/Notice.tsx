/**
 * A card in the page's corner saying that a write failed (the disk is full, GovLens was
 * updated, the worker could not be reached), with the reader's note so its text is not
 * lost, and Try again. Shown until the reader closes it.
 */
import { t } from '../i18n';
import { userMessage } from '../common/errors';

export interface NoticeProps {
  message: string;
  /** The note that was not saved, shown so the reader can copy it. */
  note?: string;
  onRetry?: () => void;
  onClose: () => void;
}

export function Notice(props: NoticeProps) {
  return (
    <div class="gl-card gl-card--notice" role="alert">
      <button type="button" class="gl-close" aria-label={t('common.close')} title={t('common.close')} onClick={props.onClose}>
        ×
      </button>
      <div class="gl-main">{t('notice.notSaved')}</div>
      <p class="gl-text">{props.message}</p>
      {props.note && <p class="gl-text gl-note">{props.note}</p>}
      <div class="gl-actions">
        {props.onRetry && (
          <button type="button" class="gl-btn gl-btn--primary" onClick={props.onRetry}>
            {t('common.retry')}
          </button>
        )}
      </div>
    </div>
  );
}

/** A failed write in the reader's language: the storage layer's kind of failure, or the worker out of reach, or its own words. */
export function storageErrorText(err: unknown): string {
  const detail = err instanceof Error ? err.message : String(err);
  if (/could not establish connection|receiving end|message port closed|no answer/i.test(detail)) return t('notice.unreachable');
  const { text } = userMessage(err);
  return text === t('error.unexpected') ? detail : text;
}
