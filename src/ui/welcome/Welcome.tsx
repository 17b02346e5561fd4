/**
 * The page opened once, on install: what GovLens does, the colour key, the
 * shortcuts, how to use it on other sites, and that nothing leaves the machine.
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { ShortcutList } from '../common/ShortcutList';
import { ColourKey } from './ColourKey';
import '../../../assets/css/base.css';
import '../common/page.css';

export function Welcome() {
  return (
    <main class="page welcome">
      <header class="page-head">
        <img src="/icon/128.png" width={64} height={64} alt="" />
        <div>
          <h1>{t('welcome.title')}</h1>
          <p class="muted">{t('extDescription')}</p>
        </div>
      </header>

      <section class="panel-card">
        <h2>{t('welcome.what.title')}</h2>
        <ul>
          <li>{t('welcome.what.detect')}</li>
          <li>{t('welcome.what.repair')}</li>
          <li>{t('welcome.what.marks')}</li>
          <li>{t('welcome.what.notes')}</li>
        </ul>
      </section>

      <section class="panel-card">
        <h2>{t('key.title')}</h2>
        <p class="muted small">{t('welcome.keyHelp')}</p>
        <ColourKey />
      </section>

      <section class="panel-card">
        <h2>{t('shortcuts.title')}</h2>
        <ShortcutList />
      </section>

      <section class="panel-card">
        <h2>{t('welcome.sites.title')}</h2>
        <p>{t('welcome.sites.auto')}</p>
        <ol>
          <li>{t('welcome.sites.step1')}</li>
          <li>{t('welcome.sites.step2')}</li>
          <li>{t('welcome.sites.step3')}</li>
        </ol>
      </section>

      <section class="panel-card" data-testid="privacy">
        <h2>{t('welcome.privacy.title')}</h2>
        <p>{t('welcome.privacy.body')}</p>
      </section>

      <p class="row">
        <button type="button" class="btn primary" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('welcome.options')}
        </button>
      </p>
    </main>
  );
}
