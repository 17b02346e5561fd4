import { render } from 'preact';
import { applyPalette } from '../../src/ui/common/theme';
import { Popup } from '../../src/ui/popup/Popup';

applyPalette();
render(<Popup />, document.getElementById('app')!);
