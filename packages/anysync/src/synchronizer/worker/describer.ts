import { isCloneableBuiltin } from '../wire/cloneable-builtin.js';
import {
  type CallableKind,
  type HandleKind,
  type HandleMarker,
  MARK,
  type MemberRecord,
  type OwnMethod,
  type ShapeRecord,
  type Signature,
} from '../protocol.js';
import type { NameTable } from './name-table.js';
import { primeLineIterator } from './prime-line-iterator.js';
import { ownLayoutText } from '../wire/own-layout-text.js';
import type { ObjectTable } from './object-table.js';

/** Most own-property layouts recorded per class (see `#layout`). */
const MAX_LAYOUTS = 64;
const SKIPPED_STATICS = new Set(['length', 'name', 'prototype', 'caller', 'arguments']);

/**
 * Describes worker objects to the caller: which members are callable (and of what kind), which are
 * accessors or fields, whether the object can be disposed or iterated. Shapes are built once per class
 * (keyed by prototype) or per namespace object and reused for every handle of that kind.
 */
export class Describer {
  readonly #shapes = new WeakMap<object, ShapeRecord>();
  readonly #byKey = new Map<number, ShapeRecord>();
  readonly #sent = new Set<number>();
  /** Own-property layouts of instances, by class prototype and then by the layout's text. */
  readonly #layouts = new WeakMap<object, Map<string, ShapeRecord>>();
  #nextKey = 1;

  constructor(
    private readonly names: NameTable,
    private readonly table: ObjectTable,
  ) {}

  /** A marker for `value`, registering it in the object table. */
  marker(value: object, kind: HandleKind, pinned = false): HandleMarker {
    const marker: HandleMarker = { [MARK]: 'handle', id: this.table.export(value, pinned), kind };
    if (pinned) marker.pinned = true;
    if (kind === 'function') marker.signature = signatureOf(value, '');
    else if (kind === 'class') marker.shape = this.#classShape(value as () => unknown);
    else if (kind === 'object' && isNamespace(value)) {
      marker.shape = this.#namespaceShape(value);
      marker.namespace = true;
    } else if (kind === 'object') {
      marker.shape = this.#instanceShape(value);
      this.#ownMembers(value, marker);
      primeLineIterator(value);
    }
    if (marker.shape) marker.shapeKey = marker.shape.key;
    return marker;
  }

