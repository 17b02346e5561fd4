/** The colour key with what each mark means: the welcome page's longer version of the popup's and side panel's key. */
import { t } from '../i18n';
import { LAYER_ORDER } from '../common/colors';
import { LayerSample, layerKey } from '../common/LayerKey';

export function ColourKey() {
  return (
    <ul class="key-list" aria-label={t('key.title')}>
      {LAYER_ORDER.map((layer) => (
        <li key={layer}>
          <LayerSample layer={layer} />
          <span>
            <strong>{t(layerKey(layer))}</strong>
            <span class="muted small">{` — ${t(`${layerKey(layer).replace('layer.', 'key.meaning.')}`)}`}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
