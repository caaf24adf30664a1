import path from 'node:path';
import ts from 'typescript';
import type { Diagnostic, DiagnosticRule } from '../diagnostics/diagnostic.js';
import { codeFrame, lineNumberAt } from '../diagnostics/code-frame.js';
import type { SeverityOverrides } from '../diagnostics/severity-overrides.js';
import { EditSet } from '../edits/edit-set.js';
import { type MappingTable, type ModuleEntry, isRelative } from '../mappings/mapping-table.js';
import type { NameConvention } from '../names/name-convention.js';
import type { ParsedSource } from '../parser/parser.js';
import { collectFileFacts } from '../project/collect-file-facts.js';
import type { FileFacts, ProjectFacts } from '../project/project-facts.js';
import { commentWords } from './comment-words.js';
import { type ImportBinding, collectImportBindings } from './import-bindings.js';
import { isInside, mapPath, type PathRule } from './path-rule.js';
import { type Resolution, ScopeResolver } from './scope.js';

/** Everything a rule needs while transforming one file, and where it records edits and diagnostics. */
export class TransformContext {
  readonly source: ParsedSource;
  readonly text: string;
  readonly tree: ts.SourceFile;
  readonly fileName: string;
  readonly outFileName: string;
  readonly edits: EditSet;
  readonly diagnostics: Diagnostic[] = [];
  readonly bindings: ReadonlyMap<string, ImportBinding>;
  readonly scope = new ScopeResolver();
  readonly names: NameConvention;
  readonly mappings: MappingTable;
  /** Facts about every converted file; `undefined` when this file is converted alone. */
  readonly project: ProjectFacts | undefined;
  #ownFacts: FileFacts | undefined;
  readonly pathRules: readonly PathRule[];
  readonly marker: string;
  readonly runtimeModule: string;
  readonly commonJs: boolean;
  /** Imports the twin needs that the source did not have, by module. */
  readonly neededImports = new Map<string, Set<string>>();
  /** Local names whose references change (an import renamed from `readFile` to `readFileSync`). */
  readonly localRenames = new Map<string, string>();
  /** Namespace-like bindings of mapped modules (`import * as fsp`), whose members are mapped on access. */
  readonly namespaceEntries = new Map<string, ModuleEntry>();
  /**
   * Local names whose import changed shape: a named import of an object of mapped members (`promises`)
   * became a namespace import of the members' module. Only member reads of them are meaningful.
   */
  readonly reshapedNamespaces = new Set<string>();
  /** Specifier literals a rule already rewrote, so that no other rule touches them. */
  readonly handledSpecifiers = new Set<ts.Node>();
  /** Member names this file declares that the convention renames (found during the walk). */
  readonly declaredMembers = new Set<string>();
  /** Every name a rule asked the scope about (a file parsed in part checks none is declared elsewhere). */
  readonly resolvedNames = new Set<string>();
  /**
   * Expressions a rule already judged: replaced by a sync counterpart of the same shape
   * (`promisify(fs.stat)` → `fs.statSync`), or reported. Whatever waits on them needs no second look.
   */
  readonly judgedValues = new Set<ts.Node>();
  /** Destructuring declarations of mapped objects whose property names a rule rewrote. */
  readonly followedPatterns = new Set<ts.Node>();
  /** `.then`/`.catch`/`.finally` calls a rule rewrote as a whole (no longer reported as chains). */
  readonly claimedChains = new Set<ts.Node>();
  /** `await`s whose code a rule replaces as a whole (the keyword is not removed on its own). */
  readonly claimedAwaits = new Set<ts.Node>();
  /** Names a rule introduced into the twin (temporaries), so that no two rules pick the same one. */
  readonly generatedNames = new Set<string>();
  /** Tasks that must see every other rule's edits first. */
  readonly finishers: (() => void)[] = [];
  /** Tasks that replace whole regions with text rendered from the edits inside: after every finisher. */
  readonly lateFinishers: (() => void)[] = [];
  readonly #severity: SeverityOverrides;
  #byDeclaration: Map<ts.Node, ImportBinding[]> | undefined;
  #keepsSiblings: boolean | undefined;
  readonly #converted = new Map<string, FileFacts | undefined>();
  readonly #textHas = new Map<string, boolean>();
  readonly #identifiers: ReadonlyMap<string, string> | undefined;
  /** Names the identifier table lacks because JSDoc was not parsed with the tree. */
  #commentWords: ReadonlyMap<string, string> | undefined;
  readonly #ignored: readonly (readonly [number, number])[];

