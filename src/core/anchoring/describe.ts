import type { TextPositionSelector, TextQuoteSelector } from './types';

/** Characters of context kept on each side of a quote; enough to tell repeated phrases apart. */
export const CONTEXT_LENGTH = 32;

/** Selectors for text[start, end): the quote with its surrounding context, and its offsets. */
export function describe(
  text: string,
  start: number,
  end: number,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  if (!(start >= 0 && end <= text.length && start < end)) {
    throw new RangeError(`describe: bad range [${start}, ${end}) for text of length ${text.length}`);
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
