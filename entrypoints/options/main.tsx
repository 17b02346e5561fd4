import { render } from 'preact';
import { OptionsPage } from '../../src/ui/options/OptionsPage';

render(<OptionsPage />, document.getElementById('app')!);
