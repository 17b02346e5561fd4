import { useId, useState } from 'preact/hooks';
import type { AnnotationRecord } from '../../shared/messages';
import { t } from '../i18n';
import { SaveCancel } from './SaveCancel';
import { highlightSwatch, HIGHLIGHT_COLORS } from '../common/colors';
import { TagList } from './TagList';
import { parseTags, shortDate } from '../common/format';

export interface AnnotationCardProps {
  annotation: AnnotationRecord;
  onScrollTo?: () => void;
  onSave: (changes: { note: string; tags: string[]; color: string }) => void | Promise<void>;
  onDelete: () => void | Promise<void>;
  /** A tag was clicked: list every note with it. */
  onTag?: (tag: string) => void;
}

/** One highlight with its note and tags; note, tags and colour edit in place. */
export function AnnotationCard({ annotation: a, onScrollTo, onSave, onDelete, onTag }: AnnotationCardProps) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(a.note);
  const [tags, setTags] = useState(a.tags.join(', '));
  const [color, setColor] = useState(a.color);
  const [confirming, setConfirming] = useState(false);

  const startEdit = () => {
    setNote(a.note);
    setTags(a.tags.join(', '));
    setColor(a.color);
    setEditing(true);
  };

  return (
    <li class={`item annotation${a.conflictOf ? ' conflict' : ''}`} style={{ borderLeftColor: highlightSwatch(a.color) }} data-conflict-of={a.conflictOf}>
      {a.conflictOf && (
        <p class="conflict-note small" role="note">
          {t('conflict.copy')}
        </p>
      )}
      {onScrollTo ? (
        <button type="button" class="quote as-link" onClick={onScrollTo} title={t('panel.scrollTo')}>
          {a.exact}
        </button>
      ) : (
        <blockquote class="quote">{a.exact}</blockquote>
      )}
      {editing ? (
        <form
          class="stack"
          onSubmit={async (e) => {
            e.preventDefault();
            await onSave({ note: note.trim(), tags: parseTags(tags), color });
            setEditing(false);
          }}
        >
          <span class="field-label" id={`${id}-color`}>
            {t('note.color')}
          </span>
          <div class="colors" role="group" aria-labelledby={`${id}-color`}>
            {Object.keys(HIGHLIGHT_COLORS).map((name) => (
              <button
                key={name}
                type="button"
                class="swatch"
                style={{ background: highlightSwatch(name) }}
                aria-pressed={color === name}
                aria-label={t(`color.${name}`)}
                title={t(`color.${name}`)}
                onClick={() => setColor(name)}
              />
            ))}
          </div>
          <label class="field-label" for={`${id}-note`}>
            {t('note.note')}
          </label>
          <textarea
            id={`${id}-note`}
            class="input"
            rows={3}
            value={note}
            placeholder={t('note.placeholder')}
            onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
          />
          <label class="field-label" for={`${id}-tags`}>
            {t('note.tags')}
          </label>
          <input
            id={`${id}-tags`}
            class="input"
            value={tags}
            placeholder={t('note.tagsPlaceholder')}
            onInput={(e) => setTags((e.target as HTMLInputElement).value)}
          />
          <SaveCancel onCancel={() => setEditing(false)} />
        </form>
      ) : (
        <>
          {a.note && <p class="note">{a.note}</p>}
          <TagList tags={a.tags} onTag={onTag} />
          <div class="row small">
            <span class="muted grow">{shortDate(a.updatedAt || a.createdAt)}</span>
            <button type="button" class="btn tiny" onClick={startEdit}>
              {t('common.edit')}
            </button>
            {confirming ? (
              <>
                <button type="button" class="btn tiny danger" onClick={() => void onDelete()}>
                  {t('panel.confirmDelete')}
                </button>
                <button type="button" class="btn tiny" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </button>
              </>
            ) : (
              <button type="button" class="btn tiny danger" onClick={() => setConfirming(true)}>
                {t('common.delete')}
              </button>
            )}
          </div>
        </>
      )}
    </li>
  );
}
