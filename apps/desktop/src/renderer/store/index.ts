import { create } from 'zustand';
import { createAttachmentsSlice } from './slices/attachments';
import { createBoardSlice } from './slices/board';
import { createComposerSlice } from './slices/composer';
import { createConnectionSlice } from './slices/connection';
import { createContactSlice } from './slices/contact';
import { createContextSlice } from './slices/context';
import { createFailedSendsSlice } from './slices/failed-sends';
import { createInboundDeadLettersSlice } from './slices/inbound-dead-letters';
import { createInboxSlice } from './slices/inbox';
import { createMentionsSlice } from './slices/mentions';
import { createPresenceSlice } from './slices/presence';
import { createReportsSlice } from './slices/reports';
import { createSearchSlice } from './slices/search';
import { createSessionSlice } from './slices/session';
import { createThreadSlice } from './slices/thread';
import { createToastSlice } from './slices/toasts';
import type { Store } from './types';

export const useStore = create<Store>()((...a) => ({
  ...createSessionSlice(...a),
  ...createConnectionSlice(...a),
  ...createInboxSlice(...a),
  ...createSearchSlice(...a),
  ...createThreadSlice(...a),
  ...createContextSlice(...a),
  ...createContactSlice(...a),
  ...createComposerSlice(...a),
  ...createAttachmentsSlice(...a),
  ...createFailedSendsSlice(...a),
  ...createBoardSlice(...a),
  ...createInboundDeadLettersSlice(...a),
  ...createMentionsSlice(...a),
  ...createPresenceSlice(...a),
  ...createToastSlice(...a),
  ...createReportsSlice(...a),
}));

export type { Store };
