import { render } from 'preact';
import { SidePanel } from '../../src/ui/sidepanel/SidePanel';

render(<SidePanel />, document.getElementById('app')!);
