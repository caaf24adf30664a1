// I/O-free: what users import. Both twins, the protocol's types and the error both twins throw.
export { AsyncRandintClient } from './async/index.js';
export type { RandintAddress, RandintProtocol } from './shared/randint-protocol.js';
export { RandintServerError } from './shared/randint-server-error.js';
export { RandintClient } from './sync/index.js';
