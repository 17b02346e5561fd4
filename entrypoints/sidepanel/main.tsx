import { render } from 'preact';
import { applyPalette } from '../../src/ui/common/theme';
import { SidePanel } from '../../src/ui/sidepanel/SidePanel';
import { onTrackedChange } from '../../src/storage/outbox';
import { toBackground } from '../../src/shared/messaging';

applyPalette();
// The panel writes to the database itself (pledge status, imports): tell the background, which pushes soon.
onTrackedChange(() => void toBackground('sync:changed', {}).catch(() => undefined));
render(<SidePanel />, document.getElementById('app')!);