  /**
   * An instance's own enumerable properties: data fields, and the functions some hold (arrow functions in
   * class fields, methods bound in the constructor), which become methods of the handle. Told by
   * descriptor: a getter among them runs when the caller reads it, not now.
   */
  #ownMembers(value: object, marker: HandleMarker): void {
    const fields: [string, number][] = [];
    const methods: OwnMethod[] = [];
    for (const key of Object.keys(value)) {
      const held: unknown = Object.getOwnPropertyDescriptor(value, key)?.value;
      const kind = typeof held === 'function' ? callableKind(held) : 'class';
      if (kind === 'class') fields.push([key, this.names.id(key)]);
      else methods.push([key, this.names.id(key), kind, signatureOf(held as object, key).length]);
    }
    if (fields.length === 0 && methods.length === 0) return;
    const layout = this.#layout(Object.getPrototypeOf(value) as object, fields, methods);
    if (layout) {
      marker.layout = layout;
      marker.layoutKey = layout.key;
    } else {
      marker.fields = fields;
      if (methods.length > 0) marker.methods = methods;
    }
  }

  /**
   * The record of these own fields and methods, one per class and set of own properties, so a handle's
   * marker names it by key (16 bytes, no serializer) once the caller has it. Undefined past
   * `MAX_LAYOUTS` of one class: instances that are dictionaries (own keys from data) send theirs each time.
   */
  #layout(proto: object, fields: [string, number][], methods: OwnMethod[]): ShapeRecord | undefined {
    let byText = this.#layouts.get(proto);
    if (!byText) {
      byText = new Map();
      this.#layouts.set(proto, byText);
    }
    const text = ownLayoutText(fields, methods);
    let layout = byText.get(text);
    if (layout || byText.size >= MAX_LAYOUTS) return layout;
    const members: MemberRecord[] = fields.map(([name, nameId]) => ({ name, nameId, kind: 'field' }));
    for (const [name, nameId, kind, length] of methods) members.push({ name, nameId, kind, length });
    layout = { key: this.#nextKey++, name: '', members, dispose: null, iterate: null };
    this.#byKey.set(layout.key, layout);
    byText.set(text, layout);
    return layout;
  }

  /**
   * Leaves out a class or instance shape this caller has already been sent, for replies it is certain to
   * read (blocking replies it waits for). If one was lost after all, the caller asks with `describe`.
   */
  compact(marker: HandleMarker): void {
    const { layout } = marker;
    if (layout) {
      if (this.#sent.has(layout.key)) delete marker.layout;
      else this.#sent.add(layout.key);
    }
    const shape = marker.shape;
    if (!shape || marker.namespace) return;
    if (this.#sent.has(shape.key)) {
      delete marker.shape;
      return;
    }
    this.#sent.add(shape.key);
    if (shape.instance) this.#sent.add(shape.instance.key);
  }

  /** The shape with this key, for a caller that lost it. */
  describe(key: number): ShapeRecord {
    const shape = this.#byKey.get(key);
    if (!shape) throw new RangeError(`unknown shape #${key}`);
    return shape;
  }

  #namespaceShape(value: object): ShapeRecord {
    const known = this.#shapes.get(value);
    if (known) return known;
    // Cached before its members are described: namespaces may refer to themselves (path.posix.posix).
    const shape = this.#shape(value, [], value);
    this.#shapes.set(value, shape);
    for (const name of Object.keys(value)) shape.members.push(this.#propertyMember(value, name));
    return shape;
  }

  /** A getter stays one: read from the worker on each access, never run to describe it. */
  #propertyMember(owner: object, name: string): MemberRecord {
    const descriptor = Object.getOwnPropertyDescriptor(owner, name);
    if (descriptor && !('value' in descriptor)) return { name, nameId: this.names.id(name), kind: 'field' };
    return this.#namespaceMember(name, descriptor?.value);
  }

  #namespaceMember(name: string, exported: unknown): MemberRecord {
    const nameId = this.names.id(name);
    // An object with methods stays on the worker, told by its descriptors: no getter runs for it here.
    if (isPlainRecord(exported) && holdsFunction(exported)) {
      return { name, nameId, kind: 'object', handle: this.marker(exported, 'object', true) };
    }
    // A data-only object is read once, as a structured clone reads it: its getters run once, not once for
    // every check below and again when it is sent.
    const value = isPlainRecord(exported) ? snapshot(exported) : exported;
    if (typeof value === 'function') {
      const kind = callableKind(value);
      if (kind !== 'class') return { name, nameId, kind, length: signatureOf(value, name).length };
      return { name, nameId, kind: 'class', handle: this.marker(value, 'class', true) };
    }
    // Arrays and built-ins structured clone copies whole (a Date, a Map, an Error) are values, as they are
    // in results: their methods live on prototypes the caller has too.
    if (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      !isCloneableBuiltin(value) &&
      hasMethods(value)
    ) {
      return { name, nameId, kind: 'object', handle: this.marker(exported as object, 'object', true) };
    }
    if (isCloneable(value)) return { name, nameId, kind: 'value', value };
    return { name, nameId, kind: 'field' };
  }

  #classShape(ctor: () => unknown): ShapeRecord {
    return this.#cached(ctor, () => {
      const members: MemberRecord[] = [];
      for (let level: unknown = ctor; typeof level === 'function' && level !== Function.prototype; ) {
        for (const name of Object.getOwnPropertyNames(level)) {
          if (SKIPPED_STATICS.has(name) || members.some((m) => m.name === name)) continue;
          members.push(this.#protoMember(name, Object.getOwnPropertyDescriptor(level, name)));
        }
        level = Object.getPrototypeOf(level);
      }
      const shape = this.#shape(ctor, members, ctor);
      shape.name = ctor.name;
      shape.instance = this.#instanceShape(Object.create(ctor.prototype as object));
      return shape;
    });
  }

  #instanceShape(value: object): ShapeRecord {
    const proto = Object.getPrototypeOf(value) as object;
    return this.#cached(proto, () => {
      const members: MemberRecord[] = [];
      for (let level = proto; level && level !== Object.prototype; level = Object.getPrototypeOf(level)) {
        for (const name of Object.getOwnPropertyNames(level)) {
          if (name === 'constructor' || members.some((m) => m.name === name)) continue;
          members.push(this.#protoMember(name, Object.getOwnPropertyDescriptor(level, name)));
        }
      }
      return this.#shape(value, members, proto);
    });
  }

  #protoMember(name: string, descriptor: PropertyDescriptor | undefined): MemberRecord {
    const nameId = this.names.id(name);
    if (descriptor?.get || descriptor?.set) {
      return { name, nameId, kind: 'accessor', get: !!descriptor.get, set: !!descriptor.set };
    }
    const value: unknown = descriptor?.value;
    if (typeof value !== 'function') return { name, nameId, kind: 'field' };
    const kind = callableKind(value);
    if (kind === 'class') return { name, nameId, kind: 'field' };
    return { name, nameId, kind, length: signatureOf(value, name).length };
  }

  #shape(value: object, members: MemberRecord[], named: object): ShapeRecord {
    const probe = value as Record<symbol, unknown>;
    const dispose = has(probe, Symbol.asyncDispose) ? 'async' : has(probe, Symbol.dispose) ? 'sync' : null;
    const iterate = has(probe, Symbol.asyncIterator) ? 'async' : has(probe, Symbol.iterator) ? 'sync' : null;
    const name = (named as { constructor?: { name?: unknown } }).constructor?.name;
    const shape: ShapeRecord = {
      key: this.#nextKey++,
      name: typeof name === 'string' ? name : '',
      members,
      dispose,
      iterate,
    };
    this.#byKey.set(shape.key, shape);
    return shape;
  }

  #cached(key: object, build: () => ShapeRecord): ShapeRecord {
    let shape = this.#shapes.get(key);
    if (!shape) {
      shape = build();
      this.#shapes.set(key, shape);
    }
    return shape;
  }
}

