// Report structure: which parts look back (工作回顾) and which look ahead (工作安排, 展望).
// Shared by the figure extractor (target vs achievement) and pledge detection.

export type SectionMode = 'review' | 'plan' | 'notes';

export interface Section {
  start: number;
  end: number;
  mode: SectionMode;
  /** Year named in the heading (2025年工作计划 → 2025), or inferred for a plan after a dated review. */
  year?: number;
  heading: string;
}

const PLAN_HEADING = /工作安排|工作计划|工作思路|工作打算|工作重点|工作建议|工作设想|展望|预期目标|目标任务|下一步|明年工作|今后工作|今年工作|工作部署/;
const REVIEW_HEADING = /工作回顾|工作成效|主要成绩|工作总结|回顾|回眸|工作情况|完成情况|进展情况|取得的成绩|主要工作/;
const YEAR_WORK_HEADING = /^(?:关于)?(?:19|20)\d{2}年(?:的)?(?:政府|主要|重点)?工作$/;
const NOTES_HEADING = /^(?:名词解释|注释|附注|附件|注)[:：]?$/;
const YEAR = /((?:19|20)\d{2})|([〇零一二三四五六七八九]{4})(?=年)/;
const CN_DIGITS = '〇一二三四五六七八九';

function headingYear(line: string): number | undefined {
  const m = YEAR.exec(line);
  if (!m) return undefined;
  if (m[1]) return Number(m[1]);
  return Number([...m[2]].map((c) => (c === '零' ? 0 : CN_DIGITS.indexOf(c))).join(''));
}

/** Strip list markers so 二、2024年工作计划 and （一）工作回顾 read as their heading words. */
function headingText(line: string): string {
  return line
    .trim()
    .replace(/^[•·●\-*#\s]+/, '')
    .replace(/^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])\s*/, '')
    .trim();
}

/**
 * Find section headings: short lines (no sentence punctuation) naming a review, plan or notes part.
 * A section lasts until the next such heading; text before the first one is not in any section.
 */
export function findSections(text: string): Section[] {
  const marks: Array<Omit<Section, 'end'>> = [];
  let lineStart = 0;
  const n = text.length;
  while (lineStart <= n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    const raw = text.slice(lineStart, lineEnd);
    // Inside a plan part, a paragraph opening with an earlier year (2025年，湖里区…捷报频传) looks back again:
    // news pages append the past year's highlights after the outlook.
    const current = marks[marks.length - 1];
    const opening = /^\s*((?:19|20)\d{2})年[,，]/.exec(raw);
    if (opening && current?.mode === 'plan' && current.year !== undefined && Number(opening[1]) < current.year) {
      marks.push({ start: lineStart, mode: 'review', year: Number(opening[1]), heading: raw.trim().slice(0, 20) });
    }
    if (raw.length <= 60) {
      const h = headingText(raw);
      if (h.length >= 2 && h.length <= 30 && !/[。；;]$/.test(h) && !/[，,].*[，,]/.test(h)) {
        let mode: SectionMode | null = null;
        if (NOTES_HEADING.test(h)) mode = 'notes';
        else if (PLAN_HEADING.test(h)) mode = 'plan';
        else if (REVIEW_HEADING.test(h)) mode = 'review';
        else if (YEAR_WORK_HEADING.test(h)) {
          // 关于2026年工作 / 2025年政府工作: a plan when it follows an earlier year's review (or no review at all).
          const y = headingYear(h);
          const prev = [...marks].reverse().find((m) => m.mode === 'review');
          if (y !== undefined && (prev?.year === undefined || prev.year < y)) mode = 'plan';
        }
        if (mode) {
          let year = headingYear(h);
          if (year === undefined && mode === 'plan') {
            const prev = [...marks].reverse().find((m) => m.mode === 'review' && m.year !== undefined);
            if (prev?.year !== undefined) year = prev.year + 1;
          }
          marks.push({ start: lineStart, mode, year, heading: h });
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  return marks.map((m, i) => ({ ...m, end: i + 1 < marks.length ? marks[i + 1].start : n }));
}

/** Section containing pos, by binary search; undefined before the first heading. */
export function sectionAt(sections: Section[], pos: number): Section | undefined {
  let lo = 0;
  let hi = sections.length - 1;
  let found: Section | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid].start <= pos) {
      found = sections[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && pos < found.end ? found : undefined;
}
