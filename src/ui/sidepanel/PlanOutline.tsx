/** The report's pledges as an outline of its plan: grouped by its own headings, with counts, filters and Save. */
import { useMemo, useState } from 'preact/hooks';
import type { PledgeItem } from '../../shared/messages';
import { t, tn } from '../i18n';
import { FilterSelect, areaChoice, dueChoices, kindChoices, type FilterChoice } from './FilterSelect';
import { areaPath, areaPrefixes, inArea } from '../../core/pledges/area-path';

export interface OutlineFilter {
  area: string;
  kind: string;
  status: string;
  due: string;
}

export const NO_FILTER: OutlineFilter = { area: '', kind: '', status: '', due: '' };

/** A heading of the outline with its pledges and subheadings; `count` includes the subheadings'. */
export interface OutlineNode {
  heading: string;
  path: string;
  items: PledgeItem[];
  children: OutlineNode[];
  count: number;
}

/** The heading tree of the pledges' areas, in reading order. */
export function outlineTree(items: PledgeItem[]): OutlineNode {
  const root: OutlineNode = { heading: '', path: '', items: [], children: [], count: 0 };
  for (const p of items) {
    let node = root;
    node.count++;
    p.area.forEach((heading, depth) => {
      const path = areaPath(p.area.slice(0, depth + 1));
      let child = node.children.find((c) => c.path === path);
      if (!child) {
        child = { heading, path, items: [], children: [], count: 0 };
        node.children.push(child);
      }
      child.count++;
      node = child;
    });
    node.items.push(p);
  }
  return root;
}

/** Headings to filter by: every heading that has pledges under it, outermost first. */
export function outlineAreas(items: PledgeItem[]): string[] {
  return [...new Set(items.flatMap((p) => areaPrefixes(p.area)))];
}

export function filterOutline(items: PledgeItem[], f: OutlineFilter): PledgeItem[] {
  return items.filter(
    (p) =>
      inArea(p.area, f.area) &&
      (!f.kind || p.kind === f.kind) &&
      (!f.status || (f.status === 'unsaved' ? !p.savedId : p.status === f.status)) &&
      (!f.due || String(p.dueYear ?? '') === f.due),
  );
}

export interface PlanOutlineProps {
  pledges: PledgeItem[];
  onScrollTo: (index: number) => void;
  onSave: (indexes: number[]) => Promise<void>;
}

export function PlanOutline({ pledges, onScrollTo, onSave }: PlanOutlineProps) {
  const [f, setF] = useState<OutlineFilter>(NO_FILTER);
  const areas = useMemo(() => outlineAreas(pledges), [pledges]);
  const dues = useMemo(() => [...new Set(pledges.map((p) => p.dueYear).filter((y): y is number => y !== undefined))].sort(), [pledges]);
  const shown = useMemo(() => filterOutline(pledges, f), [pledges, f]);
  const tree = useMemo(() => outlineTree(shown), [shown]);
  const targets = shown.filter((p) => p.kind === 'target').length;
  const headings = new Set(shown.map((p) => areaPath(p.area))).size;
  if (!pledges.length) return <p class="muted small">{t('panel.page.noPledges')}</p>;
  const set = (k: keyof OutlineFilter) => (e: Event) => setF({ ...f, [k]: (e.target as HTMLSelectElement).value });
  return (
    <section class="stack outline">
      <p class="small muted" role="status">
        {t('panel.outline.summary', [
          tn('panel.outline.pledgeCount', shown.length),
          tn('panel.outline.headingCount', headings),
          tn('panel.outline.targetCount', targets),
          tn('panel.outline.actionCount', shown.length - targets),
        ])}
      </p>
      <div class="filters filters-4">
        <FilterSelect label={t('panel.pledges.area')} value={f.area} onChange={set('area')} choices={areas.map((a) => areaChoice(a))} />
        <FilterSelect label={t('panel.pledges.kind')} value={f.kind} onChange={set('kind')} choices={kindChoices()} />
        <FilterSelect
          label={t('pledge.status')}
          value={f.status}
          onChange={set('status')}
          choices={[['unsaved', t('panel.outline.unsaved')], ...['pending', 'progress', 'met', 'partly', 'missed'].map((s): FilterChoice => [s, t(`status.${s}`)])]}
        />
        <FilterSelect label={t('panel.pledges.due')} value={f.due} onChange={set('due')} choices={dueChoices(dues)} />
      </div>
      {tree.items.length > 0 && <Items items={tree.items} onScrollTo={onScrollTo} onSave={onSave} />}
      {tree.children.map((node) => (
        <Node key={node.path} node={node} depth={0} onScrollTo={onScrollTo} onSave={onSave} />
      ))}
    </section>
  );
}

function Node({ node, depth, onScrollTo, onSave }: { node: OutlineNode; depth: number } & Omit<PlanOutlineProps, 'pledges'>) {
  const unsaved = collect(node).filter((p) => !p.savedId);
  return (
    <details class={`area depth-${depth}`} open={depth < 2}>
      <summary>
        <span class="area-name">{node.heading}</span>
        <span class="badge" title={t('panel.outline.count')}>
          {node.count}
        </span>
      </summary>
      <div class="area-body stack">
        {unsaved.length > 1 && (
          <div class="row">
            <SaveButton label={t('panel.outline.saveAll', [unsaved.length])} onSave={() => onSave(unsaved.map((p) => p.index))} />
          </div>
        )}
        {node.items.length > 0 && <Items items={node.items} onScrollTo={onScrollTo} onSave={onSave} />}
        {node.children.map((c) => (
          <Node key={c.path} node={c} depth={depth + 1} onScrollTo={onScrollTo} onSave={onSave} />
        ))}
      </div>
    </details>
  );
}

function collect(node: OutlineNode): PledgeItem[] {
  return [...node.items, ...node.children.flatMap(collect)];
}

function Items({ items, onScrollTo, onSave }: { items: PledgeItem[] } & Omit<PlanOutlineProps, 'pledges'>) {
  return (
    <ul class="list">
      {items.map((p) => (
        <li key={p.index} class={`item outline-pledge kind-${p.kind}`}>
          <button type="button" class="as-link text" onClick={() => onScrollTo(p.index)} title={t('panel.scrollTo')}>
            {p.text}
          </button>
          <div class="row small wrap">
            <span class={`chip kind-${p.kind}`}>{t(`pledge.kind.${p.kind}`)}</span>
            {p.figure && <span class="chip">{`${p.figure.text}${p.direction ? ` · ${t(`pledge.direction.${p.direction}`)}` : ''}`}</span>}
            {p.dueYear && <span class="muted">{t('pledge.dueIn', [p.dueYear])}</span>}
            <span class="grow" />
            {p.savedId ? <span class="ok">{p.status && p.status !== 'pending' ? t(`status.${p.status}`) : t('pledge.saved')}</span> : <SaveButton label={t('pledge.save')} onSave={() => onSave([p.index])} />}
          </div>
        </li>
      ))}
    </ul>
  );
}

export function SaveButton({ label, onSave }: { label: string; onSave: () => Promise<void> }) {
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
      {state === 'error' ? t('common.retry') : label}
    </button>
  );
}
