/**
 * 本页: the current page's highlights and orphans. (Its pledges, and the saved pledges it reports on, are
 * in the 承诺 tab.)
 */
import { useState } from 'preact/hooks';
import type { AnnotationRecord, PageItems, ScrollTarget } from '../../shared/messages';
import { t } from '../i18n';
import { AnnotationCard } from './AnnotationCard';
import { VirtualList } from '../common/VirtualList';

export interface ThisPageProps {
  items: PageItems;
  onScrollTo: (target: ScrollTarget) => void;
  onReattach: (id: string) => Promise<boolean>;
  onSaveAnnotation: (id: string, changes: { note: string; tags: string[]; color: string }) => Promise<void>;
  onDeleteAnnotation: (id: string) => Promise<void>;
  /** A tag was clicked: list every note with it. */
  onTag?: (tag: string) => void;
}

export function ThisPageTab(props: ThisPageProps) {
  const { items } = props;
  return (
    <div class="stack-lg">
      {items.report && (
        <header class="report-head">
          <h2>{items.report.title || items.report.url}</h2>
          <p class="muted small">{[items.report.region, items.report.year].filter(Boolean).join(' · ')}</p>
        </header>
      )}

      <section>
        <h3>{t('panel.page.annotations', [items.annotations.length])}</h3>
        {items.annotations.length === 0 ? (
          <p class="muted small">{t('panel.page.noAnnotations')}</p>
        ) : (
          <VirtualList
            class="list"
            items={items.annotations}
            keyOf={(a) => a.id}
            row={(a) => (
              <AnnotationCard
                annotation={a}
                onScrollTo={() => props.onScrollTo({ kind: 'annotation', id: a.id })}
                onSave={(c) => props.onSaveAnnotation(a.id, c)}
                onDelete={() => props.onDeleteAnnotation(a.id)}
                onTag={props.onTag}
              />
            )}
          />
        )}
      </section>

      {items.orphans.length > 0 && <Orphans orphans={items.orphans} {...props} />}
    </div>
  );
}

function Orphans(props: ThisPageProps & { orphans: AnnotationRecord[] }) {
  const [result, setResult] = useState<Record<string, 'ok' | 'missing' | 'busy'>>({});
  return (
    <section>
      <h3>{t('panel.page.orphans', [props.orphans.length])}</h3>
      <p class="muted small">{t('panel.page.orphansHelp')}</p>
      <VirtualList
        class="list"
        items={props.orphans}
        keyOf={(a) => a.id}
        row={(a) => (
          <li class="item orphan">
            <blockquote class="quote">{a.exact}</blockquote>
            {a.note && <p class="note">{a.note}</p>}
            <div class="row small">
              <span class="grow muted" role="status">
                {result[a.id] === 'missing' ? t('panel.page.stillMissing') : result[a.id] === 'ok' ? t('panel.page.reattached') : ''}
              </span>
              <button
                type="button"
                class="btn tiny"
                disabled={result[a.id] === 'busy'}
                onClick={async () => {
                  setResult((r) => ({ ...r, [a.id]: 'busy' }));
                  const ok = await props.onReattach(a.id).catch(() => false);
                  setResult((r) => ({ ...r, [a.id]: ok ? 'ok' : 'missing' }));
                }}
              >
                {t('panel.page.reattach')}
              </button>
              <button type="button" class="btn tiny danger" onClick={() => void props.onDeleteAnnotation(a.id)}>
                {t('common.delete')}
              </button>
            </div>
          </li>
        )}
      />
    </section>
  );
}
