import { type HandleMarker, type MemberRecord, Op, type OwnMethod, type ShapeRecord } from '../protocol.js';
import { ownLayoutText } from '../wire/own-layout-text.js';
import { AsyncRemoteIterator } from './async-remote-iterator.js';
import type { Connection } from './connection.js';
import { handleState, liveState } from './handle-table.js';
import { remoteFunction } from './remote-function.js';

/**
 * Builds the prototype shared by every handle of one worker class: methods are bound to the handle on
 * first access (so `handle.method.async(...)` keeps its receiver), accessors and fields read and write
 * the worker object, and disposal and iteration map to their sync forms.
 */
export function prototypeFor(connection: Connection, shape: ShapeRecord): object {
  let proto = connection.prototypes.get(shape.key);
  if (proto) return proto;
  proto = Object.create(Object.prototype) as object;
  for (const member of shape.members) defineMember(connection, proto, member, shape.name);
  defineLifecycle(connection, proto, shape);
  connection.prototypes.set(shape.key, proto);
  return proto;
}

function defineMember(connection: Connection, proto: object, member: MemberRecord, owner: string): void {
  const label = `${owner}.${member.name}`;
  if (member.kind === 'function' || member.kind === 'asyncGenerator' || member.kind === 'generator') {
    defineMethod(connection, proto, [member.name, member.nameId, member.kind, member.length], label, false);
  } else if (member.kind === 'accessor' || member.kind === 'field') {
    defineProperty(connection, proto, member.name, member.nameId, label);
  }
}

/**
 * A method of the handles that read it through `on` (their prototype, or one handle), bound to the handle
 * on first access, so `handle.method.async(...)` keeps its receiver.
 */
function defineMethod(
  connection: Connection,
  on: object,
  method: OwnMethod,
  label: string,
  enumerable: boolean,
): void {
  Object.defineProperty(on, method[0], methodDescriptor(connection, method, label, enumerable));
}

function methodDescriptor(
  connection: Connection,
  [name, nameId, kind, length]: OwnMethod,
  label: string,
  enumerable: boolean,
): PropertyDescriptor {
  const signature = { name, length };
  return {
    configurable: true,
    enumerable,
    get(this: object) {
      const spec = { target: 0, name: nameId, label, kind, self: this, signature };
      const bound = remoteFunction(connection, spec);
      Object.defineProperty(this, name, { value: bound, configurable: true, writable: true, enumerable });
      return bound;
    },
  };
}

/** A property whose reads and writes go to the worker object (blocking). */
export function defineProperty(
  connection: Connection,
  on: object,
  name: string,
  nameId: number,
  label: string,
) {
  Object.defineProperty(on, name, propertyDescriptor(connection, nameId, label));
}

function propertyDescriptor(connection: Connection, nameId: number, label: string): PropertyDescriptor {
  return {
    configurable: true,
    enumerable: true,
    get(this: object) {
      return connection.call(Op.get, liveState(this).id, nameId, [], undefined, label);
    },
    set(this: object, value: unknown) {
      connection.call(Op.set, liveState(this).id, nameId, [value], undefined, label);
    },
  };
}

function defineLifecycle(connection: Connection, proto: object, shape: ShapeRecord): void {
  const methods: Record<string | symbol, unknown> = {
    [Symbol.dispose](this: object) {
      const state = handleState(this);
      if (!state || state.released) return;
      if (shape.dispose) connection.call(Op.dispose, state.id, -1, [], undefined, `${state.label}[dispose]`);
      state.owner.release(state, !shape.dispose);
    },
    async [Symbol.asyncDispose](this: object) {
      const state = handleState(this);
      if (!state || state.released) return;
      const call = { op: Op.dispose, target: state.id, name: -1, args: [], label: `${state.label}[dispose]` };
      if (shape.dispose) await connection.callAsync(call, undefined, this);
      state.owner.release(state, !shape.dispose);
    },
    [Symbol.for('nodejs.util.inspect.custom')](this: object) {
      return `[${handleState(this)?.label ?? shape.name} on the worker]`;
    },
  };
  if (shape.iterate) {
    methods[Symbol.iterator] = function (this: object) {
      return connection.call(Op.iterate, liveState(this).id, -1, [], undefined, `${shape.name}[iterate]`);
    };
    methods[Symbol.asyncIterator] = function (this: object) {
      const call = {
        op: Op.iterate,
        target: liveState(this).id,
        name: -1,
        args: [],
        label: `${shape.name}[iterate]`,
      };
      return AsyncRemoteIterator.deferred(() =>
        connection.callAsync<AsyncRemoteIterator>(call, undefined, this),
      );
    };
  }
  for (const key of Reflect.ownKeys(methods)) {
    Object.defineProperty(proto, key, { value: methods[key], configurable: true, writable: true });
  }
  Object.defineProperty(proto, Symbol.toStringTag, {
    value: shape.name || 'RemoteObject',
    configurable: true,
  });
}

