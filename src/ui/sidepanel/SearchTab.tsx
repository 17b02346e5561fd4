/** 全部: full-text search over every saved quote, note, tag and pledge, grouped by report. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { safeHref } from '../common/links';
import type { SearchGroup, SearchHit } from './data';
import { VirtualList } from '../common/VirtualList';

export interface SearchTabProps {
  search: (query: string) => Promise<SearchGroup[]>;
  /** Shows a highlight on its page (opening the report if it is not the current tab's). */
  onReveal: (hit: SearchHit) => void;
  /** Called when the tab opens, to build the search index while the reader types. */
  warm?: () => Promise<void>;
}

export function SearchTab({ search, onReveal, warm }: SearchTabProps) {
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
        (err: unknown) => !stale && setError(err instanceof Error ? err.message : String(err)),
      );
    }, 200);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query, search]);

  const total = groups?.reduce((n, g) => n + g.hits.length, 0) ?? 0;
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
      {error && (
        <p class="error small" role="alert">
          {error}
        </p>
      )}
      {groups && (
        <p class="small muted" role="status">
          {t('panel.search.count', [total, groups.length])}
        </p>
      )}
      {groups && <VirtualList class="list" items={rowsOf(groups)} keyOf={(r) => r.key} row={(r) => (r.kind === 'group' ? <GroupHead group={r.group} /> : <HitRow hit={r.hit} onReveal={onReveal} />)} />}
    </div>
  );
}

type Row = { kind: 'group'; key: string; group: SearchGroup } | { kind: 'hit'; key: string; hit: SearchHit };

/** Groups and their hits as one list, so even 100,000 hits scroll as one virtual list. */
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

function HitRow({ hit: h, onReveal }: { hit: SearchHit; onReveal: (hit: SearchHit) => void }) {
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
      {h.tags.length > 0 && (
        <ul class="tags">
          {h.tags.map((tag) => (
            <li key={tag} class="chip">
              {tag}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
