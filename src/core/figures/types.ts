export type FigureKind = 'amount' | 'percent' | 'count' | 'rank' | 'ratio' | 'date';

/** A quantity expression found in report text. Offsets are UTF-16 code units into the text given. */
export interface Figure {
  start: number;
  end: number;
  text: string;
  kind: FigureKind;
  /** Normalised value in base units (640亿元 → 6.4e10 with unit 元; 5.5% → 5.5 with unit %). null if not numeric. */
  value: number | null;
  unit: string;
  /** true for targets/plans (预期目标, 力争, 计划, 确保, 将 …), false for achievements. */
  target: boolean;
  /** Qualifier that changes meaning: 超, 以上, 左右, 近, 约, 突破, 不低于, 力争达 … */
  qualifier?: string;
  /** Change direction for growth figures. */
  change?: 'up' | 'down';
  /** The sentence's subject when found, e.g. 固定资产投资. */
  subject?: string;
  /** Upper end of a range (8至10个 → value 8, valueMax 10), in the same base unit as value. */
  valueMax?: number;
}
