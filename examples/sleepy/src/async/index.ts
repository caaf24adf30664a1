export { AsyncSleeper } from './sleeper.js';