/** The handle for a worker instance: its class prototype, plus accessors for its own data fields. */
export function remoteInstance(connection: Connection, marker: HandleMarker): object {
  const shape = connection.shapeOf(marker);
  const proto = prototypeFor(connection, shape);
  const handle = Object.create(proto) as object;
  const layout = connection.layoutOf(marker);
  if (layout) {
    Object.defineProperties(
      handle,
      ownDescriptors(connection, shape, proto, `#${layout.key}`, () => ownOf(layout)),
    );
  } else if (marker.fields?.length || marker.methods) {
    const fields = marker.fields ?? [];
    const methods = marker.methods ?? [];
    const key = `${shape.key}|${ownLayoutText(fields, methods)}`;
    Object.defineProperties(
      handle,
      ownDescriptors(connection, shape, proto, key, () => ({ fields, methods })),
    );
  }
  connection.handles.adopt(
    handle,
    marker.id,
    'object',
    `${shape.name || 'object'}#${marker.id}`,
    marker.pinned,
  );
  return handle;
}

/** Most layouts of handles' own properties kept per connection. */
const MAX_LAYOUTS = 1024;

/**
 * The accessors and methods for a handle's own properties. Instances of a class mostly have the same own
 * properties, so the descriptors are built once per layout and shared: the handles then share their
 * functions (and V8 their hidden class), some 60 bytes a handle rather than kilobytes.
 */
function ownDescriptors(
  connection: Connection,
  shape: ShapeRecord,
  proto: object,
  key: string,
  own: () => { fields: [string, number][]; methods: OwnMethod[] },
): PropertyDescriptorMap {
  let descriptors = connection.layouts.get(key);
  if (descriptors) return descriptors;
  const { fields, methods } = own();
  descriptors = {};
  for (const [field, nameId] of fields) {
    // A field the class also has as a member (an accessor) is read through that member.
    if (!(field in proto))
      descriptors[field] = propertyDescriptor(connection, nameId, `${shape.name}.${field}`);
  }
  // Own properties of the worker object, so enumerable here too; they shadow the class's members there.
  for (const method of methods) {
    descriptors[method[0]] = methodDescriptor(connection, method, `${shape.name}.${method[0]}`, true);
  }
  // Objects used as dictionaries (keys set from data) would make a layout per instance: those go uncached.
  if (connection.layouts.size < MAX_LAYOUTS) connection.layouts.set(key, descriptors);
  return descriptors;
}

/** A layout record's members as the fields and methods a marker would list. */
function ownOf(layout: ShapeRecord): { fields: [string, number][]; methods: OwnMethod[] } {
  const fields: [string, number][] = [];
  const methods: OwnMethod[] = [];
  for (const member of layout.members) {
    if (member.kind === 'function' || member.kind === 'generator' || member.kind === 'asyncGenerator') {
      methods.push([member.name, member.nameId, member.kind, member.length]);
    } else fields.push([member.name, member.nameId]);
  }
  return { fields, methods };
}

/** The caller's class for a worker class: `new` constructs on the worker, statics are remote members. */
export function remoteClass(connection: Connection, marker: HandleMarker): object {
  const shape = connection.shapeOf(marker);
  const label = shape.name || 'class';
  const construct = { op: Op.construct, target: marker.id, name: -1, label: `new ${label}` };
  const Remote = function (this: unknown, ...args: unknown[]) {
    if (!new.target) throw new TypeError(`Class constructor ${label} cannot be invoked without 'new'`);
    return connection.call(Op.construct, marker.id, -1, args, undefined, construct.label);
  } as unknown as Record<string, unknown> & (() => unknown);
  Object.defineProperty(Remote, 'name', { value: label });
  const proto = shape.instance ? prototypeFor(connection, shape.instance) : {};
  Object.defineProperty(proto, 'constructor', { value: Remote, configurable: true, writable: true });
  Remote.prototype = proto;
  Remote.async = (...args: unknown[]) => connection.callAsync({ ...construct, args }, undefined);
  for (const member of shape.members) defineStatic(connection, Remote, marker.id, member, label);
  connection.handles.adopt(Remote, marker.id, 'class', label, marker.pinned);
  return Remote;
}

function defineStatic(
  connection: Connection,
  on: object,
  id: number,
  member: MemberRecord,
  owner: string,
): void {
  const label = `${owner}.${member.name}`;
  if (member.kind === 'function' || member.kind === 'asyncGenerator' || member.kind === 'generator') {
    const fn = remoteFunction(connection, {
      target: id,
      name: member.nameId,
      label,
      kind: member.kind,
      self: on,
      signature: { name: member.name, length: member.length },
    });
    Object.defineProperty(on, member.name, { value: fn, configurable: true, writable: true });
  } else if (member.kind === 'value') {
    Object.defineProperty(on, member.name, { value: member.value, configurable: true, writable: true });
  } else if (member.kind === 'accessor' || member.kind === 'field') {
    defineProperty(connection, on, member.name, member.nameId, label);
  }
}
