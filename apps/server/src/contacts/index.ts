// The contacts feature (profiles, their change records, merges) as other layers see it: import it here only.
export { ContactChanges, type ContactActor } from './contact-changes.js';
export { ContactMerges } from './contact-merge.service.js';
export { ContactProfiles } from './contact-profile.service.js';
