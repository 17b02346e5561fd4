import type { FigureKind } from '../core/figures/types';
import type { TextPositionSelector, TextQuoteSelector } from '../core/anchoring/types';

export type AnnotationOrigin = 'user' | 'import';
export type PledgeStatus = 'pending' | 'met' | 'missed' | 'unclear';

export interface ReportRecord {
  id: string;
  /** canonicalUrl() of the first URL the report was seen at. Unique. */
  canonicalUrl: string;
  /** Canonical URLs of every mirror recognised as this report (includes canonicalUrl). */
  urls: string[];
  title: string;
  region: string;
  year: number | null;
  /** core/fingerprint of the repaired main text; '' when unknown (records migrated from v1). */
  fingerprint: string;
  createdAt: number;
  updatedAt: number;
}

export interface AnnotationRecord {
  id: string;
  reportId: string;
  /** The page URL the annotation was made on (as seen, not canonicalised). */
  url: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** The quoted text (same as quote.exact), kept top-level for listing and search. */
  exact: string;
  note: string;
  tags: string[];
  color: string;
  createdAt: number;
  updatedAt: number;
  /** True when the last re-anchoring could not find the quote in the page. */
  orphan: boolean;
  origin: AnnotationOrigin;
}

export interface PledgeFigure {
  value: number;
  unit: string;
  text: string;
  /** The figure's kind (count, amount, percent …), so a later report's figure is compared like with like. */
  kind?: FigureKind;
}

export interface PledgeRecord {
  id: string;
  reportId: string;
  text: string;
  region: string;
  year: number | null;
  dueYear: number | null;
  figure: PledgeFigure | null;
  status: PledgeStatus;
  note: string;
  selectors: { quote?: TextQuoteSelector; position?: TextPositionSelector } | null;
  createdAt: number;
  updatedAt: number;
}

export interface GlossaryRecord {
  term: string;
  definition: string;
  updatedAt: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}
