/** How reports are shown: the script of repaired text, and how strongly repairs are marked. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { preferTraditional, repairMarks } from '../../../shared/settings';
import type { RepairMarks } from '../../../shared/messages';

export function ReadingSection() {
  const [traditional, setTraditional] = useState<boolean | null>(null);
  const [marks, setMarks] = useState<RepairMarks | null>(null);
  useEffect(() => {
    void preferTraditional.getValue().then(setTraditional);
    void repairMarks.getValue().then(setMarks);
  }, []);
  const choose = <T,>(item: { setValue(v: T): Promise<void> }, set: (v: T) => void, value: T) => {
    set(value);
    void item.setValue(value);
  };
  return (
    <>
      <h2>{t('options.reading.title')}</h2>
      <div class="row between">
        <div>
          <div>{t('options.reading.script')}</div>
          <p class="small muted">{t('options.reading.scriptHelp')}</p>
        </div>
        <div class="seg" role="group" aria-label={t('options.reading.script')}>
          <button type="button" data-testid="script-simplified" aria-pressed={traditional === false} onClick={() => choose(preferTraditional, setTraditional, false)}>
            {t('popup.simplified')}
          </button>
          <button type="button" data-testid="script-traditional" aria-pressed={traditional === true} onClick={() => choose(preferTraditional, setTraditional, true)}>
            {t('popup.traditional')}
          </button>
        </div>
      </div>
      <div class="row between">
        <div>
          <div>{t('popup.marks')}</div>
          <p class="small muted">{t('popup.marksHelp')}</p>
        </div>
        <div class="seg" role="group" aria-label={t('popup.marks')}>
          <button type="button" data-testid="marks-quiet" aria-pressed={marks === 'quiet'} onClick={() => choose(repairMarks, setMarks, 'quiet' as RepairMarks)}>
            {t('popup.marksQuiet')}
          </button>
          <button type="button" data-testid="marks-full" aria-pressed={marks === 'full'} onClick={() => choose(repairMarks, setMarks, 'full' as RepairMarks)}>
            {t('popup.marksFull')}
          </button>
        </div>
      </div>
    </>
  );
}
