import { readFileSync } from 'node:fs';
import { codeFrame, lineNumberAt } from '../diagnostics/code-frame.js';
import { decodeUtf8 } from '../text/decode-utf8.js';
import { ConfigError } from './config-error.js';
import type { ConfigIssue } from './config-issue.js';
import type { IssueLocation } from './config-issues-error.js';
import { type JsonPath, JsonSyntaxError, parseJsonDocument } from './json-document.js';

/** A JSON config (or the field of one) and how to find a config path in its text. */
export interface JsonConfigFile {
  readonly value: unknown;
  /** The position of an issue's value (or key), for `path` relative to the config. */
  locate(issue: ConfigIssue): IssueLocation | undefined;
}

/**
 * Reads a JSON file as strict UTF-8 and parses it keeping positions; `field` selects the config
 * inside it (`anysync` in `package.json`). Invalid JSON is a {@link ConfigError} with line, column
 * and code frame.
 */
export function readJsonConfigFile(file: string, label: string, field?: string): JsonConfigFile {
  const decoded = decodeUtf8(readFileSync(file));
  if ('error' in decoded) {
    throw new ConfigError(
      `${label}: not valid UTF-8 at byte offset ${decoded.error.offset}: ${decoded.error.reason}`,
    );
  }
  // A byte order mark is not JSON, but editors write one; it is not part of any position.
  const text = decoded.text.replace(/^\uFEFF/, '');
  let document: ReturnType<typeof parseJsonDocument>;
  try {
    document = parseJsonDocument(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const at = locationOf(text, error.offset, error.offset + error.length);
    throw new ConfigError(
      `${label}:${at.line}:${at.column}: not valid JSON: ${error.message}\n${indent(at.frame)}`,
    );
  }
  const prefix: JsonPath = field === undefined ? [] : [field];
  const value =
    field === undefined ? document.value : (document.value as Record<string, unknown> | null)?.[field];
  return {
    value,
    locate(issue) {
      // A missing key is shown at the object that lacks it.
      for (let path = [...prefix, ...issue.path]; path.length >= prefix.length; path = path.slice(0, -1)) {
        const span = document.locate(path);
        if (span === undefined) continue;
        const onKey = issue.atKey === true && path.length === prefix.length + issue.path.length;
        const [start, end] =
          onKey && span.keyStart !== undefined
            ? [span.keyStart, span.keyEnd ?? span.keyStart + 1]
            : [span.start, span.end];
        return locationOf(text, start, end);
      }
      return undefined;
    },
  };
}

function locationOf(text: string, start: number, end: number): IssueLocation {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return {
    line: lineNumberAt(text, start),
    column: start - lineStart + 1,
    frame: codeFrame(text, start, Math.max(end, start + 1)),
  };
}

function indent(frame: string): string {
  return frame
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
