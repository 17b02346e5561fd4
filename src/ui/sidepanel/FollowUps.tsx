/**
 * Saved pledges of earlier reports that this report seems to report on: the sentences it offers as evidence
 * and, for a target, the verdict GovLens proposes. Nothing is set until the reader picks a status.
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import type { PledgeFollowUp, PledgeStatus } from './data';

export interface FollowUpsProps {
  followUps: PledgeFollowUp[];
  /** Rates the pledge with the chosen evidence sentence (and the proposal, when the reader took it). */
  onRate: (followUp: PledgeFollowUp, status: PledgeStatus, evidence: number) => Promise<void>;
  onScrollToEvidence: (start: number, end: number) => void;
}

const CHOICES: PledgeStatus[] = ['met', 'partly', 'missed', 'progress'];

export function FollowUps({ followUps, onRate, onScrollToEvidence }: FollowUpsProps) {
  if (!followUps.length) return null;
  return (
    <section class="stack matches">
      <h3>{t('panel.follow.title', [followUps.length])}</h3>
      <p class="small muted">{t('panel.follow.help')}</p>
      <ul class="list">
        {followUps.map((f) => (
          <FollowUpRow key={f.pledge.id} followUp={f} onRate={onRate} onScrollToEvidence={onScrollToEvidence} />
        ))}
      </ul>
    </section>
  );
}

function FollowUpRow({ followUp: f, onRate, onScrollToEvidence }: { followUp: PledgeFollowUp } & Omit<FollowUpsProps, 'followUps'>) {
  const [chosen, setChosen] = useState(0);
  const [busy, setBusy] = useState(false);
  const p = f.pledge;
  const rate = async (status: PledgeStatus) => {
    setBusy(true);
    try {
      await onRate(f, status, chosen);
    } finally {
      setBusy(false);
    }
  };
  const rated = p.status !== 'pending';
  return (
    <li class={`item follow status-${p.status}`}>
      <p class="text">
        <span class="muted small">{t('panel.page.pledged')} </span>
        {p.text}
      </p>
      <p class="small muted">{[p.reportTitle, p.dueYear ? t('pledge.dueIn', [p.dueYear]) : '', p.figure ? `${p.figure.text}${p.direction ? ` · ${t(`pledge.direction.${p.direction}`)}` : ''}` : ''].filter(Boolean).join(' · ')}</p>
      <fieldset class="evidence-list">
        <legend class="small muted">{t('panel.follow.evidence')}</legend>
        {f.evidence.map((e, i) => (
          <label key={e.start} class="evidence-choice">
            <input type="radio" name={`ev-${p.id}`} checked={chosen === i} onChange={() => setChosen(i)} />
            <span class="text evidence">
              {e.sentence}
              {e.figure && <span class="chip">{e.figure}</span>}
            </span>
            <button type="button" class="btn tiny" title={t('panel.scrollTo')} aria-label={t('panel.scrollTo')} onClick={() => onScrollToEvidence(e.start, e.end)}>
              ↗
            </button>
          </label>
        ))}
      </fieldset>
      {f.verdict && (
        <p class="proposal small" role="note">
          {t('panel.follow.proposed', [t(`status.${f.verdict}`)])}
        </p>
      )}
      <div class="row small wrap">
        <span class="muted grow" role="status">
          {rated ? `${t('pledge.status')}: ${t(`status.${p.status}`)}` : t('status.pending')}
        </span>
        {f.verdict && (
          <button type="button" class="btn tiny primary confirm" disabled={busy} onClick={() => void rate(f.verdict!)}>
            {t('panel.follow.confirm', [t(`status.${f.verdict}`)])}
          </button>
        )}
        {CHOICES.filter((s) => s !== f.verdict).map((s) => (
          <button key={s} type="button" class={`btn tiny${p.status === s ? ' primary' : ''}`} aria-pressed={p.status === s} disabled={busy} onClick={() => void rate(s)}>
            {t(`status.${s}`)}
          </button>
        ))}
      </div>
    </li>
  );
}
