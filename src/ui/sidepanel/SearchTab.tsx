/**
 * 全部: every saved highlight and note, newest first, as Hypothesis and Memex
 * list them; a tag narrows the list (click any tag), and typing searches every
 * quote, note, tag and pledge, grouped by report.
 */
import { useEffect, useState } from 'preact/hooks';
import { t, tn } from '../i18n';
import { safeHref } from '../common/links';
import { shortDate } from '../common/format';
import { highlightSwatch } from '../common/colors';
import { userMessage } from '../common/errors';
import { TagList } from './TagList';
import type { NoteRow, SearchGroup, SearchHit } from './data';
import { VirtualList } from '../common/VirtualList';

export interface SearchTabProps {
  search: (query: string) => Promise<SearchGroup[]>;
  /** Every note (or those with `tag`), newest first. */
  notes: NoteRow[];
  /** The tag the list is narrowed to, if any. */
  tag: string | null;
  onTag: (tag: string | null) => void;
  /** Shows a highlight on its page (opening the report if it is not the current tab's). */
  onReveal: (hit: SearchHit) => void;
  /** Called when the tab opens, to build the search index while the reader types. */
  warm?: () => Promise<void>;
}

/**
 * Both lists are virtual (a library of 100,000 notes is 100,000 rows): only the rows near
 * the viewport are in the page, and every one can be scrolled to; the counts are the true ones.
 */
export function SearchTab({ search, notes, tag, onTag, onReveal, warm }: SearchTabProps) {
  const [query, setQuery] = useState('');
  useEffect(() => void warm?.().catch(() => undefined), []);
  const [groups, setGroups] = useState<SearchGroup[] | null>(null);
  const [error, setError] = useState<string>();

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setGroups(null);
      return;
    }
    let stale = false;
    // Debounced: typing Chinese through an IME fires many inputs per word.
    const timer = setTimeout(() => {
      search(q).then(
        (g) => !stale && (setGroups(g), setError(undefined)),
        (err: unknown) => !stale && setError(userMessage(err).text),
      );
    }, 200);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query, search]);

  const shown = groups && narrow(groups, tag);
  const total = shown?.reduce((n, g) => n + g.hits.length, 0) ?? 0;
  return (
    <div class="stack">
      <input
        type="search"
        class="input"
        value={query}
        placeholder={t('panel.search.placeholder')}
        aria-label={t('panel.search.label')}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
      />
      {tag && (
        <div class="row small">
          <span class="muted">{t('panel.notes.taggedWith')}</span>
          <button type="button" class="chip tag active" data-testid="tag-filter" title={t('panel.notes.clearTag')} onClick={() => onTag(null)}>
            {`#${tag} ×`}
          </button>
        </div>
      )}
      {error && (
        <p class="error small" role="alert">
          {error}
        </p>
      )}
      {shown ? (
        <>
          <p class="small muted" role="status">
            {t('panel.search.count', [tn('panel.search.results', total), tn('panel.search.reports', shown.length)])}
          </p>
          <VirtualList
            class="list results"
            items={rowsOf(shown)}
            keyOf={(r) => r.key}
            row={(r) => (r.kind === 'group' ? <GroupHead group={r.group} /> : <HitRow hit={r.hit} onTag={onTag} onReveal={onReveal} />)}
          />
        </>
      ) : (
        <>
          <p class="small muted" role="status" data-testid="notes-count">
            {tn('panel.notes.count', notes.length)}
          </p>
          {notes.length === 0 && <p class="muted empty">{t(tag ? 'panel.notes.noneTagged' : 'panel.notes.none')}</p>}
          <VirtualList class="list notes" items={notes} keyOf={(n) => n.id} row={(n) => <NoteItem note={n} onTag={onTag} onReveal={onReveal} />} />
        </>
      )}
    </div>
  );
}

/** Search results with `tag` only (pledges carry no tags), newest first within each report. */
function narrow(groups: SearchGroup[], tag: string | null): SearchGroup[] {
  return groups
    .map((g) => ({ ...g, hits: g.hits.filter((h) => !tag || h.tags.includes(tag)).sort((a, b) => b.updatedAt - a.updatedAt) }))
    .filter((g) => g.hits.length > 0);
}

function NoteItem({ note: n, onTag, onReveal }: { note: NoteRow; onTag: (tag: string) => void; onReveal: (hit: SearchHit) => void }) {
  const href = safeHref(n.url);
  return (
    <li class="item annotation" style={{ borderLeftColor: highlightSwatch(n.color ?? '') }}>
      <button type="button" class="as-link quote" title={t('panel.scrollTo')} onClick={() => onReveal(n)}>
        {n.text}
      </button>
      {n.note && <p class="note">{n.note}</p>}
      <TagList tags={n.tags} onTag={onTag} />
      <div class="row small muted">
        {href ? (
          <a class="grow ellipsis" href={href} target="_blank" rel="noreferrer">
            {n.reportTitle}
          </a>
        ) : (
          <span class="grow ellipsis">{n.reportTitle}</span>
        )}
        <span>{shortDate(n.updatedAt)}</span>
      </div>
    </li>
  );
}

type Row = { kind: 'group'; key: string; group: SearchGroup } | { kind: 'hit'; key: string; hit: SearchHit };

/** Groups and their hits as one list of rows (a report's heading, then its hits), for one virtual list. */
function rowsOf(groups: SearchGroup[]): Row[] {
  const rows: Row[] = [];
  for (const g of groups) {
    rows.push({ kind: 'group', key: `g:${g.reportId}`, group: g });
    for (const h of g.hits) rows.push({ kind: 'hit', key: `${h.kind}:${h.id}`, hit: h });
  }
  return rows;
}

function GroupHead({ group: g }: { group: SearchGroup }) {
  const href = safeHref(g.url);
  return (
    <li class="result-group">
      <h3>
        {href ? (
          <a href={href} target="_blank" rel="noreferrer">
            {g.title}
          </a>
        ) : (
          g.title
        )}
      </h3>
    </li>
  );
}

function HitRow({ hit: h, onTag, onReveal }: { hit: SearchHit; onTag: (tag: string) => void; onReveal: (hit: SearchHit) => void }) {
  return (
    <li class={`item hit-${h.kind}`}>
      <span class="chip">{t(h.kind === 'pledge' ? 'panel.search.pledge' : 'panel.search.highlight')}</span>
      {h.kind === 'annotation' ? (
        <button type="button" class="as-link text" title={t('panel.scrollTo')} onClick={() => onReveal(h)}>
          {h.text}
        </button>
      ) : (
        <p class="text">{h.text}</p>
      )}
      {h.note && <p class="note">{h.note}</p>}
      <TagList tags={h.tags} onTag={onTag} />
    </li>
  );
}
