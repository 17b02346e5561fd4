import { render } from 'preact';
import { applyPalette } from '../../src/ui/common/theme';
import { SidePanel } from '../../src/ui/sidepanel/SidePanel';

applyPalette();
render(<SidePanel />, document.getElementById('app')!);