  constructor(init: {
    source: ParsedSource;
    outFileName: string;
    names: NameConvention;
    mappings: MappingTable;
    project: ProjectFacts | undefined;
    pathRules: readonly PathRule[];
    marker: string;
    runtimeModule: string;
    severity: SeverityOverrides;
    ignored: readonly (readonly [number, number])[];
  }) {
    this.source = init.source;
    this.text = init.source.text;
    this.tree = init.source.tree;
    this.fileName = path.resolve(init.source.fileName);
    this.outFileName = path.resolve(init.outFileName);
    this.edits = new EditSet(this.text);
    this.bindings = collectImportBindings(this.tree);
    this.names = init.names;
    this.mappings = init.mappings;
    this.project = init.project;
    this.pathRules = init.pathRules;
    this.marker = init.marker;
    this.runtimeModule = init.runtimeModule;
    this.#severity = init.severity;
    this.#ignored = init.ignored;
    this.commonJs = isCommonJs(this.fileName, this.tree);
    const identifiers = (this.tree as { identifiers?: ReadonlyMap<string, string> }).identifiers;
    this.#identifiers = identifiers;
    if (identifiers && init.source.jsDocOnDemand)
      this.#commentWords = commentWords(identifiers, this, this.names.explicitlyRenamed);
  }

  /** Where a node's own text starts (after leading trivia). */
  start(node: ts.Node): number {
    return node.getStart(this.tree);
  }

  /**
   * Whether `./x` specifiers stay as written: the twin's directory is where the rules send this file's
   * directory, and no rule claims a directory below it. Decided once per file (path math is costly).
   */
  get keepsSiblingSpecifiers(): boolean {
    if (this.#keepsSiblings === undefined) {
      const dir = path.dirname(this.fileName);
      const outDir = path.dirname(this.outFileName);
      const mapped = mapPath(dir, this.pathRules) ?? dir;
      const nested = this.pathRules.some((rule) => rule.from !== dir && isInside(rule.from, dir));
      this.#keepsSiblings = mapped === outDir && !nested;
    }
    return this.#keepsSiblings;
  }

  /** Whether the file's text contains a word (answers are remembered: several rules ask the same). */
  textIncludes(word: string): boolean {
    let found = this.#textHas.get(word);
    if (found === undefined) {
      // A word holding one already known to be absent (`@async` and `async`) needs no search.
      found = !this.#holdsAbsentWord(word) && this.text.includes(word);
      this.#textHas.set(word, found);
    }
    return found;
  }

  #holdsAbsentWord(word: string): boolean {
    for (const [known, present] of this.#textHas) if (!present && word.includes(known)) return true;
    return false;
  }

  /** Whether the file uses any of these identifier names. */
  usesAnyName(names: Iterable<string>): boolean {
    for (const name of names) if (this.usesName(name)) return true;
    return false;
  }

  /** Whether the file uses an identifier of this name anywhere (true when the parser keeps no table). */
  usesName(name: string): boolean {
    return (
      this.#identifiers === undefined || this.#identifiers.has(name) || this.#commentWords?.has(name) === true
    );
  }

