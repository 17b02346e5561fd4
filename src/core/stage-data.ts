/**
 * Large tables that only a rare repair needs (the mojibake stage's character
 * pairs, 99 KB; the pinyin stage's readings, 58 KB) are not bundled with the
 * page engine. A stage takes them from requireStageData; where no source is
 * provided, or the source has nothing yet, it throws MissingStageData, and the
 * page engine loads the data script and repairs the chunk again (see
 * src/page/data-scripts.ts). Node callers import ./repair/shipped-data, which
 * provides the bundled tables.
 */
export type StageDataName = 'bigrams' | 'readings';

export class MissingStageData extends Error {
  constructor(readonly data: StageDataName) {
    super(`GovLens: the ${data} table is not loaded`);
  }
}

const sources = new Map<StageDataName, () => unknown>();

export function provideStageData(name: StageDataName, source: () => unknown): void {
  sources.set(name, source);
}

export function requireStageData<T>(name: StageDataName): T {
  const value = sources.get(name)?.();
  if (value === undefined) throw new MissingStageData(name);
  return value as T;
}
