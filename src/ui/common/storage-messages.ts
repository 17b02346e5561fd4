/**
 * What an import or export refused or left out, in the reader's language. The storage
 * layer reports it as data (ImportError's reason and refusals, an export's skipped records);
 * this turns that data into one message.
 */
import { t, tn } from '../i18n';
import type { ImportFailure, Refusal } from '../../storage/import';
import type { SkippedRecord } from '../../storage/export';
import type { Problem } from '../../storage/validate';

/** Field names stay as the file writes them (createdAt, tags[2]): the reader may need to find them there. */
export function problemText(p: Problem): string {
  return t(`panel.import.rules.${p.rule}`, p.limit === undefined ? [p.field || '—'] : [p.field || '—', p.limit]);
}

function recordText(table: string, index: number | null, key: string | undefined, problem: Problem): string {
  const name = t(`panel.import.tables.${table}`);
  const which = index === null ? name : t('panel.import.record', [name, index + 1]);
  return `${which}${key ? ` (${key.slice(0, 60)})` : ''}: ${problemText(problem)}`;
}

interface ImportErrorLike {
  failure: ImportFailure;
  refusals: Refusal[];
  refusedCount: number;
  detail?: number | string;
}

const isImportError = (err: unknown): err is ImportErrorLike =>
  typeof err === 'object' && err !== null && 'failure' in err && Array.isArray((err as { refusals?: unknown }).refusals);

/** One message for a failed import: why, and every record refused (up to what the error lists); null for other errors. */
export function importErrorText(err: unknown): string | null {
  if (!isImportError(err)) return null;
  switch (err.failure) {
    case 'too-large':
      return t('panel.import.tooLarge', [Math.round(Number(err.detail) / 1024 / 1024)]);
    case 'not-json':
      return t('panel.import.notJson');
    case 'unknown-format':
      return t('panel.import.unknownFormat');
    case 'version':
      return t('panel.import.version', [String(err.detail)]);
    case 'not-a-list':
      return t('panel.import.notAList', [String(err.detail)]);
    case 'refused': {
      const lines = err.refusals.map((r) => recordText(r.table, r.index, r.key, r.problem));
      const more = err.refusedCount - err.refusals.length;
      return [tn('panel.import.refused', err.refusedCount), ...lines, ...(more > 0 ? [t('panel.import.more', [more])] : [])].join('\n');
    }
  }
}

/** The records an export left out, or '' when it wrote everything. */
export function exportSkippedText(skipped: SkippedRecord[]): string {
  if (!skipped.length) return '';
  const shown = skipped.slice(0, 20).map((s) => recordText(s.table, null, s.key, s.problem));
  const more = skipped.length - shown.length;
  return [tn('panel.exportSkipped', skipped.length), ...shown, ...(more > 0 ? [t('panel.import.more', [more])] : [])].join('\n');
}
