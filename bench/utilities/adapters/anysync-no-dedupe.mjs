// BatchLoader with `dedupe: false`: each load() is a key of its batch, as in DataLoader with `cache: false`
// (the default, `dedupe: true`, shares a key requested twice in one batch, at the cost of a map lookup).
import { batchLoad as load } from './anysync.mjs';

export const batchLoad = (params) => load(params, false);
