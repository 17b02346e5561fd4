/**
 * 承诺: this report's plan as an outline of pledges (with what it reports on earlier pledges), and every
 * saved pledge across reports, filterable by area, kind, status, due year and region, editable in place.
 */
import { useMemo, useState } from 'preact/hooks';
import { regionKey } from '../../core/pledges/region';
import { shownStatus, type ShownStatus } from '../../core/pledges/status';
import type { PageItems } from '../../shared/messages';
import { t, tn } from '../i18n';
import { SaveCancel } from './SaveCancel';
import { FilterSelect, areaChoice, dueChoices, kindChoices, type FilterChoice } from './FilterSelect';
import { safeHref } from '../common/links';
import { FollowUps, type FollowUpsProps } from './FollowUps';
import { PlanOutline } from './PlanOutline';
import { PLEDGE_STATUSES, type PledgeFollowUp, type PledgeStatus, type SavedPledge } from './data';
import { areaPath, areaPrefixes, inArea } from '../../core/pledges/area-path';

export interface PledgesTabProps {
  /** The current page's items, when its engine answers. */
  page: PageItems | null;
  pledges: SavedPledge[];
  followUps: PledgeFollowUp[];
  /** The year overdue is counted against (this year). */
  year: number;
  onUpdate: (id: string, changes: { status?: PledgeStatus; note?: string }) => Promise<void>;
  onSave: (indexes: number[]) => Promise<void>;
  onScrollTo: (index: number) => void;
  onRate: FollowUpsProps['onRate'];
  onScrollToEvidence: FollowUpsProps['onScrollToEvidence'];
}

export interface SavedFilter {
  region: string;
  area: string;
  kind: string;
  status: string;
  due: string;
  dir: 1 | -1;
}

export const ALL_SAVED: SavedFilter = { region: '', area: '', kind: '', status: '', due: '', dir: 1 };

/** Saved pledges under a filter, by due year (undated last in either direction), then text. */
export function filterPledges(pledges: SavedPledge[], f: SavedFilter, year: number): SavedPledge[] {
  return pledges
    .filter(
      (p) =>
        (!f.region || regionKey(p.region) === f.region) &&
        inArea(p.area, f.area) &&
        (!f.kind || p.kind === f.kind) &&
        (!f.status || shownStatus(p, year) === f.status) &&
        (!f.due || String(p.dueYear ?? '') === f.due),
    )
    .sort((a, b) => {
      if (a.dueYear == null || b.dueYear == null) return a.dueYear == null ? (b.dueYear == null ? 0 : 1) : -1;
      return (a.dueYear - b.dueYear) * f.dir || a.text.localeCompare(b.text, 'zh-Hans-CN');
    });
}

function distinct<T>(values: T[]): T[] {
  return [...new Set(values)].filter((v) => v !== '' && v != null);
}

export function PledgesTab(props: PledgesTabProps) {
  const hasPage = Boolean(props.page?.pledges.length || props.followUps.length);
  const [view, setView] = useState<'report' | 'saved'>(hasPage ? 'report' : 'saved');
  const shownView = hasPage ? view : 'saved';
  return (
    <div class="stack-lg">
      {hasPage && (
        <div class="seg" role="group" aria-label={t('panel.tab.pledges')}>
          <button type="button" aria-pressed={shownView === 'report'} onClick={() => setView('report')}>
            {t('panel.pledges.thisReport', [props.page?.pledges.length ?? 0])}
          </button>
          <button type="button" aria-pressed={shownView === 'saved'} onClick={() => setView('saved')}>
            {t('panel.pledges.saved', [props.pledges.length])}
          </button>
        </div>
      )}
      {shownView === 'report' && props.page ? (
        <>
          <FollowUps followUps={props.followUps} onRate={props.onRate} onScrollToEvidence={props.onScrollToEvidence} />
          <PlanOutline pledges={props.page.pledges} onScrollTo={props.onScrollTo} onSave={props.onSave} />
        </>
      ) : (
        <SavedPledges pledges={props.pledges} year={props.year} onUpdate={props.onUpdate} />
      )}
    </div>
  );
}

