import type { Annotation } from '../core/annotate';
import type { RepairResult } from '../core/repair/index';

/** Field order is fixed so JSON output diffs cleanly between runs. */
function edit<T extends { start: number; end: number; before: string; after: string; kind: string; confidence: number }>(c: T) {
  return { start: c.start, end: c.end, before: c.before, after: c.after, kind: c.kind, confidence: c.confidence };
}

export function repairJson(r: RepairResult): string {
  return JSON.stringify({ text: r.text, changes: r.changes.map(edit), suggestions: r.suggestions.map(edit) }) + '\n';
}

export function annotateJson(a: Annotation): string {
  return (
    JSON.stringify({
      isReport: a.isReport,
      score: a.score,
      signals: a.signals,
      text: a.text,
      changes: a.changes.map(edit),
      suggestions: a.suggestions.map(edit),
      figures: a.figures.map((f) => ({
        start: f.start,
        end: f.end,
        text: f.text,
        kind: f.kind,
        value: f.value,
        unit: f.unit,
        target: f.target,
        // Optional detail, present only when the extractor found it.
        qualifier: f.qualifier,
        change: f.change,
        subject: f.subject,
      })),
      terms: a.terms.map((t) => ({ start: t.start, end: t.end, text: t.text, key: t.key, definition: t.definition, source: t.source })),
      pledges: a.pledges.map((p) => ({ start: p.start, end: p.end, text: p.text, kind: p.kind, area: p.area, dueYear: p.dueYear, figure: p.figure?.text, direction: p.direction })),
    }) + '\n'
  );
}

/** Line numbers (1-based) for offsets, so a reader can find each hit in the text. */
class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

function clip(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

function formatValue(value: number | null, unit: string): string {
  if (value === null) return unit || '-';
  const v = Math.abs(value) >= 1e6 || (value !== 0 && Math.abs(value) < 1e-3) ? value.toExponential(3).replace(/\.?0+e/, 'e') : String(+value.toPrecision(6));
  return unit ? `${v} ${unit}` : v;
}

export function annotateSummary(a: Annotation): string {
  const lines = new LineIndex(a.text);
  const out: string[] = [];
  const where = (start: number) => `L${lines.line(start)}`.padEnd(6);
  out.push(`report:   ${a.isReport ? 'yes' : 'no'} (score ${a.score.toFixed(2)})`);
  if (a.signals.length) out.push(`signals:  ${clip(a.signals.join(', '), 100)}`);
  out.push(`text:     ${a.text.length} chars, ${a.changes.length} repairs, ${a.suggestions.length} suggestions`);
  out.push(`found:    ${a.figures.length} figures, ${a.terms.length} terms, ${a.pledges.length} pledges`);
  if (a.figures.length) {
    out.push('', 'Figures:');
    for (const f of a.figures) {
      const tags = [f.kind, formatValue(f.value, f.unit), f.target ? 'target' : '', f.qualifier ?? ''].filter(Boolean).join('  ');
      out.push(`  ${where(f.start)} ${clip(f.text, 24)}  (${tags})`);
    }
  }
  if (a.terms.length) {
    out.push('', 'Terms:');
    for (const t of a.terms) {
      const def = t.definition ? clip(t.definition, 60) : '(no definition yet)';
      out.push(`  ${where(t.start)} ${clip(t.text, 24)}  [${t.source}] ${def}`);
    }
  }
  if (a.pledges.length) {
    out.push('', 'Pledges:');
    for (const p of a.pledges) {
      const tags = [p.kind, p.figure ? `${p.figure.text} ${p.direction}` : '', p.dueYear ? `due ${p.dueYear}` : ''].filter(Boolean).join(', ');
      out.push(`  ${where(p.start)} ${clip(p.text, 70)}  (${tags})`);
    }
  }
  return out.join('\n') + '\n';
}
