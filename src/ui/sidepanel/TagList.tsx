import { t } from '../i18n';

/** A note's tags as buttons: clicking one lists every note with that tag. */
export function TagList({ tags, onTag }: { tags: string[]; onTag?: (tag: string) => void }) {
  if (!tags.length) return null;
  return (
    <ul class="tags" aria-label={t('note.tags')}>
      {tags.map((tag) => (
        <li key={tag}>
          {onTag ? (
            <button type="button" class="chip tag" title={t('panel.notes.filterByTag', [tag])} onClick={() => onTag(tag)}>
              {`#${tag}`}
            </button>
          ) : (
            <span class="chip tag">{`#${tag}`}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
