import type { TemplateStatus, whatsapp } from '@switchboard/shared';

const REASON_MAX = 500;

/**
 * What a review event means for a template's status, or null for events that do not move it (FLAGGED warns
 * before a pause, IN_APPEAL and LOCKED keep the status, ARCHIVED and deletions are WhatsApp Manager's own
 * housekeeping). A rejection keeps Meta's reason code and its explanation when it gives one.
 */
export function reviewVerdict(
  value: whatsapp.TemplateStatusUpdateValue,
): { status: TemplateStatus; rejectionReason: string | null } | null {
  switch (value.event) {
    case 'APPROVED':
    case 'REINSTATED':
      return { status: 'approved', rejectionReason: null };
    case 'PENDING':
      return { status: 'pending', rejectionReason: null };
    case 'PAUSED':
      return { status: 'paused', rejectionReason: null };
    case 'DISABLED':
      return { status: 'disabled', rejectionReason: null };
    case 'REJECTED': {
      const code = value.reason && value.reason !== 'NONE' ? value.reason : null;
      const detail = value.rejection_info?.reason ?? null;
      const reason = [code, detail].filter(Boolean).join(': ') || 'rejected by WhatsApp without a reason';
      return { status: 'rejected', rejectionReason: reason.slice(0, REASON_MAX) };
    }
    default:
      return null;
  }
}
