import { type HandleMarker, Op, type ShapeRecord } from '../protocol.js';
import type { Connection } from './connection.js';
import { materialize } from './materialize.js';
import { remoteFunction } from './remote-function.js';

/**
 * The proxy of a module namespace (or of a plain object of functions exported by one): a null-prototype
 * object whose own enumerable properties mirror the exports, so it can be destructured, listed and
 * awaited safely. Functions call the worker; classes and objects with methods are handles; plain values
 * are the snapshot taken when the module was loaded; anything else is read from the worker on access.
 */
export function remoteNamespace(connection: Connection, marker: HandleMarker): object {
  const shape = marker.shape as ShapeRecord;
  const proxy = Object.create(null) as Record<string, unknown>;
  const owner = shape.name && shape.name !== 'Object' ? shape.name : 'module';
  // Adopted first, so a namespace that refers to itself resolves to this same proxy.
  connection.handles.adopt(proxy, marker.id, 'object', owner, marker.pinned);
  for (const member of shape.members) {
    const label = `${owner}.${member.name}`;
    let descriptor: PropertyDescriptor;
    if (member.kind === 'function' || member.kind === 'asyncGenerator' || member.kind === 'generator') {
      const signature = { name: member.name, length: member.length };
      const spec = { target: marker.id, name: member.nameId, label, kind: member.kind, signature };
      descriptor = { value: remoteFunction(connection, spec) };
    } else if (member.kind === 'class' || member.kind === 'object') {
      descriptor = { value: materialize(connection, member.handle, 'sync') };
    } else if (member.kind === 'value') {
      descriptor = { value: member.value };
    } else {
      const { nameId } = member;
      descriptor = { get: () => connection.call(Op.get, marker.id, nameId, [], undefined, label) };
    }
    Object.defineProperty(proxy, member.name, { ...descriptor, enumerable: true });
  }
  Object.defineProperty(proxy, Symbol.toStringTag, { value: 'Module' });
  return proxy;
}
