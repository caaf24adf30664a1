export { AsyncRandintClient } from './randint-client.js';
