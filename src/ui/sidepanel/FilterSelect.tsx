/** One labelled filter of the pledge lists (the plan outline and the saved pledges): 全部/All first, then the choices. */
import { t } from '../i18n';
import { AREA_SEP } from '../../core/pledges/area-path';

export type FilterChoice = [value: string, text: string];

export function FilterSelect({ label, value, onChange, choices }: { label: string; value: string; onChange: (e: Event) => void; choices: FilterChoice[] }) {
  return (
    <label>
      <span class="small muted">{label}</span>
      <select class="input" value={value} onChange={onChange}>
        <option value="">{t('common.all')}</option>
        {choices.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A heading path (`一、… › （一）…`) as a choice: its last heading, indented by its depth. */
export function areaChoice(path: string): FilterChoice {
  const parts = path.split(AREA_SEP);
  return [path, '\u00a0\u00a0'.repeat(parts.length - 1) + parts[parts.length - 1]];
}

/** The kinds of pledge, and the due years present. */
export const kindChoices = (): FilterChoice[] => [['target', t('pledge.kind.target')], ['action', t('pledge.kind.action')]];
export const dueChoices = (years: number[]): FilterChoice[] => years.map((y) => [String(y), String(y)]);
