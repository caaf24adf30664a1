import type { ConfigObject } from './config-object.js';

/**
 * Parses the text of a config file by its name: JSON for `.json` files (and rc files that start with
 * `{`), otherwise the rc format: `key = value` lines, `[section]` headers, `#` or `;` comments. No I/O,
 * so both twins share it as it is.
 */
export function parseConfigText(text: string, fileName: string): ConfigObject {
  const trimmed = text.trim();
  if (fileName.endsWith('.json') || trimmed.startsWith('{')) {
    const parsed: unknown = JSON.parse(trimmed === '' ? '{}' : trimmed);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new TypeError('the top level must be an object');
    }
    return parsed as ConfigObject;
  }
  return parseRc(text);
}

function parseRc(text: string): ConfigObject {
  const root: ConfigObject = {};
  let section = root;
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header?.[1]) {
      section = {};
      root[header[1].trim()] = section;
      continue;
    }
    const equals = line.indexOf('=');
    if (equals <= 0) throw new SyntaxError(`line ${index + 1}: expected \`key = value\`, got \`${line}\``);
    section[line.slice(0, equals).trim()] = parseScalar(line.slice(equals + 1).trim());
  }
  return root;
}

function parseScalar(value: string): string | number | boolean {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value.replace(/^(["'])(.*)\1$/, '$2');
}
