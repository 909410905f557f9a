// The canned replies feature as other layers see it: import it through this file only.
export { CannedRenderer } from './canned-render.js';
export { CannedReplyService, type CannedActor } from './canned-reply.service.js';
