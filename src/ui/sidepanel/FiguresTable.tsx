/**
 * The figures of the current page as a sortable table. Pure: rows in, the
 * clicked figure's index out (the shell scrolls the page to it).
 */
import { useMemo, useState } from 'preact/hooks';
import type { FigureItem } from '../../shared/messages';
import { t, isZh } from '../i18n';
import { figureValue } from '../common/format';

type Column = 'kind' | 'value' | 'unit' | 'target' | 'subject' | 'text';
const COLUMNS: Column[] = ['kind', 'value', 'unit', 'target', 'subject', 'text'];

export interface FiguresTableProps {
  figures: FigureItem[];
  onSelect: (index: number) => void;
}

/** Compares two figures on a column; missing values sort last whatever the direction. */
export function compareFigures(a: FigureItem, b: FigureItem, col: Column): number {
  switch (col) {
    case 'value':
      return (a.value ?? NaN) - (b.value ?? NaN);
    case 'target':
      return Number(a.target) - Number(b.target);
    default:
      return (a[col] ?? '').localeCompare(b[col] ?? '', 'zh-Hans-CN');
  }
}

function isMissing(f: FigureItem, col: Column) {
  return col === 'value' ? f.value == null : col === 'subject' ? !f.subject : false;
}

export function sortFigures(figures: FigureItem[], col: Column | null, dir: 1 | -1): FigureItem[] {
  if (!col) return figures;
  return figures
    .map((f, i) => ({ f, i }))
    .sort((x, y) => {
      const mx = isMissing(x.f, col);
      const my = isMissing(y.f, col);
      if (mx || my) return mx === my ? x.i - y.i : mx ? 1 : -1;
      return compareFigures(x.f, y.f, col) * dir || x.i - y.i;
    })
    .map((x) => x.f);
}

export function FiguresTable({ figures, onSelect }: FiguresTableProps) {
  const [sort, setSort] = useState<{ col: Column | null; dir: 1 | -1 }>({ col: null, dir: 1 });
  const [filter, setFilter] = useState<'all' | 'target' | 'achieved'>('all');
  const zh = isZh();
  const rows = useMemo(() => {
    const kept = figures.filter((f) => filter === 'all' || (filter === 'target') === f.target);
    return sortFigures(kept, sort.col, sort.dir);
  }, [figures, sort, filter]);

  const clickHeader = (col: Column) => setSort((s) => (s.col === col ? { col, dir: s.dir === 1 ? -1 : 1 } : { col, dir: 1 }));

  if (!figures.length) return <p class="muted empty">{t('panel.figures.none')}</p>;
  return (
    <div class="figures">
      <div class="seg" role="group" aria-label={t('panel.figures.filter')}>
        {(['all', 'achieved', 'target'] as const).map((f) => (
          <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {t(`panel.figures.show.${f}`)}
          </button>
        ))}
      </div>
      <table class="table">
        <thead>
          <tr>
            {COLUMNS.map((col) => (
              <th key={col} scope="col" aria-sort={sort.col === col ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                <button type="button" class="th-btn" onClick={() => clickHeader(col)}>
                  {t(`panel.figures.col.${col}`)}
                  <span aria-hidden="true" class="sort-mark">
                    {sort.col === col ? (sort.dir === 1 ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr
              key={f.index}
              class={f.kind === 'date' ? 'date' : f.target ? 'target' : 'achieved'}
              tabIndex={0}
              onClick={() => onSelect(f.index)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelect(f.index);
                }
              }}
            >
              <td>{t(`figure.kind.${f.kind}`)}</td>
              <td class="num" title={f.value == null ? '' : String(f.value)}>
                {figureValue(f, zh, false)}
              </td>
              {/* A date's value is its own text (2025年3月5日): a unit beside it would say 年 again. */}
              <td>{f.kind === 'date' ? '' : f.unit}</td>
              <td>{t(f.target ? 'figure.target' : 'figure.achieved')}</td>
              <td>{f.subject ?? ''}</td>
              <td class="context" title={f.context}>
                {f.text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
