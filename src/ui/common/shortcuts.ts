import { browser } from 'wxt/browser';

export interface CommandShortcut {
  name: string;
  /** As the browser shows it ("Alt+Shift+J"), or '' when the reader has none set. */
  shortcut: string;
  description: string;
}

/** The order a reader learns them in: switch the view, move between marks, then highlight. */
const ORDER = ['toggle-repair', 'next-mark', 'prev-mark', 'highlight-selection'];

/** The extension's keyboard commands with the keys the browser has given them (the toolbar button's own command left out). */
export async function commandShortcuts(): Promise<CommandShortcut[]> {
  const all = await browser.commands.getAll().catch(() => []);
  const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
  return all
    .filter((c) => c.name && !c.name.startsWith('_execute'))
    .map((c) => ({ name: c.name!, shortcut: c.shortcut ?? '', description: c.description ?? '' }))
    .sort((a, b) => rank(a.name) - rank(b.name));
}

/** Where the reader changes the keys: Chrome's shortcuts page, or Firefox's add-on manager. */
export async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as unknown as { openShortcutSettings?: () => Promise<void> };
  if (commands.openShortcutSettings) return commands.openShortcutSettings();
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
