import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { resolve } from 'node:path';

// From the repository root, where Vitest runs (happy-dom's URL is not Node's, so no import.meta.url here).
export const LOCALES_DIR = resolve('src/locales') + '/';

/** The messages.json a build ships for `locale`, made from src/locales by @wxt-dev/i18n's own build code. */
export async function chromeMessages(locale: 'en' | 'zh_CN'): Promise<Record<string, { message: string }>> {
  return generateChromeMessages(await parseMessagesFile(`${LOCALES_DIR}${locale}.yml`));
}

/**
 * Installs `chrome.i18n.getMessage` over those messages, substituting `$1`…
 * as Chrome does, so the real src/ui/i18n.ts (and @wxt-dev/i18n under it)
 * runs in a unit test. `@@ui_locale` answers en_US whatever the messages,
 * as Chromium started with --lang=zh-CN does.
 */
export async function installChromeI18n(locale: 'en' | 'zh_CN'): Promise<void> {
  const messages = await chromeMessages(locale);
  const getMessage = (name: string, subs?: string | string[]) => {
    if (name === '@@ui_locale') return 'en_US';
    const m = messages[name]?.message;
    if (m === undefined) return '';
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return m.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '').replace(/\$\$/g, '$');
  };
  // The same chrome object each time: @wxt-dev/browser keeps the one it found when first imported.
  const g = globalThis as { chrome?: { i18n?: unknown } };
  g.chrome ??= {};
  g.chrome.i18n = { getMessage };
}
