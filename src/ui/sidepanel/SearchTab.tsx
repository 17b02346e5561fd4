/** 全部: full-text search over every saved quote, note, tag and pledge, grouped by report. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { safeHref } from '../common/links';
import type { SearchGroup, SearchHit } from './data';

export interface SearchTabProps {
  search: (query: string) => Promise<SearchGroup[]>;
  /** Shows a highlight on its page (opening the report if it is not the current tab's). */
  onReveal: (hit: SearchHit) => void;
}

export function SearchTab({ search, onReveal }: SearchTabProps) {
  const [query, setQuery] = useState('');
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
      {groups?.map((g) => {
        const href = safeHref(g.url);
        return (
          <section key={g.reportId} class="result-group">
            <h3>
              {href ? (
                <a href={href} target="_blank" rel="noreferrer">
                  {g.title}
                </a>
              ) : (
                g.title
              )}
            </h3>
            <ul class="list">
              {g.hits.map((h) => (
                <li key={h.id} class={`item hit-${h.kind}`}>
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
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
