import type { HandleMarker } from '../protocol.js';
import { AsyncRemoteIterator } from './async-remote-iterator.js';
import type { Connection, Lane } from './connection.js';
import { remoteClass, remoteInstance } from './remote-object.js';
import { remoteFunction } from './remote-function.js';
import { remoteNamespace } from './remote-namespace.js';
import { SyncRemoteIterator } from './sync-remote-iterator.js';

/**
 * The caller's object for a worker object: the live handle if this worker object already has one,
 * otherwise a new handle of the marker's kind. Iterators become sync or async iterators depending on the
 * lane the reply came by.
 */
export function materialize(connection: Connection, marker: HandleMarker, lane: Lane): object {
  const existing = connection.handles.find(marker.id);
  if (existing) return existing;
  switch (marker.kind) {
    case 'class':
      return remoteClass(connection, marker);
    case 'function':
      return remoteFunction(
        connection,
        { target: marker.id, name: -1, label: 'function', kind: 'function' },
        marker,
      );
    case 'iterator':
      return lane === 'sync'
        ? new SyncRemoteIterator(connection, marker.id)
        : new AsyncRemoteIterator(connection, marker.id);
    default:
      return marker.namespace ? remoteNamespace(connection, marker) : remoteInstance(connection, marker);
  }
}
