import * as content from './inbound-content.js';
import * as replies from './inbound-replies.js';

/**
 * Every inbound message type as Meta's `messages` webhook carries it, e.g.
 * `inbound.text({ from: '5511987654321', name: 'Ana', body: 'Oi!' })`.
 */
export const inbound = { ...content, ...replies };

export { ctwaReferral, replyContext, type MediaOptions, type SenderOptions } from './inbound-common.js';
