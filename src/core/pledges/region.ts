// Region names as reports write them (厦门市湖里区, 湖里区人民政府, 广西壮族自治区) reduced to one key, so a
// district's 2024 plan and its 2025 report are found to be the same region's.

export type RegionLevel = 'province' | 'city' | 'county' | '';

export interface RegionName {
  /** The most specific place, without its administrative suffix: 湖里, 鲤城, 河北, 广西. */
  key: string;
  level: RegionLevel;
}

const GOVERNMENT = /(?:人民政府|政府|人大常委会|发展和改革局|发展改革委|[^省市区县]{0,6}局)$/;
// An autonomous region's people: 广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边.
const AUTONOMOUS = /^(.{2,}?)(?:(?:[\u4e00-\u9fa5]{1,3}族)+|维吾尔)?自治(区|州|县|旗)$/;
const UNIT = /(省|自治区|特别行政区|市|自治州|州|地区|盟|区|县|自治县|旗|新区)/g;
const LEVEL: Record<string, RegionLevel> = {
  省: 'province', 自治区: 'province', 特别行政区: 'province',
  市: 'city', 自治州: 'city', 州: 'city', 地区: 'city', 盟: 'city',
  区: 'county', 县: 'county', 自治县: 'county', 旗: 'county', 新区: 'county',
};
// Municipalities directly under the central government are provinces that write 市.
const MUNICIPALITIES = new Set(['北京', '天津', '上海', '重庆']);

/** The most specific place of a region name and its level. */
export function parseRegion(name: string): RegionName {
  let s = name.trim().replace(/\s+/g, '').replace(GOVERNMENT, '');
  let level: RegionLevel = '';
  const auto = AUTONOMOUS.exec(s);
  if (auto) {
    level = auto[2] === '区' ? 'province' : auto[2] === '州' ? 'city' : 'county';
    s = auto[1];
  }
  // Split 福建省厦门市湖里区 at its unit suffixes and keep the last place.
  const pieces: Array<{ name: string; unit: string }> = [];
  let from = 0;
  UNIT.lastIndex = 0;
  for (let m = UNIT.exec(s); m; m = UNIT.exec(s)) {
    // A unit word needs a name before it of two characters at least (市 in 城市, 区 in 社区 are not units).
    if (m.index - from >= 2 || (m.index - from === 1 && pieces.length === 0 && m.index + m[0].length === s.length)) {
      pieces.push({ name: s.slice(from, m.index), unit: m[0] });
      from = m.index + m[0].length;
    }
  }
  const rest = s.slice(from);
  if (auto) return { key: rest || pieces[pieces.length - 1]?.name || s, level };
  if (rest.length >= 2 || !pieces.length) return { key: rest || s, level: '' };
  const last = pieces[pieces.length - 1];
  level = LEVEL[last.unit] ?? '';
  if (level === 'city' && MUNICIPALITIES.has(last.name)) level = 'province';
  return { key: last.name, level };
}

/** The key saved records are indexed by: 厦门市湖里区 and 湖里区 both give 湖里. */
export function regionKey(name: string): string {
  return name ? parseRegion(name).key : '';
}

/** One region whatever the report calls it: 厦门市湖里区 = 湖里区 = 湖里区人民政府; 吉林省 ≠ 吉林市. Two reports that name no region are alike. */
export function sameRegion(a: string, b: string): boolean {
  if (!a || !b) return !a && !b;
  const x = parseRegion(a);
  const y = parseRegion(b);
  return x.key === y.key && (!x.level || !y.level || x.level === y.level);
}
