import { render } from 'preact';
import { applyPalette } from '../../src/ui/common/theme';
import { Options } from '../../src/ui/options/Options';

applyPalette();
render(<Options />, document.getElementById('app')!);
