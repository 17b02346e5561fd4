/**
 * Emits the extension's scripts as UTF-8 instead of \u escapes.
 *
 * WXT (0.20, src/core/builders/vite) sets `esbuild.charset = 'ascii'` on the
 * Vite config of every build *after* calling the project's `vite()` hook, so a
 * charset set there is overwritten; Vite's minifier (the renderChunk of
 * vite:esbuild-transpile) then writes every Chinese character as a six-byte
 * \uXXXX escape: engine.js was 820 KB, 105,000 escapes of it. A plugin's
 * `config` hook runs after WXT has built the config and its result is merged
 * over it, so the charset set here is the one the minifier sees.
 *
 * WXT forces ASCII because Chrome refuses a script that is not valid UTF-8
 * ("It isn't UTF-8 encoded", wxt-dev/wxt#353): Chrome's check
 * (base::IsStringUTF8) also rejects the Unicode noncharacters (U+FDD0–U+FDEF,
 * U+xFFFE, U+xFFFF), which can sit in a minified regex or string as raw
 * characters. `escapeNoncharacters` writes those back as escapes, which mean
 * the same inside the strings, regexes and comments they can occur in.
 */
import type { Plugin } from 'vite';

/** Noncharacters, as UTF-16: the BMP ones, and the last two code points of each supplementary plane. */
const NONCHARACTER = /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g;

const hex = (unit: number) => '\\u' + unit.toString(16).toUpperCase().padStart(4, '0');

/** `code` with every noncharacter written as \u escapes, so Chrome accepts it as UTF-8. */
export function escapeNoncharacters(code: string): string {
  return code.replace(NONCHARACTER, (c) => [...Array(c.length).keys()].map((i) => hex(c.charCodeAt(i))).join(''));
}

/** Lone surrogates cannot be written as UTF-8 at all; esbuild escapes them, and this says so if it ever did not. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function utf8Output(): Plugin {
  return {
    name: 'govlens:utf8-output',
    config: () => ({ esbuild: { charset: 'utf8' } }),
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        file.code = escapeNoncharacters(file.code);
        if (LONE_SURROGATE.test(file.code)) this.error(`${file.fileName}: a lone surrogate cannot be written as UTF-8`);
      }
    },
  };
}