function has(value: Record<symbol, unknown>, symbol: symbol | undefined): boolean {
  return symbol !== undefined && typeof value[symbol] === 'function';
}

/** A function's `name` and `length` as the caller's function should show them (`fallback` for no name). */
function signatureOf(fn: object, fallback: string): Signature {
  const { name, length } = fn as { name?: unknown; length?: unknown };
  return {
    name: typeof name === 'string' && name !== '' ? name : fallback,
    length: typeof length === 'number' && Number.isInteger(length) && length >= 0 ? length : 0,
  };
}

/** What kind of callable `fn` is; classes are told apart by their source text, the only reliable sign. */
export function callableKind(fn: object): CallableKind | 'class' {
  const tag = Object.prototype.toString.call(fn);
  if (tag === '[object AsyncGeneratorFunction]') return 'asyncGenerator';
  if (tag === '[object GeneratorFunction]') return 'generator';
  return Function.prototype.toString.call(fn).startsWith('class') ? 'class' : 'function';
}

/**
 * Plain objects and module namespaces are described by their own properties, not their prototype. Bun
 * gives namespaces a prototype (with an `__esModule` accessor), so they are also told by their tag.
 */
export function isNamespace(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype || isModuleNamespace(value);
}

function isModuleNamespace(value: object): boolean {
  return (value as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === 'Module';
}

/** The record's own enumerable properties, each read once; where it referred to itself, the copy does. */
function snapshot(record: object): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...record };
  for (const key of Object.keys(copy)) if (copy[key] === record) copy[key] = copy;
  return copy;
}

/** Whether an own enumerable data property holds a function; getters are not run to find out. */
function holdsFunction(record: object): boolean {
  return Object.keys(record).some(
    (key) => typeof Object.getOwnPropertyDescriptor(record, key)?.value === 'function',
  );
}

function isPlainRecord(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && !isModuleNamespace(value);
}

/** Whether `value` carries behaviour that a structured clone would silently drop. */
export function hasMethods(value: object): boolean {
  if (isNamespace(value)) return hasFunctionMember(value);
  for (let level = Object.getPrototypeOf(value); level && level !== Object.prototype; ) {
    for (const name of Object.getOwnPropertyNames(level)) {
      if (name === 'constructor') continue;
      const descriptor = Object.getOwnPropertyDescriptor(level, name);
      if (typeof descriptor?.value === 'function' || descriptor?.get) return true;
    }
    level = Object.getPrototypeOf(level);
  }
  return hasFunctionMember(value);
}

/**
 * Whether an enumerable property holds a function. `for…in` makes no array of keys: every plain object of
 * a result is asked, and results can hold many.
 */
function hasFunctionMember(value: object): boolean {
  for (const key in value) {
    if (typeof (value as Record<string, unknown>)[key] === 'function') return true;
  }
  return false;
}

function isCloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}
