// Which way a target figure binds: a floor (以上, 超过, 增长…), a ceiling (控制在, 以内, 涨幅…左右 for prices)
// or an approximate level (左右).
import type { Figure } from '../figures/types';
import type { Direction } from './types';

const CEILING_AFTER = /^(?:以内|以下|之内|内)/;
const CEILING_BEFORE = /(?:控制在|控制|不超过|不高于|低于|降至|降到|下降到|压减到|压减至|压缩到|压缩至|保持在)[^，,；;。]{0,6}$/;
const FLOOR_AFTER = /^(?:以上|之上)/;
const FLOOR_BEFORE = /(?:超过|超|不低于|不少于|突破|力争|达到|达|提高到|提高至|提升到|提升至|增加到|增至|新增|增长|增加|提高|提升|上升|扩大|以上)[^，,；;。]{0,6}$/;
// Rates the report wants low: a price rise, unemployment, a deficit, energy use.
const LOW_IS_GOOD = /涨幅|物价|失业率|赤字|能耗|排放|发生率|死亡|事故|负债率|不良/;

/** The direction of a target figure, read from its clause. */
export function directionOf(text: string, clauseStart: number, f: Figure): Direction {
  const before = text.slice(clauseStart, f.start);
  const after = text.slice(f.end, f.end + 3);
  const q = f.qualifier ?? '';
  if (FLOOR_AFTER.test(after) || /以上/.test(f.text) || /不低于|不少于/.test(q)) return 'floor';
  if (CEILING_AFTER.test(after) || /以内|以下/.test(f.text) || CEILING_BEFORE.test(before)) return 'ceiling';
  // A cut (能耗降低2.5%左右): the size of the cut is the floor.
  if (f.change === 'down' || /下降|降低|减少|压减/.test(before.slice(-6))) return 'floor';
  if (LOW_IS_GOOD.test(before) && (/左右/.test(f.text) || /^左右/.test(after))) return 'ceiling';
  if (FLOOR_AFTER.test(after) || /以上|余|多/.test(f.text) || /超|不低于|不少于|突破/.test(q) || FLOOR_BEFORE.test(before) || f.change === 'up') return 'floor';
  if (/左右|上下/.test(f.text) || /^(?:左右|上下)/.test(after) || /约|近/.test(q)) return 'about';
  return 'exact';
}
