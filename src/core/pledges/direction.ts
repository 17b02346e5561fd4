// Which way a target figure binds: a floor (以上, 超过, 增长…), a ceiling (控制在, 以内, 涨幅…左右 for prices)
// or an approximate level (左右).
import type { Figure } from '../figures/types';
import type { Direction } from './types';

const FLOOR_MARK = /^(?:以上|之上)/;
const FLOOR_BEFORE = /(?:超过|超|不低于|不少于|突破|逾)[^，,；;。]{0,4}$/;
const CEILING_MARK = /^(?:以内|以下|之内)/;
const CEILING_BEFORE = /(?:控制在|控制|不超过|不高于|低于|降至|降到|下降到|压减到|压减至|压缩到|压缩至)[^，,；;。]{0,6}$/;
const CUT_BEFORE = /(?:下降|降低|减少|压减|压降|缩减)[^，,；;。\d]{0,4}$/;
const GROWTH_BEFORE = /(?:增长|提高|提升|增加|上升|扩大|增速|比增)[^，,；;。\d]{0,4}$/;
const AIM_BEFORE = /(?:力争|确保|达到|达|提高到|提高至|提升到|提升至|增加到|增至)[^，,；;。]{0,8}$/;
// Rates the report wants low: a price rise, unemployment, a deficit.
const LOW_IS_GOOD = /涨幅|物价|失业率|赤字|负债率|不良率|发生率|死亡/;

/** The direction of a target figure, read from its clause. */
export function directionOf(text: string, clauseStart: number, f: Figure): Direction {
  const before = text.slice(clauseStart, f.start);
  const after = text.slice(f.end, f.end + 3);
  const about = /左右|上下/.test(f.text) || /^(?:左右|上下)/.test(after);
  if (FLOOR_MARK.test(after) || /以上|余|多/.test(f.text) || /超|不低于|不少于|突破|逾/.test(f.qualifier ?? '') || FLOOR_BEFORE.test(before)) return 'floor';
  if (CEILING_MARK.test(after) || /以内|以下/.test(f.text) || CEILING_BEFORE.test(before)) return 'ceiling';
  // A cut (能耗降低2.5%左右): the size of the cut is the floor.
  if (f.change === 'down' || CUT_BEFORE.test(before)) return 'floor';
  if (LOW_IS_GOOD.test(before) && about) return 'ceiling';
  if (f.change === 'up' || GROWTH_BEFORE.test(before)) return 'floor';
  if (about || /约|近/.test(f.qualifier ?? '')) return 'about';
  if (AIM_BEFORE.test(before)) return 'floor';
  return 'exact';
}
