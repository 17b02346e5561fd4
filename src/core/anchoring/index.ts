export * from './types';
export { describe, CONTEXT_LENGTH } from './describe';
export { anchor, anchorMany, type AnchorRequest } from './anchor';
