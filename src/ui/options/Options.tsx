/**
 * The options page: one section per concern, each its own component in
 * ./sections (listed in ./sections/index.ts), so a feature adds its section
 * without touching the others.
 */
import { t } from '../i18n';
import { OPTION_SECTIONS } from './sections';
import '../../../assets/css/base.css';
import '../common/page.css';

export function Options() {
  return (
    <main class="page options">
      <header class="page-head">
        <img src="/icon/128.png" width={48} height={48} alt="" />
        <div>
          <h1>{t('options.title')}</h1>
          <p class="muted">{t('extDescription')}</p>
        </div>
      </header>
      {OPTION_SECTIONS.map(({ id, Section }) => (
        <section key={id} id={id} class="panel-card" data-section={id}>
          <Section />
        </section>
      ))}
    </main>
  );
}
