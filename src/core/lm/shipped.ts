// The bundled model data, for Node callers (CLI, tests, scripts, bench): import for the side effect.
import { LM_DATA } from '../data/lm-data';
import { provideLMData } from './index';

provideLMData(() => LM_DATA);
