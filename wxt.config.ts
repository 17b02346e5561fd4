import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { resolve } from 'node:path';
import { REPORT_HOST_MATCHES } from './src/shared/hosts';
import { utf8Output } from './scripts/vite-utf8-output';
import { renderIcons } from './scripts/icons';
import { packedGlossaryData, packedGlossaryExplanations } from './src/core/data/glossary-builtin';
import { splitExplanations, splitGlossaryData } from './src/core/glossary/parts';

/**
 * The glossary scripts' data (virtual:govlens-glossary/1 …, the entries without their explanations, and
 * virtual:govlens-glossary-text/1 …, the explanations; one module a part: src/core/glossary/parts.ts), with the
 * entries as JSON string literals (packedGlossaryData): a page evaluates string literals far faster than the same
 * data as object literals (a 40 ms task).
 */
function glossaryData(): Plugin {
  const prefix = 'virtual:govlens-glossary/';
  const textPrefix = 'virtual:govlens-glossary-text/';
  let parts: ReturnType<typeof splitGlossaryData> | undefined;
  let textParts: string[][] | undefined;
  return {
    name: 'govlens-glossary-data',
    resolveId: (source) => (source.startsWith(prefix) || source.startsWith(textPrefix) ? `\0${source}` : undefined),
    load: (resolved) => {
      if (resolved.startsWith(`\0${prefix}`)) {
        parts ??= splitGlossaryData(packedGlossaryData());
        return `export default ${JSON.stringify(parts[Number(resolved.slice(prefix.length + 1)) - 1])};`;
      }
      if (resolved.startsWith(`\0${textPrefix}`)) {
        textParts ??= splitExplanations(packedGlossaryExplanations());
        return `export default ${JSON.stringify(textParts[Number(resolved.slice(textPrefix.length + 1)) - 1])};`;
      }
      return undefined;
    },
  };
}

// The always-on content script runs only on government and news hosts that
// publish reports. Anywhere else the user opts in per tab (activeTab) or per
// site (optional host permission), and the background injects it then.
export default defineConfig({
  publicDir: 'assets/public',
  modules: ['@wxt-dev/i18n/module'],
  imports: false,
  i18n: { localesDir: 'src/locales' },
  hooks: {
    // The icon is drawn once (assets/icon.svg) and rendered to the manifest's PNG sizes here; WXT finds icon/<size>.png.
    'build:publicAssets': (wxt, files) => {
      for (const [relativeDest, absoluteSrc] of renderIcons(resolve(__dirname, 'assets/icon.svg'), resolve(wxt.config.wxtDir, 'generated'))) {
        files.push({ relativeDest, absoluteSrc });
      }
    },
  },
  vite: () => ({
    // Chinese as UTF-8, not \u escapes (engine.js 820 -> 500 KB): see scripts/vite-utf8-output.ts.
    plugins: [preact(), glossaryData(), utf8Output()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: REPORT_HOST_MATCHES,
    // entrypoints/detect.ts: a plain script, not a WXT content script (see there).
    content_scripts: [{ matches: REPORT_HOST_MATCHES, js: ['detect.js'], run_at: 'document_idle', all_frames: true }],
    optional_host_permissions: ['*://*/*'],
    // MV2 (Firefox) has no optional_host_permissions; WXT does not carry them over. A sync server's
    // origin (and "always on this site") is asked for through optional_permissions there.
    ...(browser === 'firefox' ? { optional_permissions: ['*://*/*'] } : {}),
    action: { default_title: '__MSG_extName__' },
    // Chromium silently drops suggested keys it keeps for itself (Alt+Shift+R, N, P and W among them): every key
    // here was checked to be given (tests/browser/look.test.ts). At most four commands may suggest one.
    commands: {
      'toggle-repair': {
        suggested_key: { default: 'Alt+Shift+O' },
        description: '__MSG_cmdToggleRepair__',
      },
      'next-mark': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_cmdNextMark__',
      },
      'prev-mark': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_cmdPrevMark__',
      },
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_cmdHighlight__',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'govlens@example.org', strict_min_version: "140.0" } } }
      : {}),
  }),
});
