import { describe, expect, it } from 'vitest';
import { areaPath, areaPrefixes, inArea } from '../../src/core/pledges/area-path';
import { ALL_SAVED, filterPledges } from '../../src/ui/sidepanel/PledgesTab';
import type { SavedPledge } from '../../src/ui/sidepanel/data';

describe('policy-area paths', () => {
  const area = ['三、2025年政府工作任务', '（一）大力提振消费'];

  it('writes a path once, and lists every heading on the way down', () => {
    expect(areaPath(area)).toBe('三、2025年政府工作任务 › （一）大力提振消费');
    expect(areaPrefixes(area)).toEqual(['三、2025年政府工作任务', '三、2025年政府工作任务 › （一）大力提振消费']);
  });

  it('selects what lies under a heading, not a sibling whose name starts the same', () => {
    expect(inArea(area, '')).toBe(true);
    expect(inArea(area, '三、2025年政府工作任务')).toBe(true);
    expect(inArea(area, areaPath(area))).toBe(true);
    expect(inArea(area, '三、2025年政府')).toBe(false);
    expect(inArea(['一、目标', '（一）消费'], '一、目标 › （一）消')).toBe(false);
  });

  it('the saved-pledges filter uses the same test', () => {
    const p = (id: string, a: string[]) => ({ id, text: id, area: a, region: '', year: null, dueYear: null, status: 'pending', kind: 'action' }) as unknown as SavedPledge;
    const rows = [p('a', ['一、目标']), p('b', ['一、目标之外'])];
    expect(filterPledges(rows, { ...ALL_SAVED, area: '一、目标' }, 2026).map((x) => x.id)).toEqual(['a']);
  });
});
