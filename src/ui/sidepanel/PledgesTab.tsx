/** 承诺: every saved pledge across reports, filterable and editable in place. */
import { useMemo, useState } from 'preact/hooks';
import { t, tn } from '../i18n';
import { SaveCancel } from './SaveCancel';
import { safeHref } from '../common/links';
import { PLEDGE_STATUSES, type PledgeStatus, type SavedPledge } from './data';

export interface PledgesTabProps {
  pledges: SavedPledge[];
  onUpdate: (id: string, changes: { status?: PledgeStatus; note?: string }) => Promise<void>;
}

interface Filter {
  region: string;
  year: string;
  status: string;
  dir: 1 | -1;
}

export function filterPledges(pledges: SavedPledge[], f: Filter): SavedPledge[] {
  return pledges
    .filter((p) => (!f.region || p.region === f.region) && (!f.year || String(p.year ?? '') === f.year) && (!f.status || p.status === f.status))
    .sort((a, b) => {
      // Pledges without a due year go last in either direction.
      if (a.dueYear == null || b.dueYear == null) return a.dueYear == null ? (b.dueYear == null ? 0 : 1) : -1;
      return (a.dueYear - b.dueYear) * f.dir || a.text.localeCompare(b.text, 'zh-Hans-CN');
    });
}

function distinct<T>(values: T[]): T[] {
  return [...new Set(values)].filter((v) => v !== '' && v != null);
}

export function PledgesTab({ pledges, onUpdate }: PledgesTabProps) {
  const [f, setF] = useState<Filter>({ region: '', year: '', status: '', dir: 1 });
  const regions = useMemo(() => distinct(pledges.map((p) => p.region)).sort(), [pledges]);
  const years = useMemo(() => distinct(pledges.map((p) => p.year)).sort() as number[], [pledges]);
  const rows = useMemo(() => filterPledges(pledges, f), [pledges, f]);

  if (!pledges.length) return <p class="muted empty">{t('panel.pledges.none')}</p>;
  return (
    <div class="stack">
      <div class="filters">
        <label>
          <span class="small muted">{t('panel.pledges.region')}</span>
          <select class="input" value={f.region} onChange={(e) => setF({ ...f, region: (e.target as HTMLSelectElement).value })}>
            <option value="">{t('common.all')}</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="small muted">{t('panel.pledges.year')}</span>
          <select class="input" value={f.year} onChange={(e) => setF({ ...f, year: (e.target as HTMLSelectElement).value })}>
            <option value="">{t('common.all')}</option>
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="small muted">{t('pledge.status')}</span>
          <select class="input" value={f.status} onChange={(e) => setF({ ...f, status: (e.target as HTMLSelectElement).value })}>
            <option value="">{t('common.all')}</option>
            {PLEDGE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="btn tiny" onClick={() => setF({ ...f, dir: f.dir === 1 ? -1 : 1 })}>
          {t(f.dir === 1 ? 'panel.pledges.dueAsc' : 'panel.pledges.dueDesc')}
        </button>
      </div>
      <p class="small muted" role="status">
        {tn('panel.pledges.shown', pledges.length, [rows.length, pledges.length])}
      </p>
      <ul class="list">
        {rows.map((p) => (
          <PledgeRow key={p.id} pledge={p} onUpdate={onUpdate} />
        ))}
      </ul>
    </div>
  );
}

function PledgeRow({ pledge: p, onUpdate }: { pledge: SavedPledge; onUpdate: PledgesTabProps['onUpdate'] }) {
  const [note, setNote] = useState(p.note);
  const [editing, setEditing] = useState(false);
  const href = safeHref(p.reportUrl);
  return (
    <li class={`item pledge status-${p.status}`}>
      <p class="text">{p.text}</p>
      <div class="row small wrap muted">
        {p.region && <span>{p.region}</span>}
        {p.year && <span>{p.year}</span>}
        {p.dueYear && <span>{t('pledge.dueIn', [p.dueYear])}</span>}
        {p.figureText && <span class="chip">{p.figureText}</span>}
        {href ? (
          <a href={href} target="_blank" rel="noreferrer" class="grow ellipsis">
            {p.reportTitle || href}
          </a>
        ) : (
          <span class="grow ellipsis">{p.reportTitle}</span>
        )}
      </div>
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
