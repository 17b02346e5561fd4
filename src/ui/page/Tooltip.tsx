/**
 * The card shown for one mark on the page. Pure: everything arrives as props
 * and every action leaves as a callback; the lead mounts it in a shadow root
 * and does the messaging. All page and user text is rendered as text nodes.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import type { AnnotationRecord, FigureItem, PledgeItem, SharedNote, TermItem } from '../../shared/messages';
import type { RepairKind } from '../../core/repair/types';
import type { TermSource } from '../../core/glossary/types';
import { t, isZh } from '../i18n';
import { figureValue } from '../common/format';
import { highlightSwatch, HIGHLIGHT_COLORS } from '../common/colors';
import { parseTags } from '../common/format';
import { useEscape, useFloating } from './useFloating';
import type { Anchor } from './position';
import { areaPath } from '../../core/pledges/area-path';

export interface RepairInfo {
  before: string;
  after: string;
  kind: RepairKind;
  confidence: number;
}

export type TooltipSubject =
  | { kind: 'figure'; figure: Pick<FigureItem, 'text' | 'kind' | 'value' | 'valueMax' | 'unit' | 'target' | 'subject'> & { qualifier?: string } }
  | { kind: 'term'; term: Omit<TermItem, 'index'> }
  | { kind: 'repair'; repair: RepairInfo }
  | { kind: 'suggestion'; repair: RepairInfo }
  | { kind: 'user'; annotation: Pick<AnnotationRecord, 'id' | 'exact' | 'note' | 'tags' | 'color'> }
  | { kind: 'pledge'; pledge: Pick<PledgeItem, 'text' | 'kind' | 'area' | 'dueYear' | 'direction' | 'figure' | 'savedId'> }
  | { kind: 'shared'; note: Pick<SharedNote, 'key' | 'source' | 'exact' | 'note' | 'tags'> };

export interface TooltipProps {
  subject: TooltipSubject;
  /** Anchor: horizontal centre and bottom of the mark, viewport px. */
  x: number;
  y: number;
  /** Top of the mark, so the card can flip above it. */
  anchorTop?: number;
  onClose: () => void;
  onSaveDefinition?: (term: string, text: string) => void;
  onUndo?: () => void;
  onAccept?: () => void;
  onDismiss?: () => void;
  onSaveAnnotation?: (id: string, changes: { note: string; tags: string[]; color: string }) => void;
  onDeleteAnnotation?: (id: string) => void;
  onSavePledge?: () => void;
  onCopyShared?: (key: string) => void;
  /** Move focus into the card when it opens (it was reached with the keyboard). */
  autoFocus?: boolean;
}

