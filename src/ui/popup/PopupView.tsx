/**
 * The popup's pure view: what it shows is a function of `model`, what the
 * user does leaves through `actions`. The data-fetching shell is Popup.tsx.
 */
import type { LayerKind, PageState, SiteMode } from '../../shared/messages';
import { t } from '../i18n';
import { LAYER_COLORS, LAYER_ORDER } from '../common/colors';
import { repairGroupCounts } from './repairGroups';

export type PopupModel =
  | { status: 'loading' }
  /** No engine answers in this tab. `canEnable` is false on pages extensions may not touch (browser pages, store). */
  | { status: 'inactive'; url?: string; canEnable: boolean; siteMode?: SiteMode }
  | { status: 'active'; state: PageState };

export interface PopupActions {
  onToggleRepaired: (repaired: boolean) => void;
  onSetLayer: (layer: LayerKind, on: boolean) => void;
  onSetMode: (mode: SiteMode) => void;
  /** Repaired text in Traditional (true) or Simplified characters: the reader's preference, applied to this page now. */
  onSetTraditional: (traditional: boolean) => void;
  onOpenPanel: () => void;
  onEnableTab: () => void;
  onEnableSite: () => void;
}

export interface PopupViewProps {
  model: PopupModel;
  actions: PopupActions;
  /** A failed action, shown under the header. */
  error?: string;
  busy?: boolean;
}

export function PopupView({ model, actions, error, busy }: PopupViewProps) {
  return (
    <main class="popup" aria-busy={busy || model.status === 'loading'}>
      <header class="popup-head">
        <h1>{t('extName')}</h1>
      </header>
      {error && (
        <p class="error small" role="alert">
          {error}
        </p>
      )}
      {model.status === 'loading' && <p class="muted">{t('common.loading')}</p>}
      {model.status === 'inactive' && <Inactive model={model} actions={actions} busy={busy} />}
      {model.status === 'active' && <Active state={model.state} actions={actions} />}
    </main>
  );
}

function Inactive({ model, actions, busy }: { model: Extract<PopupModel, { status: 'inactive' }>; actions: PopupActions; busy?: boolean }) {
  return (
    <section class="card">
      <p>{t('popup.inactive')}</p>
      {model.canEnable ? (
        <div class="stack">
          <button type="button" class="btn primary" disabled={busy} onClick={actions.onEnableTab}>
            {t('popup.enableTab')}
          </button>
          <button type="button" class="btn" disabled={busy} onClick={actions.onEnableSite}>
            {t('popup.enableSite')}
          </button>
          {model.siteMode === 'never' && <p class="muted small">{t('popup.siteNever')}</p>}
        </div>
      ) : (
        <p class="muted small">{t('popup.cannotRun')}</p>
      )}
    </section>
  );
}

function Active({ state, actions }: { state: PageState; actions: PopupActions }) {
  const groups = repairGroupCounts(state.fixKinds);
  return (
    <>
      <section class="card report" data-report={state.isReport ? 'yes' : 'no'}>
        <div class="row between">
          <strong>{t(state.isReport ? 'popup.isReport' : 'popup.notReport')}</strong>
          <span class="chip" title={t('popup.scoreHelp')}>
            {`${t('popup.score')} ${Math.round(state.score * 100)}%`}
          </span>
        </div>
        {state.signals.length > 0 && (
          <ul class="signals" aria-label={t('popup.signals')}>
            {state.signals.map((s) => (
              <li key={s} class="chip">
                {s}
              </li>
            ))}
          </ul>
        )}
        {!state.active && <p class="muted small">{t('popup.notProcessed')}</p>}
      </section>

      <section class="card">
        <div class="row between">
          <h2>{t('popup.repairs')}</h2>
          <span class="big" data-testid="fixes">
            {state.fixes}
          </span>
        </div>
        <ul class="kinds">
          {groups.map((g) => (
            <li key={g.id} class={g.count ? '' : 'zero'}>
              <span>{t(`popup.group.${g.id}`)}</span>
              <span data-testid={`group-${g.id}`}>{g.count}</span>
            </li>
          ))}
        </ul>
        <p class="small muted" data-testid="suggestions">
          {t('popup.suggestions', [state.suggestions])}
        </p>
        <div class="row between">
          <span class="small">{t('popup.view')}</span>
          <div class="seg" role="group" aria-label={t('popup.view')}>
            <button type="button" aria-pressed={!state.showingRepaired} onClick={() => actions.onToggleRepaired(false)}>
              {t('popup.original')}
            </button>
            <button type="button" aria-pressed={state.showingRepaired} onClick={() => actions.onToggleRepaired(true)}>
              {t('popup.repaired')}
            </button>
          </div>
        </div>
        <div class="row between">
          <span class="small">{t('popup.script')}</span>
          <div class="seg" role="group" aria-label={t('popup.script')}>
            <button type="button" data-testid="script-simplified" aria-pressed={!state.traditional} onClick={() => actions.onSetTraditional(false)}>
              {t('popup.simplified')}
            </button>
            <button type="button" data-testid="script-traditional" aria-pressed={state.traditional} onClick={() => actions.onSetTraditional(true)}>
              {t('popup.traditional')}
            </button>
          </div>
        </div>
      </section>

      <section class="card">
        <ul class="counts">
          <Count id="figures" n={state.figures} />
          <Count id="terms" n={state.terms} />
          <Count id="pledges" n={state.pledges} />
          <Count id="annotations" n={state.annotations} />
        </ul>
        {state.orphans > 0 && <p class="small muted">{t('popup.orphans', [state.orphans])}</p>}
      </section>

      <section class="card">
        <h2>{t('popup.layers')}</h2>
        <ul class="layers">
          {LAYER_ORDER.filter((layer) => layer !== 'shared' || (state.shared ?? 0) > 0).map((layer) => (
            <li key={layer}>
              <label class="row">
                <span class="dot" style={{ background: LAYER_COLORS[layer] }} aria-hidden="true" />
                <span class="grow">{t(layerKey(layer))}</span>
                <input
                  type="checkbox"
                  role="switch"
                  class="switch"
                  checked={state.layers[layer] !== false}
                  onChange={(e) => actions.onSetLayer(layer, (e.target as HTMLInputElement).checked)}
                />
              </label>
            </li>
          ))}
        </ul>
      </section>

      <section class="card">
        <div class="row between">
          <h2>{t('popup.siteMode')}</h2>
          <div class="seg" role="group" aria-label={t('popup.siteMode')}>
            {(['always', 'ask', 'never'] as SiteMode[]).map((m) => (
              <button key={m} type="button" aria-pressed={state.siteMode === m} onClick={() => actions.onSetMode(m)}>
                {t(`mode.${m}`)}
              </button>
            ))}
          </div>
        </div>
      </section>

      <footer class="popup-foot">
        <button type="button" class="btn primary wide" onClick={actions.onOpenPanel}>
          {t('popup.openPanel')}
        </button>
      </footer>
    </>
  );
}

/** Message names may hold only letters, digits and _, so `figure-target` is looked up as `layer.figureTarget`. */
export function layerKey(layer: LayerKind): string {
  return `layer.${layer.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`;
}

function Count({ id, n }: { id: string; n: number }) {
  return (
    <li>
      <span class="big" data-testid={`count-${id}`}>
        {n}
      </span>
      <span class="small muted">{t(`popup.count.${id}`)}</span>
    </li>
  );
}
