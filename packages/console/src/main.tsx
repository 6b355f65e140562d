import { render } from 'preact';
import { App } from './app';
import { cognitoCallback, loadConfig } from './auth';
import { applyLocale, locale } from './i18n';

applyLocale(locale.value);
const config = await loadConfig();
if (config) await cognitoCallback(config).catch(() => false);
render(<App config={config} />, document.getElementById('app')!);
