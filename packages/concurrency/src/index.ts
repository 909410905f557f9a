export { Coalescer, type CoalescerOptions } from './coalescer.js';
export { KeyedQueue } from './keyed-queue.js';
export { runInLanes } from './lanes.js';