  /** The identifiers of this file that the naming convention renames. */
  renamedNames(): ReadonlySet<string> {
    if (this.#identifiers === undefined) return new Set();
    const renamed = this.names.renamedIn(this.#identifiers);
    if (this.#commentWords === undefined) return renamed;
    const inComments = this.names.renamedIn(this.#commentWords);
    return inComments.size === 0 ? renamed : new Set([...renamed, ...inComments]);
  }

  /** The import bindings a statement declares (none for most statements). */
  bindingsOf(statement: ts.Node): readonly ImportBinding[] {
    if (this.#byDeclaration === undefined) {
      this.#byDeclaration = new Map();
      for (const binding of this.bindings.values()) {
        const list = this.#byDeclaration.get(binding.declaration) ?? [];
        list.push(binding);
        this.#byDeclaration.set(binding.declaration, list);
      }
    }
    return this.#byDeclaration.get(statement) ?? [];
  }

  /** Whether a position lies in a range the author asked the generator to leave alone. */
  isIgnored(position: number): boolean {
    return this.#ignored.some(([start, end]) => position >= start && position < end);
  }

  get hasIgnoredRanges(): boolean {
    return this.#ignored.length > 0;
  }

  /** Whether a node lies entirely in a range left alone (ignored, or skipped from the twin). */
  isIgnoredNode(node: ts.Node): boolean {
    return this.#ignored.some(
      ([start, end]) => node.end <= end && node.end > start && this.start(node) >= start,
    );
  }

  report(
    rule: DiagnosticRule,
    node: ts.Node | { start: number; end: number },
    message: string,
    suggestion?: string,
  ): void {
    const severity = this.#severity[rule] ?? 'error';
    if (severity === 'off') return;
    const start = 'kind' in node ? this.start(node) : node.start;
    const end = 'kind' in node ? node.end : node.end;
    if (this.isIgnored(start)) return;
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    this.diagnostics.push({
      severity,
      rule,
      message,
      file: this.source.fileName,
      line: lineNumberAt(this.text, start),
      column: start - lineStart + 1,
      text: this.text.slice(start, Math.min(end, start + 200)),
      frame: codeFrame(this.text, start, end),
      ...(suggestion === undefined ? {} : { suggestion }),
    });
  }

  /** What `name` refers to at `site` (an identifier, or a node with a parent in the same scope). */
  resolve(site: ts.Node, name: string): Resolution {
    this.resolvedNames.add(name);
    return this.scope.resolve(site, name);
  }

  /** The import binding an identifier refers to, if it refers to one. */
  importBinding(site: ts.Node, name: string): ImportBinding | undefined {
    const binding = this.bindings.get(name);
    if (!binding) return undefined;
    return this.resolve(site, name).kind === 'top-level' ? binding : undefined;
  }

  /** Whether an identifier is the global of that name (nothing in the file declares it). */
  isGlobal(site: ts.Node, name: string): boolean {
    return this.resolve(site, name).kind === 'global';
  }

  /** The facts of the converted file a relative specifier points at, if it points at one. */
  convertedModule(specifier: string): FileFacts | undefined {
    if (!isRelative(specifier)) return undefined;
    if (this.#converted.has(specifier)) return this.#converted.get(specifier);
    const facts = this.#findConverted(specifier);
    this.#converted.set(specifier, facts);
    return facts;
  }

  #findConverted(specifier: string): FileFacts | undefined {
    if (this.project === undefined) return undefined;
    if (this.project.files.size === 1 && this.project.files.has(this.#ownKey())) return undefined;
    const target = path.resolve(path.dirname(this.fileName), specifier).replace(/\.(?:[cm]?[jt]sx?)$/, '');
    return this.project.files.get(target) ?? this.project.files.get(path.join(target, 'index'));
  }

  /** This file's facts: from the project, or gathered when first asked for a file converted alone. */
  facts(): FileFacts | undefined {
    if (this.project !== undefined) return this.project.files.get(this.#ownKey());
    // Member renames of a lone file are decided during the walk (declared-names), so no member walk here.
    this.#ownFacts ??= collectFileFacts(this.tree, this.names, { members: false });
    return this.#ownFacts;
  }

  /** Members the naming convention renames across the project (none known for a file converted alone). */
  memberRename(name: string): string | undefined {
    return this.project?.memberRenames.get(name);
  }

  #ownKey(): string {
    return this.fileName.replace(/\.(?:[cm]?[jt]sx?)$/, '');
  }

  needImport(module: string, name: string): void {
    const names = this.neededImports.get(module) ?? new Set<string>();
    names.add(name);
    this.neededImports.set(module, names);
  }

  /** Removes a token and the spaces after it (`async ` before a function). */
  removeWithTrailingSpace(start: number, end: number): void {
    let stop = end;
    while (stop < this.text.length && (this.text[stop] === ' ' || this.text[stop] === '\t')) stop += 1;
    this.edits.remove(start, stop);
  }
}

function isCommonJs(fileName: string, tree: ts.SourceFile): boolean {
  if (/\.c[jt]s$/.test(fileName)) return true;
  if (/\.m[jt]s$/.test(fileName) || /\.tsx?$/.test(fileName)) return false;
  return !tree.statements.some(
    (statement) =>
      ts.isImportDeclaration(statement) ||
      ts.isExportDeclaration(statement) ||
      ts.isExportAssignment(statement) ||
      (ts.canHaveModifiers(statement) &&
        (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)),
  );
}
