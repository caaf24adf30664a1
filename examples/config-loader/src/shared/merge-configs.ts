import type { ConfigObject, ConfigValue } from './config-object.js';

/** Deep-merges configs, later ones winning; arrays are replaced, not concatenated. */
export function mergeConfigs(...configs: readonly ConfigObject[]): ConfigObject {
  const merged: ConfigObject = {};
  for (const config of configs) {
    for (const [key, value] of Object.entries(config)) {
      const previous = merged[key];
      merged[key] = isObject(previous) && isObject(value) ? mergeConfigs(previous, value) : value;
    }
  }
  return merged;
}

function isObject(value: ConfigValue | undefined): value is ConfigObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
