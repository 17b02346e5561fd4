// The bundled model data and the spun decision's data that travels with it (see
// ../repair/spun/decision-data.ts), for Node callers (CLI, tests, scripts, bench): import for the side effect.
import { LM_DATA } from '../data/lm-data';
import { spunDecisionDataBundled } from '../repair/spun/decision-data-bundled';
import { provideSpunDecisionData } from '../repair/spun/decision-data';
import { provideLMData } from './index';

provideLMData(() => LM_DATA);
provideSpunDecisionData(spunDecisionDataBundled);
