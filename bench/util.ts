/** One benchmark result. `median`/`p90` are in `unit` (milliseconds unless said). */
export interface BenchRow {
  name: string;
  median: number;
  p90: number;
  runs: number;
  /** Defaults to 'ms'. Memory rows use 'MB'. */
  unit?: 'ms' | 'MB' | 'KB';
  /** Name of another row in the same table to print a ratio against (row median / baseline median). */
  baseline?: string;
  /** Free text shown after the numbers, e.g. "placeholder stage". */
  note?: string;
}

export interface MeasureOptions {
  runs?: number;
  warmup?: number;
  baseline?: string;
  note?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  // Nearest-rank: the smallest value with at least p of the samples at or below it.
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1];
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Builds a row from raw samples. */
export function summarise(name: string, samples: number[], extra: Omit<BenchRow, 'name' | 'median' | 'p90' | 'runs'> = {}): BenchRow {
  const sorted = [...samples].sort((a, b) => a - b);
  return { name, median: median(sorted), p90: percentile(sorted, 0.9), runs: samples.length, ...extra };
}

/**
 * Times `fn` (sync or async) `runs` times after `warmup` untimed calls, so JIT
 * warm-up and lazy table builds do not land in the numbers.
 */
export async function measure(name: string, fn: () => unknown, options: MeasureOptions = {}): Promise<BenchRow> {
  const { runs = 10, warmup = 2, baseline, note } = options;
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return summarise(name, samples, { baseline, note });
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return '-';
  if (n >= 100) return n.toFixed(0);
  if (n >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

/** Renders rows as an aligned text table; ratios are against the named baseline row when it is present. */
export function formatTable(rows: BenchRow[]): string {
  const byName = new Map(rows.map((r) => [r.name, r]));
  const header = ['benchmark', 'median', 'p90', 'unit', 'runs', 'vs baseline', 'note'];
  const body = rows.map((r) => {
    const base = r.baseline ? byName.get(r.baseline) : undefined;
    const ratio = base && base.median > 0 && (base.unit ?? 'ms') === (r.unit ?? 'ms') ? `${(r.median / base.median).toFixed(2)}x ${base.name}` : r.baseline ? `(no row '${r.baseline}')` : '';
    return [r.name, fmt(r.median), fmt(r.p90), r.unit ?? 'ms', String(r.runs), ratio, r.note ?? ''];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 1 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export function printTable(rows: BenchRow[]): void {
  console.log(formatTable(rows));
}
