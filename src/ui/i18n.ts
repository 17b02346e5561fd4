/**
 * The UI's one door to translated strings. Components import `t`, `tn` and
 * `isZh` from here (not `#i18n` directly) so tests can swap this module for a
 * stub: `#i18n` is a WXT virtual module that plain Vitest cannot resolve.
 */
import { i18n } from '#i18n';
import { pickPlural } from './plural';

// Keys are plain strings: many are built from a kind (`repair.kind.${kind}`),
// and a missing one shows up as the key itself rather than failing the build.
type Key = string;
const lookup = i18n.t as (key: string, subs?: string[]) => string;

/** Translated string for `key`, with `$1`… filled from `subs`. Falls back to the key so a missing string is visible, not blank. */
export function t(key: Key, subs?: Array<string | number>): string {
  const msg = subs?.length ? lookup(key, subs.map(String)) : lookup(key);
  return msg || key;
}

/**
 * The language the messages are shown in ('zh' or 'en'), from the messages
 * themselves: the browser picks the message file, and `@@ui_locale` does not
 * always agree with it (Chromium started with --lang=zh-CN shows the zh_CN
 * messages and still answers en_US), so figures and plurals follow the text.
 */
export function uiLanguage(): string {
  return lookup('locale') || 'en';
}

/** `key`'s message for `count` ("1 result", "2 results"); `$1` is the count unless `subs` say otherwise. */
export function tn(key: Key, count: number, subs?: Array<string | number>): string {
  return pickPlural(t(key, subs ?? [count]), count, uiLanguage());
}

/** True when the UI speaks Chinese; figures are then written with 万/亿. */
export function isZh(): boolean {
  return uiLanguage().startsWith('zh');
}