export function Tooltip(props: TooltipProps) {
  const anchor: Anchor = { x: props.x, y: props.y, top: props.anchorTop };
  const { ref, style, side } = useFloating<HTMLDivElement>(anchor);
  useEscape(props.onClose);
  useEffect(() => {
    if (!props.autoFocus) return;
    // The first action if there is one, else the close button, so Enter does the likely thing.
    // After the next frame: the card is measured and placed (visible) only then, and hidden elements refuse focus.
    const frame = requestAnimationFrame(() => {
      const card = ref.current;
      (card?.querySelector<HTMLElement>('button:not(.gl-close)') ?? card?.querySelector<HTMLElement>('.gl-close'))?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [props.autoFocus]);
  const { subject } = props;
  // A figure card has nothing to operate, so it is a tooltip; the others hold buttons and forms.
  const role = subject.kind === 'figure' ? 'tooltip' : 'dialog';
  return (
    <div
      ref={ref}
      class={`gl-card gl-card--${subject.kind} gl-card--${side}${subject.kind === 'figure' ? (subject.figure.kind === 'date' ? ' gl-card--date' : subject.figure.target ? ' gl-card--target' : '') : ''}`}
      style={style}
      role={role}
      aria-live="polite"
      aria-label={t(`tip.title.${subject.kind}`)}
    >
      <button type="button" class="gl-close" aria-label={t('common.close')} title={t('common.close')} onClick={props.onClose}>
        ×
      </button>
      <Body {...props} />
    </div>
  );
}

function Body(props: TooltipProps) {
  const s = props.subject;
  switch (s.kind) {
    case 'figure':
      return <FigureBody figure={s.figure} />;
    case 'term':
      return <TermBody term={s.term} onSave={props.onSaveDefinition} />;
    case 'repair':
      return <RepairBody repair={s.repair} onUndo={props.onUndo} />;
    case 'suggestion':
      return <SuggestionBody repair={s.repair} onAccept={props.onAccept} onDismiss={props.onDismiss ?? props.onClose} />;
    case 'user':
      return <UserBody annotation={s.annotation} onSave={props.onSaveAnnotation} onDelete={props.onDeleteAnnotation} />;
    case 'pledge':
      return <PledgeBody pledge={s.pledge} onSave={props.onSavePledge} />;
    case 'shared':
      return <SharedBody note={s.note} onCopy={props.onCopyShared} />;
  }
}

function Kicker({ children }: { children: string }) {
  return <div class="gl-kicker">{children}</div>;
}

function FigureBody({ figure }: { figure: Extract<TooltipSubject, { kind: 'figure' }>['figure'] }) {
  const plain = figureValue(figure, isZh());
  return (
    <div>
      <Kicker>{`${t(figure.target ? 'figure.target' : 'figure.achieved')} · ${t(`figure.kind.${figure.kind}`)}`}</Kicker>
      <div class="gl-main">{figure.text}</div>
      {plain && plain !== figure.text && <div class="gl-plain">{`= ${plain}`}</div>}
      {figure.qualifier && <div class="gl-row">{`${t('figure.qualifier')}: ${figure.qualifier}`}</div>}
      {figure.subject && <div class="gl-row">{`${t('figure.subject')}: ${figure.subject}`}</div>}
    </div>
  );
}

export function sourceLabel(source: TermSource): string {
  return t(`term.source.${source}`);
}

function TermBody({ term, onSave }: { term: Extract<TooltipSubject, { kind: 'term' }>['term']; onSave?: (term: string, text: string) => void }) {
  const [editing, setEditing] = useState(false);
  const zh = isZh();
  return (
    <div>
      <Kicker>{term.source === 'none' ? t('tip.title.term') : `${t('tip.title.term')} · ${sourceLabel(term.source)}`}</Kicker>
      <div class="gl-main">{term.text}</div>
      {/* An English reader gets the English name and a one-line gloss first, then the Chinese explanation. */}
      {!zh && !editing && <EnglishLines term={term} />}
      {/* A built-in entry hovered in the moment between the first marks and its explanation's arrival. */}
      {!editing && (term.definition ? <p class="gl-text" lang="zh">{term.definition}</p> : <p class="gl-text gl-muted">{t(term.source === 'builtin' ? 'term.loading' : 'term.none')}</p>)}
      {/* A name marked whole keeps the explanations of the known terms inside it. */}
      {!editing && term.parts?.length ? (
        <div class="gl-parts">
          <div class="gl-row gl-muted">{t('term.parts')}</div>
          {term.parts.map((p) => (
            <p key={p.text} class="gl-text" lang="zh">
              <strong>{p.text}</strong>
              {`：${p.definition}`}
            </p>
          ))}
        </div>
      ) : null}
      {zh && !editing && term.en && (
        <div class="gl-row gl-muted">
          {`${t('term.en')}: `}
          <span lang="en">{term.en}</span>
        </div>
      )}
      {!editing && firstSeen(term, zh) && <div class="gl-row gl-muted">{`${t('term.since')}: ${firstSeen(term, zh)}`}</div>}
      {editing ? (
        <DefinitionForm
          initial={term.definition ?? ''}
          onCancel={() => setEditing(false)}
          onSave={(text) => {
            onSave?.(term.key, text);
            setEditing(false);
          }}
        />
      ) : (
        onSave && (
          <div class="gl-actions">
            <button type="button" class="gl-btn" onClick={() => setEditing(true)}>
              {t(term.definition ? 'term.edit' : 'term.add')}
            </button>
          </div>
        )
      )}
    </div>
  );
}

type TermSubject = Extract<TooltipSubject, { kind: 'term' }>['term'];

function EnglishLines({ term }: { term: TermSubject }) {
  return (
    <>
      {term.en && (
        <div class="gl-row gl-en" lang="en">
          {term.en}
        </div>
      )}
      {term.gloss && (
        <p class="gl-text gl-gloss" lang="en">
          {term.gloss}
        </p>
      )}
    </>
  );
}

/** "2019年 · 《西部陆海新通道总体规划》" / "2019 · 《…》", or '' when the entry does not say. */
export function firstSeen(term: { since?: number; firstDoc?: string }, zh: boolean): string {
  const year = term.since ? (zh ? `${term.since}年` : String(term.since)) : '';
  // The document often names its year already: 《…》（2019年）.
  return [year, term.firstDoc ?? ''].filter(Boolean).join(' · ');
}

export function DefinitionForm(props: { initial: string; onSave: (text: string) => void; onCancel: () => void }) {
  const [text, setText] = useState(props.initial);
  return (
    <form
      class="gl-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) props.onSave(text.trim());
      }}
    >
      <textarea
        class="gl-input"
        rows={3}
        value={text}
        aria-label={t('term.definition')}
        placeholder={t('term.placeholder')}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
      <SaveCancel disabled={!text.trim()} onCancel={props.onCancel} />
    </form>
  );
}

function Change({ repair }: { repair: RepairInfo }) {
  return (
    <div class="gl-change">
      <span class="gl-before" title={t('repair.original')}>
        {repair.before || t('repair.empty')}
      </span>
      <span aria-hidden="true">{' → '}</span>
      <span class="gl-after" title={t('repair.repaired')}>
        {repair.after || t('repair.empty')}
      </span>
    </div>
  );
}

function confidenceText(c: number) {
  return `${t('repair.confidence')}: ${Math.round(c * 100)}%`;
}

function RepairBody({ repair, onUndo }: { repair: RepairInfo; onUndo?: () => void }) {
  return (
    <div>
      <Kicker>{`${t('tip.title.repair')} · ${t(`repair.kind.${repair.kind}`)}`}</Kicker>
      <Change repair={repair} />
      <div class="gl-row gl-muted">{confidenceText(repair.confidence)}</div>
      {onUndo && (
        <div class="gl-actions">
          <button type="button" class="gl-btn" onClick={onUndo}>
            {t('repair.undo')}
          </button>
        </div>
      )}
    </div>
  );
}

function SuggestionBody({ repair, onAccept, onDismiss }: { repair: RepairInfo; onAccept?: () => void; onDismiss: () => void }) {
  return (
    <div>
      <Kicker>{`${t('tip.title.suggestion')} · ${t(`repair.kind.${repair.kind}`)}`}</Kicker>
      <Change repair={repair} />
      <div class="gl-row gl-muted">{confidenceText(repair.confidence)}</div>
      <div class="gl-actions">
        {onAccept && (
          <button type="button" class="gl-btn gl-btn--primary" onClick={onAccept}>
            {t('repair.accept')}
          </button>
        )}
        <button type="button" class="gl-btn" onClick={onDismiss}>
          {t('repair.dismiss')}
        </button>
      </div>
    </div>
  );
}

function UserBody(props: {
  annotation: Extract<TooltipSubject, { kind: 'user' }>['annotation'];
  onSave?: TooltipProps['onSaveAnnotation'];
  onDelete?: TooltipProps['onDeleteAnnotation'];
}) {
  const a = props.annotation;
  const [editing, setEditing] = useState(false);
  if (editing && props.onSave) {
    return (
      <NoteEditor
        quote={a.exact}
        initial={{ note: a.note, tags: a.tags, color: a.color }}
        onCancel={() => setEditing(false)}
        onSave={(v) => {
          props.onSave!(a.id, v);
          setEditing(false);
        }}
      />
    );
  }
  return (
    <div>
      <Kicker>{t('tip.title.user')}</Kicker>
      <blockquote class="gl-quote" style={{ borderColor: highlightSwatch(a.color) }}>
        {a.exact}
      </blockquote>
      {a.note ? <p class="gl-text gl-note">{a.note}</p> : <p class="gl-text gl-muted">{t('note.none')}</p>}
      {a.tags.length > 0 && (
        <ul class="gl-tags" aria-label={t('note.tags')}>
          {a.tags.map((tag) => (
            <li key={tag} class="gl-tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      <div class="gl-actions">
        {props.onSave && (
          <button type="button" class="gl-btn" onClick={() => setEditing(true)}>
            {t('common.edit')}
          </button>
        )}
        {props.onDelete && (
          <button type="button" class="gl-btn gl-btn--danger" onClick={() => props.onDelete!(a.id)}>
            {t('common.delete')}
          </button>
        )}
      </div>
    </div>
  );
}

function PledgeBody({ pledge, onSave }: { pledge: Extract<TooltipSubject, { kind: 'pledge' }>['pledge']; onSave?: () => void }) {
  // The area is the nearest heading (the outline's last level), the full path on hover.
  const area = pledge.area[pledge.area.length - 1];
  return (
    <div>
      <Kicker>{`${t('tip.title.pledge')} · ${t(`pledge.kind.${pledge.kind}`)}`}</Kicker>
      <p class="gl-text">{pledge.text}</p>
      {pledge.figure && <div class="gl-row">{`${t('pledge.figure')}: ${pledge.figure.text}${pledge.direction ? ` (${t(`pledge.direction.${pledge.direction}`)})` : ''}`}</div>}
      {area && (
        <div class="gl-row" title={areaPath(pledge.area)}>
          {`${t('pledge.area')}: ${area}`}
        </div>
      )}
      {pledge.dueYear && <div class="gl-row">{`${t('pledge.due')}: ${pledge.dueYear}`}</div>}
      <div class="gl-actions">
        {pledge.savedId ? (
          <span class="gl-muted">{t('pledge.saved')}</span>
        ) : (
          onSave && (
            <button type="button" class="gl-btn gl-btn--primary" onClick={onSave}>
              {t('pledge.save')}
            </button>
          )
        )}
      </div>
    </div>
  );
}

export interface NoteValue {
  note: string;
  tags: string[];
  color: string;
}

/**
 * Note + tags + colour editor, shared by the tooltip and the selection
 * toolbar. It shows the passage it annotates, and every field has a visible label.
 */
export function NoteEditor(props: { quote?: string; initial: NoteValue; focus?: 'note' | 'tags'; onSave: (v: NoteValue) => void; onCancel: () => void }) {
  const [note, setNote] = useState(props.initial.note);
  const [tags, setTags] = useState(props.initial.tags.join(', '));
  const [color, setColor] = useState(props.initial.color);
  const id = useId();
  return (
    <form
      class="gl-form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave({ note: note.trim(), tags: parseTags(tags), color });
      }}
    >
      {props.quote && (
        <blockquote class="gl-quote gl-quote--editing" style={{ borderColor: highlightSwatch(color) }} aria-label={t('note.quote')}>
          {props.quote}
        </blockquote>
      )}
      <span class="gl-label" id={`${id}-color`}>
        {t('note.color')}
      </span>
      <ColorChoices value={color} onChange={setColor} labelledBy={`${id}-color`} />
      <label class="gl-label" for={`${id}-note`}>
        {t('note.note')}
      </label>
      <textarea
        id={`${id}-note`}
        class="gl-input"
        rows={3}
        value={note}
        autoFocus={props.focus !== 'tags'}
        placeholder={t('note.placeholder')}
        onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
      />
      <label class="gl-label" for={`${id}-tags`}>
        {t('note.tags')}
      </label>
      <input
        id={`${id}-tags`}
        class="gl-input"
        type="text"
        value={tags}
        autoFocus={props.focus === 'tags'}
        placeholder={t('note.tagsPlaceholder')}
        onInput={(e) => setTags((e.target as HTMLInputElement).value)}
      />
      <SaveCancel onCancel={props.onCancel} />
    </form>
  );
}

export function ColorChoices(props: { value?: string; onChange: (color: string) => void; label?: string; labelledBy?: string }) {
  return (
    <div class="gl-colors" role="group" aria-label={props.labelledBy ? undefined : (props.label ?? t('note.color'))} aria-labelledby={props.labelledBy}>
      {Object.keys(HIGHLIGHT_COLORS).map((name) => (
        <button
          key={name}
          type="button"
          class="gl-swatch"
          data-color={name}
          style={{ background: highlightSwatch(name) }}
          aria-pressed={props.value === undefined ? undefined : props.value === name}
          aria-label={t(`color.${name}`)}
          title={t(`color.${name}`)}
          onClick={() => props.onChange(name)}
        />
      ))}
    </div>
  );
}

/** The Save (submit) and Cancel pair closing every small form on the page. */
function SaveCancel(props: { disabled?: boolean; onCancel: () => void }) {
  return (
    <div class="gl-actions">
      <button type="submit" class="gl-btn gl-btn--primary" disabled={props.disabled}>
        {t('common.save')}
      </button>
      <button type="button" class="gl-btn" onClick={props.onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

/** A note from a read-only source (a teacher's folder): read, and copied into the reader's own notes if wanted. */
function SharedBody({ note, onCopy }: { note: Extract<TooltipSubject, { kind: 'shared' }>['note']; onCopy?: (key: string) => void }) {
  return (
    <div>
      <Kicker>{t('shared.from', [note.source])}</Kicker>
      <blockquote class="gl-quote gl-quote--shared">{note.exact}</blockquote>
      {note.note && <p class="gl-text gl-note">{note.note}</p>}
      {note.tags.length > 0 && (
        <ul class="gl-tags" aria-label={t('note.tags')}>
          {note.tags.map((tag) => (
            <li key={tag} class="gl-tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      {onCopy && (
        <div class="gl-actions">
          <button type="button" class="gl-btn gl-btn--primary" onClick={() => onCopy(note.key)}>
            {t('shared.copy')}
          </button>
        </div>
      )}
    </div>
  );
}
