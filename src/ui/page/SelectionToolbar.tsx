/**
 * The small toolbar that floats next to a text selection: one click
 * highlights in a colour; Note and Tag open an editor first. Pure: the lead
 * turns the callbacks into annotation records.
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { DEFAULT_HIGHLIGHT } from '../common/colors';
import { ColorChoices, NoteEditor, type NoteValue } from './Tooltip';
import { useEscape, useFloating } from './useFloating';

export interface SelectionToolbarProps {
  /** Anchor: horizontal centre and bottom of the selection, viewport px. */
  x: number;
  y: number;
  anchorTop?: number;
  /** The selected text, shown in the note editor so the reader sees what the note is about. */
  quote?: string;
  /** Open straight into the editor (keyboard shortcut “highlight with note”). */
  initialMode?: 'buttons' | 'note' | 'tags';
  /** Highlight without a note. */
  onHighlight: (color: string) => void;
  /** Highlight with the note/tags typed in the editor. */
  onSaveNote: (value: NoteValue) => void;
  onClose: () => void;
}

export function SelectionToolbar(props: SelectionToolbarProps) {
  const [mode, setMode] = useState(props.initialMode ?? 'buttons');
  const { ref, style, side } = useFloating<HTMLDivElement>({ x: props.x, y: props.y, top: props.anchorTop });
  useEscape(props.onClose);
  const editing = mode !== 'buttons';
  return (
    <div
      ref={ref}
      class={`gl-toolbar gl-card--${side}${editing ? ' gl-toolbar--editing' : ''}`}
      style={style}
      role={editing ? 'dialog' : 'toolbar'}
      aria-label={t('toolbar.label')}
      // A mousedown on a button would collapse the page's selection before the click lands.
      onMouseDown={(e) => {
        if (!editing) e.preventDefault();
      }}
    >
      {editing ? (
        <NoteEditor
          quote={props.quote}
          initial={{ note: '', tags: [], color: DEFAULT_HIGHLIGHT }}
          focus={mode === 'tags' ? 'tags' : 'note'}
          onSave={props.onSaveNote}
          onCancel={props.onClose}
        />
      ) : (
        <>
          <ColorChoices label={t('toolbar.highlight')} onChange={props.onHighlight} />
          <span class="gl-sep" aria-hidden="true" />
          <button type="button" class="gl-btn gl-btn--small" onClick={() => setMode('note')}>
            {t('toolbar.note')}
          </button>
          <button type="button" class="gl-btn gl-btn--small" onClick={() => setMode('tags')}>
            {t('toolbar.tag')}
          </button>
        </>
      )}
    </div>
  );
}
