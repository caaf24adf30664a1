export { AsyncDatabase } from './database.js';
export { AsyncTransaction } from './transaction.js';
