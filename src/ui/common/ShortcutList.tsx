/** The extension's keyboard shortcuts as the browser has them now, with a way to change them. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { commandShortcuts, openShortcutSettings, type CommandShortcut } from './shortcuts';

/** Pure list, for tests and for pages that already have the commands. */
export function ShortcutTable({ commands }: { commands: CommandShortcut[] }) {
  return (
    <table class="shortcuts">
      <tbody>
        {commands.map((c) => (
          <tr key={c.name} data-command={c.name}>
            <td>{c.shortcut ? <kbd>{c.shortcut}</kbd> : <span class="muted">{t('shortcuts.none')}</span>}</td>
            <td>{c.description || c.name}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ShortcutList() {
  const [commands, setCommands] = useState<CommandShortcut[] | null>(null);
  useEffect(() => {
    void commandShortcuts().then(setCommands);
  }, []);
  return (
    <div class="stack">
      {commands ? <ShortcutTable commands={commands} /> : <p class="muted">{t('common.loading')}</p>}
      <p class="small muted">
        {t('shortcuts.change')}{' '}
        <button type="button" class="btn link" onClick={() => void openShortcutSettings()}>
          {/* Named as the reader's browser names it (Firefox has no chrome:// pages). */}
          {import.meta.env.FIREFOX ? t('shortcuts.firefoxPage') : 'chrome://extensions/shortcuts'}
        </button>
      </p>
    </div>
  );
}
