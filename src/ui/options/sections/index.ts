import type { FunctionComponent } from 'preact';
import { ReadingSection } from './ReadingSection';
import { SitesSection } from './SitesSection';
import { ShortcutsSection } from './ShortcutsSection';
import { PrivacySection } from './PrivacySection';
import { SyncOptionsSection } from './SyncOptionsSection';

/** The options page's sections, in order. A new feature's settings go in a file of their own, added here. */
export const OPTION_SECTIONS: Array<{ id: string; Section: FunctionComponent }> = [
  { id: 'reading', Section: ReadingSection },
  { id: 'sites', Section: SitesSection },
  { id: 'shortcuts', Section: ShortcutsSection },
  { id: 'sync', Section: SyncOptionsSection },
  { id: 'privacy', Section: PrivacySection },
];
