import type { ContactDoc } from '../models/contact.model.js';
import { profileOf, type ProfileFields } from './profile-diff.js';

/**
 * The target's profile with the source's filling its gaps: the target's own values win, notes are joined,
 * attributes the target lacks are added, VIP if either is, opted out if either is (a person who said stop
 * from one number said stop), and the source's numbers become the target's other numbers.
 */
export function mergedProfile(target: ContactDoc, source: ContactDoc) {
  const ours = profileOf(target);
  const theirs = profileOf(source);
  const keys = new Set(ours.attributes.map((a) => a.key));
  const profile: ProfileFields = {
    name: ours.name ?? theirs.name,
    email: ours.email ?? theirs.email,
    language: ours.language ?? theirs.language,
    tier: ours.tier === 'vip' || theirs.tier === 'vip' ? 'vip' : 'standard',
    notes: joinNotes(ours.notes, theirs.notes),
    attributes: [...ours.attributes, ...theirs.attributes.filter((a) => !keys.has(a.key))],
  };
  const numbers = [source.waId, ...source.otherWaIds, ...target.otherWaIds].filter(
    (n): n is string => !!n && n !== target.waId,
  );
  return {
    ...profile,
    waId: target.waId ?? source.waId,
    userId: target.userId ?? source.userId,
    optedOut: target.optedOut || source.optedOut,
    otherWaIds: [...new Set(numbers)].filter((n) => n !== (target.waId ?? source.waId)),
  };
}

/** Joined once: a merge finished by a second request must not repeat the source's notes. */
function joinNotes(ours: string, theirs: string): string {
  if (!theirs.trim() || ours.includes(theirs)) return ours;
  return ours.trim() ? `${ours}\n\n${theirs}` : theirs;
}
