/**
 * 本页: the current page's highlights, pledges, orphans and the saved pledges
 * this report seems to report on.
 */
import { useState } from 'preact/hooks';
import type { AnnotationRecord, PageItems, PledgeMatch, ScrollTarget } from '../../shared/messages';
import { t } from '../i18n';
import { AnnotationCard } from './AnnotationCard';
import { VirtualList } from '../common/VirtualList';
import { StatusSelect } from './PledgesTab';
import type { PledgeStatus, SavedPledge } from './data';
import { canonicalUrl } from '../../core/fingerprint';

export interface ThisPageProps {
  items: PageItems;
  savedPledges: SavedPledge[];
  onScrollTo: (target: ScrollTarget) => void;
  onSavePledge: (index: number) => Promise<void>;
  onReattach: (id: string) => Promise<boolean>;
  onSaveAnnotation: (id: string, changes: { note: string; tags: string[]; color: string }) => Promise<void>;
  onDeleteAnnotation: (id: string) => Promise<void>;
  onSetPledgeStatus: (pledgeId: string, status: PledgeStatus, evidence?: string) => Promise<void>;
}

export function ThisPageTab(props: ThisPageProps) {
  const { items } = props;
  const savedHere = pledgesOfPage(items, props.savedPledges);
  return (
    <div class="stack-lg">
      {items.report && (
        <header class="report-head">
          <h2>{items.report.title || items.report.url}</h2>
          <p class="muted small">{[items.report.region, items.report.year].filter(Boolean).join(' · ')}</p>
        </header>
      )}

      {items.pledgeMatches.length > 0 && (
        <Matches matches={items.pledgeMatches} saved={props.savedPledges} onSet={props.onSetPledgeStatus} />
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
              />
            )}
          />
        )}
      </section>

      {items.orphans.length > 0 && <Orphans orphans={items.orphans} {...props} />}

      <section>
        <h3>{t('panel.page.pledges', [items.pledges.length])}</h3>
        {items.pledges.length === 0 ? (
          <p class="muted small">{t('panel.page.noPledges')}</p>
        ) : (
          <ul class="list">
            {items.pledges.map((p) => (
              <li key={p.index} class="item">
                <button type="button" class="as-link text" onClick={() => props.onScrollTo({ kind: 'pledge', index: p.index })}>
                  {p.text}
                </button>
                <div class="row small">
                  <span class="muted grow">
                    {[p.figure?.text, p.dueYear ? t('pledge.dueIn', [p.dueYear]) : ''].filter(Boolean).join(' · ')}
                  </span>
                  {p.savedId ? (
                    <span class="ok">{t('pledge.saved')}</span>
                  ) : (
                    <SaveButton onSave={() => props.onSavePledge(p.index)} />
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      {savedHere.length > 0 && (
        <section>
          <h3>{t('panel.page.savedPledges', [savedHere.length])}</h3>
          <ul class="list">
            {savedHere.map((p) => (
              <li key={p.id} class="item">
                <p class="text">{p.text}</p>
                <div class="row small">
                  <span class="muted grow">{p.dueYear ? t('pledge.dueIn', [p.dueYear]) : ''}</span>
                  <StatusSelect value={p.status} onChange={(s) => void props.onSetPledgeStatus(p.id, s)} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** Saved pledges that came from this page: linked by the engine (savedId) or by report URL (compared canonically: tracking parameters and fragments differ between visits). */
export function pledgesOfPage(items: PageItems, saved: SavedPledge[]): SavedPledge[] {
  const ids = new Set(items.pledges.map((p) => p.savedId).filter(Boolean));
  const url = items.report?.url ? canonicalUrl(items.report.url) : '';
  return saved.filter((p) => ids.has(p.id) || (url && p.reportUrl && canonicalUrl(p.reportUrl) === url));
}

function SaveButton({ onSave }: { onSave: () => Promise<void> }) {
  const [state, setState] = useState<'idle' | 'saving' | 'error'>('idle');
  return (
    <button
      type="button"
      class="btn tiny"
      disabled={state === 'saving'}
      onClick={async () => {
        setState('saving');
        try {
          await onSave();
          setState('idle');
        } catch {
          setState('error');
        }
      }}
    >
      {state === 'error' ? t('common.retry') : t('pledge.save')}
    </button>
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

function Matches(props: { matches: PledgeMatch[]; saved: SavedPledge[]; onSet: ThisPageProps['onSetPledgeStatus'] }) {
  const byId = new Map(props.saved.map((p) => [p.id, p]));
  return (
    <section class="matches">
      <h3>{t('panel.page.matches', [props.matches.length])}</h3>
      <ul class="list">
        {props.matches.map((m) => {
          const current = byId.get(m.pledgeId);
          return (
            <li key={m.pledgeId} class="item">
              <p class="text">
                <span class="muted small">{t('panel.page.pledged')} </span>
                {m.pledgeText}
              </p>
              <p class="text evidence">
                <span class="muted small">{t('panel.page.reported')} </span>
                {m.snippet}
              </p>
              <div class="row small wrap">
                <span class="muted grow">
                  {current ? `${t('pledge.status')}: ${t(`status.${current.status}`)}` : ''}
                </span>
                {(['met', 'missed', 'unclear'] as PledgeStatus[]).map((s) => (
                  <button
                    key={s}
                    type="button"
                    class={`btn tiny${current?.status === s ? ' primary' : ''}`}
                    aria-pressed={current?.status === s}
                    onClick={() => void props.onSet(m.pledgeId, s, m.snippet)}
                  >
                    {t(`status.${s}`)}
                  </button>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
