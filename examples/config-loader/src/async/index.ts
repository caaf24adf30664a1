export { ConfigLoadError } from '../shared/config-load-error.js';
export type { ConfigObject, ConfigValue } from '../shared/config-object.js';
export type { ConfigLoaderOptions, LoadedConfig } from './config-loader.js';
export { AsyncConfigLoader, hasConfigFileAsync, loadConfigAsync } from './config-loader.js';
export type { FindUpOptions } from './find-up.js';
export { findAllUp, findUp } from './find-up.js';
