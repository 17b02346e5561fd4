import { describe, expect, it } from 'vitest';
import { reportRegion, reportYear } from '../../src/core/report-meta';

describe('report region and year', () => {
  it('reads them from real titles', () => {
    expect(reportRegion('2025年湖里区人民政府工作报告_湖里区人民政府', '')).toBe('湖里区');
    expect(reportYear('2025年湖里区人民政府工作报告_湖里区人民政府', '')).toBe(2025);
    expect(reportRegion('改革破题勇争先 厦门市思明区第十八届人民代表大会第四次会议开幕', '')).toBe('厦门市思明区');
    expect(reportRegion('政府工作报告', '——2023年12月28日在泉州市鲤城区第十届人民代表大会第三次会议上')).toBe('泉州市鲤城区');
  });
  it('says nothing rather than guess', () => {
    expect(reportRegion('Weather today', 'sunny')).toBe('');
    expect(reportYear('Weather', 'sunny')).toBeNull();
  });
});
