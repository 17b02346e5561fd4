import { render } from 'preact';
import { applyPalette } from '../../src/ui/common/theme';
import { Welcome } from '../../src/ui/welcome/Welcome';

applyPalette();
render(<Welcome />, document.getElementById('app')!);
