/**
 * The colour key: each kind of mark drawn exactly as the page draws it (the
 * `.gl-sample-*` classes come from paletteCss(), the same declarations as the
 * page's ::highlight() rules), with its name.
 */
import type { LayerKind } from '../../shared/messages';
import { t } from '../i18n';
import { LAYER_ORDER } from './colors';

/** A short sample of text for each kind of mark, so the key shows the mark on text, not a bare dot. */
const SAMPLE: Record<LayerKind, string> = {
  'figure-achieved': '6.1%',
  'figure-target': '5%',
  'figure-date': '2025',
  term: '双碳',
  pledge: '推进',
  user: '摘录',
  fix: '扩内',
  suggestion: '蝉联',
  shared: '批注',
};

export function LayerSample({ layer, quiet }: { layer: LayerKind; quiet?: boolean }) {
  return (
    <span class={`gl-sample gl-sample-${layer}${quiet ? ' gl-quiet' : ''}`} data-layer={layer} aria-hidden="true">
      {SAMPLE[layer]}
    </span>
  );
}

/** Message names may hold only letters, digits and _, so `figure-target` is looked up as `layer.figureTarget`. */
export function layerKey(layer: LayerKind): string {
  return `layer.${layer.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`;
}

/** The whole key, compact: one entry per layer. */
/** The shared layer appears only for readers who added a shared folder, so the default key leaves it out. */
export function LayerKey({ layers = LAYER_ORDER.filter((l) => l !== 'shared'), quietRepairs }: { layers?: LayerKind[]; quietRepairs?: boolean }) {
  return (
    <ul class="gl-key" aria-label={t('key.title')}>
      {layers.map((layer) => (
        <li key={layer}>
          <LayerSample layer={layer} quiet={layer === 'fix' && quietRepairs} />
          <span>{t(layerKey(layer))}</span>
        </li>
      ))}
    </ul>
  );
}
