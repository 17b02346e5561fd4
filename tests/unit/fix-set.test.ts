import { describe, expect, it } from 'vitest';
import { display, fixesFromRepair, type Fix } from '../../src/core/fix-set';
import { runPipeline } from '../../src/core/repair/pipeline';
import { repair } from '../../src/core/repair';
import type { Stage } from '../../src/core/repair/types';

const stage: Stage = {
  kind: 'spun',
  run: (t) => {
    const edits = [];
    for (const [from, to, conf] of [['展开', '发展', 0.9], ['真', '实', 0.3]] as const) {
      let i = t.indexOf(from);
      while (i >= 0) {
        edits.push({ start: i, end: i + from.length, after: to, kind: 'spun' as const, confidence: conf });
        i = t.indexOf(from, i + from.length);
      }
    }
    return edits;
  },
};

describe('fix set', () => {
  const original = '高量质展开，真干真效，展开答卷';
  const result = runPipeline(original, [stage]);
  const fixes = fixesFromRepair(original, result);

  it('shows exactly the repair result when every fix is applied', () => {
    expect(display(original, fixes).text).toBe(result.text);
  });

  it('shows the original when switched off, whatever the fix states', () => {
    const mixed: Fix[] = fixes.map((f, i) => ({ ...f, state: i % 2 ? 'accepted' : f.state }));
    expect(display(original, mixed, false).text).toBe(original);
  });

  it('keeps suggestions unapplied until accepted', () => {
    expect(fixes.filter((f) => f.state === 'suggested').map((f) => f.before)).toEqual(['真', '真']);
    const accepted = fixes.map((f) => (f.state === 'suggested' ? { ...f, state: 'accepted' as const } : f));
    expect(display(original, accepted).text).toBe('高量质发展，实干实效，发展答卷');
  });

  it('undoing one fix restores only that span, and ranges point at what is shown', () => {
    const undone = fixes.map((f, i) => (i === 0 ? { ...f, state: 'undone' as const } : f));
    const d = display(original, undone);
    expect(d.text).toBe('高量质展开，真干真效，发展答卷');
    d.ranges.forEach((r, i) => {
      const f = undone[i];
      expect(d.text.slice(r.start, r.end)).toBe(f.state === 'applied' ? f.after : f.before);
    });
  });
});

describe('fix set: a character lost in mojibake', () => {
  it('shows it unknown and keeps the guess as the fix\'s alternative, not as an overlapping suggestion', () => {
    const original = new TextDecoder('gbk').decode(new TextEncoder().encode('政府工作报告的,今年'));
    const result = repair(original);
    expect(result.text).toBe('政府工作报告\ufffd,今年');
    const fixes = fixesFromRepair(original, result);
    expect(fixes.filter((f) => f.state === 'suggested')).toEqual([]);
    const marked = fixes.find((f) => f.after.includes('\ufffd'))!;
    expect(marked.alternative).toBe(marked.after.replace('\ufffd', '的'));
    expect(display(original, fixes).text).toBe(result.text);
  });
});

describe('character-for-character conversions map exactly inside', () => {
  it('a mark ending inside a converted stretch (114个 of 114個項目) ends there, in the repair map and in the shown text', () => {
    const original = '推动等114個項目的建設';
    const result = repair(original);
    expect(result.text).toBe('推动等114个项目的建设');
    const end = result.text.indexOf('个') + 1; // 114个
    expect(result.map.toOriginal(end, 'end')).toBe(original.indexOf('個') + 1);
    const shown = display(original, fixesFromRepair(original, result));
    expect(shown.text).toBe(result.text);
    expect(shown.map.toRepaired(original.indexOf('個') + 1, 'end')).toBe(end);
    // A pinyin deletion fused with the conversion is no longer character for character: it maps to its ends.
    const withPinyin = repair('擴(kuò)內(nèi)需');
    expect(withPinyin.text).toBe('扩内需');
    expect(withPinyin.map.toOriginal(1, 'end')).toBe('擴(kuò)內(nèi)'.length);
  });
});
