/**
 * The popup's pure view: what it shows is a function of `model`, what the
 * user does leaves through `actions`. The data-fetching shell is Popup.tsx.
 * It must fit Chrome's 600 px popup in both languages (tests/browser/ui-fit.test.ts).
 */
import type { LayerKind, PageState, SiteMode } from '../../shared/messages';
import { t, tn } from '../i18n';
import { LAYER_ORDER, type RepairMarks } from '../common/colors';
import { LayerSample, layerKey } from '../common/LayerKey';

export { layerKey };
import { repairGroupCounts } from './repairGroups';

export type PopupModel =
  | { status: 'loading' }
  /**
   * No engine answers in this tab. `canEnable` is false on pages extensions may not touch (browser pages, store);
   * `judged` is 'not-report' when GovLens looked at the page and found it is not a report.
   */
  | { status: 'inactive'; url?: string; canEnable: boolean; siteMode?: SiteMode; judged?: 'not-report' }
  | { status: 'active'; state: PageState };

export interface PopupActions {
  onToggleRepaired: (repaired: boolean) => void;
  onSetLayer: (layer: LayerKind, on: boolean) => void;
  onSetMode: (mode: SiteMode) => void;
  /** Repaired text in Traditional (true) or Simplified characters: the reader's preference, applied to this page now. */
  onSetTraditional: (traditional: boolean) => void;
  /** Repair marks faint or in full: the reader's preference, applied to this page now. */
  onSetRepairMarks: (marks: RepairMarks) => void;
  onOpenPanel: () => void;
  onOpenOptions: () => void;
  onEnableTab: () => void;
  onEnableSite: () => void;
}

export interface PopupViewProps {
  model: PopupModel;
  actions: PopupActions;
  /** A failed action, shown under the header. */
  error?: string;
  busy?: boolean;
  /** The keyboard shortcut of each command that has one ('toggle-repair' → 'Alt+Shift+O'). */
  shortcuts?: Record<string, string>;
}

export function PopupView({ model, actions, error, busy, shortcuts = {} }: PopupViewProps) {
  return (
    <main class="popup" aria-busy={busy || model.status === 'loading'}>
      <header class="popup-head row between">
        <h1 class="row">
          <img src="/icon/32.png" width={18} height={18} alt="" />
          {t('extName')}
        </h1>
        {model.status === 'active' && <Verdict state={model.state} />}
      </header>
      {error && (
        <p class="error small" role="alert">
          {error}
        </p>
      )}
      {model.status === 'loading' && <p class="muted">{t('common.loading')}</p>}
      {model.status === 'inactive' && <Inactive model={model} actions={actions} busy={busy} />}
      {model.status === 'active' && <Active state={model.state} actions={actions} shortcuts={shortcuts} />}
      <footer class="popup-foot">
        {model.status === 'active' && (
          <button type="button" class="btn primary wide" onClick={actions.onOpenPanel}>
            {t('popup.openPanel')}
          </button>
        )}
        <button type="button" class="btn link small" onClick={actions.onOpenOptions}>
          {t('popup.options')}
        </button>
      </footer>
    </main>
  );
}

/** Whether the page is a report, and how sure the detector is, in words: the detector's own codes mean nothing to a reader. */
function Verdict({ state }: { state: PageState }) {
  return (
    <span class={`chip verdict ${state.isReport ? 'yes' : 'no'}`} title={t('popup.scoreHelp', [Math.round(state.score * 100)])}>
      {t(state.isReport ? 'popup.isReport' : 'popup.notReport')}
    </span>
  );
}

