import type { browser } from 'wxt/browser';

type ExtensionApi = typeof browser;
let api: ExtensionApi | undefined;

/**
 * The extension API, looked up on first use instead of at import time (as
 * `wxt/browser` does). In a fresh content-script world the first touch of
 * `chrome.*` costs about 0.4 ms, which the detection script must not pay on
 * every page that turns out not to be a report.
 */
export function extensionApi(): ExtensionApi {
  const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
  api ??= g.browser?.runtime?.id ? g.browser : g.chrome!;
  return api;
}
