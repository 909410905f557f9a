import { afterEach, describe, expect, it } from 'vitest';
import { REFUSED_PROVIDER_CODES } from '@switchboard/shared';
import { i18n } from '../i18n';
import { deliveryFailureText } from './delivery-failure';

const refused = (code: number, failureReason: string | null = 'The server said it in English.') => ({
  status: 'failed' as const,
  error: { code, title: 'Re-engagement message', message: null, details: null },
  failureReason,
  attempts: 1,
});

afterEach(() => i18n.changeLanguage('en'));

describe('why a reply was not delivered, as the bubble says it', () => {
  it("says WhatsApp's refusal in the agent's language", async () => {
    await i18n.changeLanguage('es');
    expect(deliveryFailureText(refused(131047))).toBe(
      'El cliente no ha escrito en las últimas 24 horas. Envía una plantilla aprobada para reabrir la conversación.',
    );
    await i18n.changeLanguage('pt');
    expect(deliveryFailureText(refused(131026))).toMatch(/^O WhatsApp não conseguiu entregar para este número/);
  });

  it('has words for every refusal the server explains, in every language', async () => {
    for (const locale of ['en', 'es', 'pt']) {
      await i18n.changeLanguage(locale);
      for (const code of REFUSED_PROVIDER_CODES)
        expect({ locale, code, known: i18n.exists(`thread:failure.provider.${code}`) }).toEqual({
          locale,
          code,
          known: true,
        });
    }
  });

  it("counts the tries of a reply given up, and keeps the server's words for a refusal it has none for", async () => {
    await i18n.changeLanguage('es');
    expect(deliveryFailureText({ ...refused(131016), status: 'dead', attempts: 8 })).toMatch(/tras 8 intentos/);
    expect(deliveryFailureText(refused(999_999, 'Something only the server knows.'))).toBe(
      'Something only the server knows.',
    );
    expect(deliveryFailureText({ ...refused(999_999, null), error: null })).toBe('WhatsApp lo rechazó');
  });
});