function SavedPledges({ pledges, year, onUpdate }: Pick<PledgesTabProps, 'pledges' | 'year' | 'onUpdate'>) {
  const [f, setF] = useState<SavedFilter>(ALL_SAVED);
  const regions = useMemo(() => {
    const byKey = new Map<string, string>();
    for (const p of pledges) if (p.region && !byKey.has(regionKey(p.region))) byKey.set(regionKey(p.region), p.region);
    return [...byKey].sort((a, b) => a[1].localeCompare(b[1], 'zh-Hans-CN'));
  }, [pledges]);
  const areas = useMemo(() => distinct(pledges.flatMap((p) => areaPrefixes(p.area))), [pledges]);
  const dues = useMemo(() => (distinct(pledges.map((p) => p.dueYear)) as number[]).sort(), [pledges]);
  const rows = useMemo(() => filterPledges(pledges, f, year), [pledges, f, year]);
  const set = (k: keyof SavedFilter) => (e: Event) => setF({ ...f, [k]: (e.target as HTMLSelectElement).value });
  if (!pledges.length) return <p class="muted empty">{t('panel.pledges.none')}</p>;
  const statuses: ShownStatus[] = [...PLEDGE_STATUSES, 'overdue'];
  return (
    <div class="stack">
      <div class="filters filters-3">
        <FilterSelect label={t('panel.pledges.region')} value={f.region} onChange={set('region')} choices={regions} />
        <FilterSelect label={t('panel.pledges.area')} value={f.area} onChange={set('area')} choices={areas.map((a) => areaChoice(a))} />
        <FilterSelect label={t('panel.pledges.kind')} value={f.kind} onChange={set('kind')} choices={kindChoices()} />
        <FilterSelect label={t('pledge.status')} value={f.status} onChange={set('status')} choices={statuses.map((s): FilterChoice => [s, t(`status.${s}`)])} />
        <FilterSelect label={t('panel.pledges.due')} value={f.due} onChange={set('due')} choices={dueChoices(dues)} />
        <button type="button" class="btn tiny" onClick={() => setF({ ...f, dir: f.dir === 1 ? -1 : 1 })}>
          {t(f.dir === 1 ? 'panel.pledges.dueAsc' : 'panel.pledges.dueDesc')}
        </button>
      </div>
      <p class="small muted" role="status">
        {tn('panel.pledges.shown', pledges.length, [rows.length, pledges.length])}
      </p>
      <ul class="list">
        {rows.map((p) => (
          <PledgeRow key={p.id} pledge={p} shown={shownStatus(p, year)} onUpdate={onUpdate} />
        ))}
      </ul>
    </div>
  );
}

function PledgeRow({ pledge: p, shown, onUpdate }: { pledge: SavedPledge; shown: ShownStatus; onUpdate: PledgesTabProps['onUpdate'] }) {
  const [note, setNote] = useState(p.note);
  const [editing, setEditing] = useState(false);
  const href = safeHref(p.reportUrl);
  return (
    <li class={`item pledge status-${shown}`}>
      <p class="text">{p.text}</p>
      <div class="row small wrap muted">
        <span class={`chip kind-${p.kind}`}>{t(`pledge.kind.${p.kind}`)}</span>
        {p.figureText && <span class="chip">{`${p.figureText}${p.direction ? ` · ${t(`pledge.direction.${p.direction}`)}` : ''}`}</span>}
        {p.region && <span>{p.region}</span>}
        {p.dueYear && <span>{t('pledge.dueIn', [p.dueYear])}</span>}
        {shown === 'overdue' && <span class="chip overdue">{t('status.overdue')}</span>}
      </div>
      {p.area.length > 0 && <p class="small muted area-path">{areaPath(p.area)}</p>}
      <div class="row small muted">
        {href ? (
          <a href={href} target="_blank" rel="noreferrer" class="grow ellipsis">
            {p.reportTitle || href}
          </a>
        ) : (
          <span class="grow ellipsis">{p.reportTitle}</span>
        )}
      </div>
      {p.evidence.map((e) => (
        <p key={`${e.reportId}${e.sentence}`} class="text evidence small">
          <span class="muted">{`${e.reportTitle || e.url}${e.year ? ` (${e.year})` : ''}: `}</span>
          {e.sentence}
        </p>
      ))}
      <div class="row small">
        <StatusSelect value={p.status} onChange={(status) => void onUpdate(p.id, { status })} />
        {!editing && (
          <button
            type="button"
            class="btn tiny"
            onClick={() => {
              setNote(p.note);
              setEditing(true);
            }}
          >
            {t(p.note ? 'panel.pledges.editNote' : 'panel.pledges.addNote')}
          </button>
        )}
      </div>
      {editing ? (
        <form
          class="stack"
          onSubmit={async (e) => {
            e.preventDefault();
            await onUpdate(p.id, { note: note.trim() });
            setEditing(false);
          }}
        >
          <textarea class="input" rows={3} value={note} aria-label={t('note.note')} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
          <SaveCancel onCancel={() => setEditing(false)} />
        </form>
      ) : (
        p.note && <p class="note">{p.note}</p>
      )}
    </li>
  );
}

export function StatusSelect(props: { value: PledgeStatus; onChange: (s: PledgeStatus) => void }) {
  return (
    <select
      class="input status"
      value={props.value}
      aria-label={t('pledge.status')}
      onChange={(e) => props.onChange((e.target as HTMLSelectElement).value as PledgeStatus)}
    >
      {PLEDGE_STATUSES.map((s) => (
        <option key={s} value={s}>
          {t(`status.${s}`)}
        </option>
      ))}
    </select>
  );
}
