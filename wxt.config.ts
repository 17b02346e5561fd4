import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { REPORT_HOST_MATCHES } from './src/shared/hosts';
import { packedGlossaryData } from './src/core/data/glossary-builtin';

/**
 * glossary.js's data with the entries as JSON string literals (packedGlossaryData): a page evaluates
 * string literals at almost no cost, where the same data as object literals took a 40 ms task.
 */
function glossaryData(): Plugin {
  const id = 'virtual:govlens-glossary';
  return {
    name: 'govlens-glossary-data',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) => (resolved === `\0${id}` ? `export default ${JSON.stringify(packedGlossaryData())};` : undefined),
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
  vite: () => ({
    plugins: [preact(), glossaryData()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: REPORT_HOST_MATCHES,
    // entrypoints/detect.ts: a plain script, not a WXT content script (see there).
    content_scripts: [{ matches: REPORT_HOST_MATCHES, js: ['detect.js'], run_at: 'document_idle', all_frames: true }],
    optional_host_permissions: ['*://*/*'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'toggle-repair': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_cmdToggleRepair__',
      },
      'next-mark': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_cmdNextMark__',
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
