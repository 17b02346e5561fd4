export { forwardDict, reverseDict, findMatches, charVariants, type Match, type Origin, type ForwardDict, type ReverseDict } from './dictionary';
export { spinnerGate, signatures, strongSignatures, type GateReport } from './gate';
export { choicePoints, type ChoicePoint } from './candidates';
export { decide } from './decide';
export { DECIDE_PARAMS } from './params';
