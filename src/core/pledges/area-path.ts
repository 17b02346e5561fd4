/**
 * A pledge's policy area as one string (三、政府工作任务 › （一）大力提振消费), the way the
 * tooltip, the side panel's filters and the exports all write it, and the one prefix
 * test the filters share: a heading selects what lies under it, not a sibling whose
 * name merely starts the same (（一） must not select （一）之二's neighbour 一二…).
 */
export const AREA_SEP = ' › ';

export const areaPath = (area: readonly string[]): string => area.join(AREA_SEP);

/** The paths of every heading on the way down to the area, outermost first. */
export function areaPrefixes(area: readonly string[]): string[] {
  return area.map((_, d) => areaPath(area.slice(0, d + 1)));
}

/** Whether an area lies under (or is) the heading path `path`; the empty path holds everything. */
export function inArea(area: readonly string[], path: string): boolean {
  return !path || `${areaPath(area)}${AREA_SEP}`.startsWith(`${path}${AREA_SEP}`);
}
