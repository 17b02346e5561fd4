/** Where GovLens runs: the built-in report sites, and each site the reader set to always, ask or never. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { siteModes } from '../../../shared/settings';
import type { SiteMode } from '../../../shared/messages';

export function SitesSection() {
  const [modes, setModes] = useState<Record<string, SiteMode>>({});
  useEffect(() => {
    void siteModes.getValue().then(setModes);
    return siteModes.watch((v) => setModes(v ?? {}));
  }, []);
  const forget = (host: string) => {
    const { [host]: _gone, ...rest } = modes;
    setModes(rest);
    void siteModes.setValue(rest);
  };
  const hosts = Object.keys(modes).sort();
  return (
    <>
      <h2>{t('options.sites.title')}</h2>
      <p class="small muted">{t('welcome.sites.auto')}</p>
      <p class="small muted">{t('options.sites.help')}</p>
      {hosts.length === 0 ? (
        <p class="muted">{t('options.sites.none')}</p>
      ) : (
        <ul class="sites">
          {hosts.map((host) => (
            <li key={host}>
              <span class="grow">{host}</span>
              <span class="chip">{t(`mode.${modes[host]}`)}</span>
              <button type="button" class="btn tiny" onClick={() => forget(host)}>
                {t('options.sites.forget')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
