import { render } from 'preact';
render(<p>GovLens</p>, document.getElementById('app')!);
