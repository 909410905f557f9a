import type { CsatWording, Language } from '@switchboard/shared';

/** What a channel's survey says until an admin words it otherwise: buttons 1 (unhappy), 2, 3 (happy). */
export const DEFAULT_WORDING: Record<Language, CsatWording> = {
  en: {
    question: 'How would you rate the help you got today?',
    buttons: ['😞 Not good', '😐 OK', '😀 Great'],
    thanks: 'Thank you for your rating! If you want to tell us more, just reply to this message.',
  },
  es: {
    question: '¿Cómo valorarías la ayuda que recibiste hoy?',
    buttons: ['😞 Mala', '😐 Regular', '😀 Excelente'],
    thanks: '¡Gracias por tu valoración! Si quieres contarnos algo más, responde a este mensaje.',
  },
  pt: {
    question: 'Como você avalia a ajuda que recebeu hoje?',
    buttons: ['😞 Ruim', '😐 Regular', '😀 Ótima'],
    thanks: 'Obrigado pela sua avaliação! Se quiser nos contar mais, é só responder a esta mensagem.',
  },
};

export const DEFAULT_TEMPLATE = 'csat_survey';

/** The template's language codes tried for a customer's language, most usual first. */
export const TEMPLATE_LANGUAGES: Record<Language, string[]> = {
  en: ['en_US', 'en', 'en_GB'],
  es: ['es', 'es_ES', 'es_MX', 'es_AR'],
  pt: ['pt_BR', 'pt_PT'],
};
