export * from './envelope.schema.js';
export * from './message.schema.js';
export * from './status.schema.js';
export * from './template-status.schema.js';
