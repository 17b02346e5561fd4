import { t } from '../../i18n';

/** Where the reader's work lives, and that nothing is sent anywhere. */
export function PrivacySection() {
  return (
    <>
      <h2>{t('welcome.privacy.title')}</h2>
      <p>{t('welcome.privacy.body')}</p>
      <p class="small muted">{t('options.privacy.export')}</p>
    </>
  );
}
