/** 术语: the page's slogan terms with their explanations, and the report's own glossary. */
import { useMemo, useState } from 'preact/hooks';
import type { GlossaryEntry } from '../../core/glossary/types';
import type { TermItem } from '../../shared/messages';
import { isZh, t } from '../i18n';
import { userMessage } from '../common/errors';
import { DefinitionForm, sourceLabel } from '../page/Tooltip';

export interface TermsTabProps {
  terms: TermItem[];
  glossary: GlossaryEntry[];
  onScrollTo: (index: number) => void;
  onSaveDefinition: (term: string, definition: string) => Promise<void>;
}

interface TermGroup {
  key: string;
  text: string;
  definition: string | null;
  source: TermItem['source'];
  en?: string;
  gloss?: string;
  count: number;
  first: number;
}

/** One row per glossary key, in order of first appearance, with how often it occurs. */
export function groupTerms(terms: TermItem[]): TermGroup[] {
  const groups = new Map<string, TermGroup>();
  for (const term of terms) {
    const g = groups.get(term.key);
    if (g) g.count++;
    else groups.set(term.key, { key: term.key, text: term.text, definition: term.definition, source: term.source, en: term.en, gloss: term.gloss, count: 1, first: term.index });
  }
  return [...groups.values()];
}

export function TermsTab(props: TermsTabProps) {
  const groups = useMemo(() => groupTerms(props.terms), [props.terms]);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  return (
    <div class="stack-lg">
      <section>
        <h3>{t('panel.terms.onPage', [groups.length])}</h3>
        {error && (
          <p class="error small" role="alert">
            {error}
          </p>
        )}
        {groups.length === 0 ? (
          <p class="muted small">{t('panel.terms.none')}</p>
        ) : (
          <ul class="list">
            {groups.map((g) => (
              <li key={g.key} class="item term">
                <div class="row">
                  <button type="button" class="as-link term-name grow" onClick={() => props.onScrollTo(g.first)}>
                    {g.key}
                  </button>
                  {g.count > 1 && <span class="chip">{`×${g.count}`}</span>}
                  {g.source !== 'none' && <span class={`chip source-${g.source}`}>{sourceLabel(g.source)}</span>}
                </div>
                {editing === g.key ? (
                  <DefinitionForm
                    initial={g.definition ?? ''}
                    onCancel={() => setEditing(null)}
                    onSave={async (text) => {
                      setError(undefined);
                      try {
                        await props.onSaveDefinition(g.key, text);
                        setEditing(null);
                      } catch (err) {
                        setError(userMessage(err).text);
                      }
                    }}
                  />
                ) : (
                  <>
                    {/* English first for an English reader, as in the page's tooltip. */}
                    {!isZh() && g.en && (
                      <p class="text small" lang="en">
                        <strong>{g.en}</strong>
                        {g.gloss ? ` — ${g.gloss}` : ''}
                      </p>
                    )}
                    {g.definition ? (
                      <p class="text" lang="zh">
                        {g.definition}
                      </p>
                    ) : (
                      <p class="text muted">{t('term.none')}</p>
                    )}
                    <div class="row small">
                      <button type="button" class="btn tiny" onClick={() => setEditing(g.key)}>
                        {t(g.definition ? 'term.edit' : 'term.add')}
                      </button>
                    </div>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {props.glossary.length > 0 && (
        <section>
          <h3>{t('panel.terms.reportGlossary', [props.glossary.length])}</h3>
          <dl class="glossary">
            {props.glossary.map((e) => (
              <div key={e.term}>
                <dt>{e.term}</dt>
                <dd>{e.definition}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </div>
  );
}
