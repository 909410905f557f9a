// The mentions feature as other layers see it: import it through this file only.
export { MentionService } from './mention.service.js';