function Inactive({ model, actions, busy }: { model: Extract<PopupModel, { status: 'inactive' }>; actions: PopupActions; busy?: boolean }) {
  const judged = model.judged === 'not-report';
  return (
    <section class="card">
      <p data-testid="inactive">{t(judged ? 'popup.judgedNotReport' : 'popup.inactive')}</p>
      {model.canEnable ? (
        <div class="stack">
          <button type="button" class="btn primary" disabled={busy} onClick={actions.onEnableTab}>
            {t(judged ? 'popup.runAnyway' : 'popup.enableTab')}
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

function Active({ state, actions, shortcuts }: { state: PageState; actions: PopupActions; shortcuts: Record<string, string> }) {
  const groups = repairGroupCounts(state.fixKinds);
  const keyHint = (command: string) => (shortcuts[command] ? ` (${shortcuts[command]})` : '');
  return (
    <>
      {!state.active && <p class="muted small">{t('popup.notProcessed')}</p>}
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
        {state.suggestions > 0 && (
          <p class="small muted" data-testid="suggestions">
            {tn('popup.suggestions', state.suggestions)}
          </p>
        )}
        <Choice
          label={t('popup.view')}
          title={t('popup.viewHelp') + keyHint('toggle-repair')}
          options={[
            { id: 'original', label: t('popup.original'), on: !state.showingRepaired, pick: () => actions.onToggleRepaired(false) },
            { id: 'repaired', label: t('popup.repaired'), on: state.showingRepaired, pick: () => actions.onToggleRepaired(true) },
          ]}
        />
        <Choice
          label={t('popup.script')}
          options={[
            { id: 'script-simplified', label: t('popup.simplified'), on: !state.traditional, pick: () => actions.onSetTraditional(false) },
            { id: 'script-traditional', label: t('popup.traditional'), on: state.traditional, pick: () => actions.onSetTraditional(true) },
          ]}
        />
        <Choice
          label={t('popup.marks')}
          title={t('popup.marksHelp')}
          options={[
            { id: 'marks-quiet', label: t('popup.marksQuiet'), on: state.repairMarks !== 'full', pick: () => actions.onSetRepairMarks('quiet') },
            { id: 'marks-full', label: t('popup.marksFull'), on: state.repairMarks === 'full', pick: () => actions.onSetRepairMarks('full') },
          ]}
        />
      </section>

      <section class="card">
        <ul class="counts">
          <Count id="figures" n={state.figures} />
          <Count id="terms" n={state.terms} />
          <Count id="pledges" n={state.pledges} />
          <Count id="annotations" n={state.annotations} />
        </ul>
        {state.orphans > 0 && <p class="small muted">{tn('popup.orphans', state.orphans)}</p>}
      </section>

      <section class="card">
        <h2>{t('popup.layers')}</h2>
        <ul class="layers" aria-label={t('popup.layers')}>
          {LAYER_ORDER.filter((layer) => layer !== 'shared' || (state.shared ?? 0) > 0).map((layer) => (
            <li key={layer}>
              <label class="row">
                <LayerSample layer={layer} quiet={layer === 'fix' && state.repairMarks !== 'full'} />
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
        <Choice
          label={t('popup.siteMode')}
          options={(['always', 'ask', 'never'] as SiteMode[]).map((m) => ({ id: `mode-${m}`, label: t(`mode.${m}`), on: state.siteMode === m, pick: () => actions.onSetMode(m) }))}
        />
      </section>
    </>
  );
}

/** A labelled row of toggle buttons, one pressed. */
function Choice(props: { label: string; title?: string; options: Array<{ id: string; label: string; on: boolean; pick: () => void }> }) {
  return (
    <div class="row between" title={props.title}>
      <span class="small">{props.label}</span>
      <div class="seg" role="group" aria-label={props.label}>
        {props.options.map((o) => (
          <button key={o.id} type="button" data-testid={o.id} aria-pressed={o.on} onClick={o.pick}>
            {o.label}
          </button>
        ))}
      </div>
    </div>
  );
}

function Count({ id, n }: { id: string; n: number }) {
  return (
    <li>
      <span class="big" data-testid={`count-${id}`}>
        {n}
      </span>
      <span class="small muted">{tn(`popup.count.${id}`, n, [])}</span>
    </li>
  );
}
