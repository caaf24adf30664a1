// I/O-free: what users import. Both twins and the protocol's types.
export { AsyncRandintClient } from './async/index.js';
export type { RandintAddress } from './shared/randint-protocol.js';
export { RandintClient } from './sync/index.js';
