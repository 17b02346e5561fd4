/**
 * The UI's one door to translated strings. Components import `t` and `isZh`
 * from here (not `#i18n` directly) so tests can swap this module for a stub:
 * `#i18n` is a WXT virtual module that plain Vitest cannot resolve.
 */
import { i18n } from '#i18n';

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
 * True when the UI's strings are Chinese; figures are then written with 万/亿. Asked of the strings
 * themselves, not of @@ui_locale: Chromium started with --lang=zh-CN picks the zh_CN strings while still
 * reporting en_US as its UI locale, which wrote "74.38 thousand 元" into a Chinese card.
 */
export function isZh(): boolean {
  return (lookup('uiLang') || '').toLowerCase().startsWith('zh');
}
