import type { TemplateStatus, whatsapp } from '@switchboard/shared';

const REASON_MAX = 500;

/**
 * What a review event means for a template's status, or null for events that do not move it here (PAUSED,
 * DISABLED, FLAGGED, ARCHIVED…: the catalogue has no such statuses yet, and a send of such a template is
 * refused by WhatsApp itself). A rejection keeps Meta's reason code and its explanation when it gives one.
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
