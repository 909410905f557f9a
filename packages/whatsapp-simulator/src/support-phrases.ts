/**
 * What simulated customers write to a support line, in the three languages Switchboard serves.
 * Deliberately uneven: short, misspelt, shouty, emoji-laden, the way real chats read.
 */

export type Language = 'en' | 'es' | 'pt';

export type Topic =
  | 'greeting'
  | 'order_status'
  | 'delivery_problem'
  | 'refund'
  | 'cancellation'
  | 'payment'
  | 'invoice'
  | 'product_question'
  | 'complaint'
  | 'human'
  | 'stop'
  | 'appointment'
  | 'account_access'
  | 'thanks';

export const SUPPORT_PHRASES: Readonly<Record<Topic, Readonly<Record<Language, readonly string[]>>>> = {
  greeting: {
    en: ['hi', 'Hello! anyone there?', 'hey 👋', 'good morning, i need some help'],
    es: ['hola', 'Buenas tardes 🙂', 'hola buenas, alguien me ayuda?', 'holaa'],
    pt: ['oi', 'Olá, bom dia!', 'oii tudo bem?', 'boa noite, preciso de ajuda'],
  },
  order_status: {
    en: [
      'where is my order #48213??',
      'any update on order 51907',
      'hi, my order says processing for 5 days now',
      'when will my package arrive',
    ],
    es: [
      'donde esta mi pedido 48213',
      'Hola, quería saber el estado de mi pedido #51907',
      'mi pedido sigue en preparación desde el lunes 😕',
      'cuando llega mi paquete?',
    ],
    pt: [
      'cadê meu pedido 48213?',
      'Oi, qual o status do pedido #51907?',
      'meu pedido ta parado em separação faz 5 dias',
      'quando chega minha encomenda',
    ],
  },
  delivery_problem: {
    en: [
      'the box arrived damaged 😡',
      'tracking says delivered but nothing here',
      'courier never showed up, waited all day',
      'wrong item in my package',
    ],
    es: [
      'me llegó la caja rota 😡',
      'dice entregado pero no me llegó nada',
      'el repartidor nunca vino, estuve todo el dia esperando',
      'me mandaron otro producto, no es lo que pedí',
    ],
    pt: [
      'chegou a caixa amassada 😡',
      'rastreio diz entregue mas não recebi nada',
      'o entregador não apareceu, esperei o dia todo',
      'veio o produto errado',
    ],
  },
  refund: {
    en: [
      'I want a refund',
      'how long does the refund take? returned it 2 weeks ago',
      'still no refund 💸',
      'can i get my money back for the broken one',
    ],
    es: [
      'quiero el reembolso',
      'cuanto tarda la devolucion del dinero? devolví hace 2 semanas',
      'todavia no me devolvieron la plata 💸',
      'me pueden reembolsar el que llegó roto?',
    ],
    pt: [
      'quero meu dinheiro de volta',
      'quanto tempo demora o estorno? devolvi faz 2 semanas',
      'até agora nada do reembolso 💸',
      'consigo reembolso do que veio quebrado?',
    ],
  },
  cancellation: {
    en: ['cancel my order pls', 'I need to cancel order 51907 before it ships', 'how do i cancel my subscription'],
    es: [
      'quiero cancelar mi pedido',
      'cancelen el pedido 51907 por favor antes de que lo envien',
      'como cancelo la suscripcion?',
    ],
    pt: ['quero cancelar meu pedido', 'cancela o pedido 51907 por favor antes de enviar', 'como cancelo a assinatura?'],
  },
  payment: {
    en: [
      'my card was charged twice!!',
      'payment failed but money left my account',
      'can I pay with paypal?',
      'why was I charged $49.90',
    ],
    es: [
      'me cobraron dos veces!!',
      'el pago falló pero me descontaron',
      'puedo pagar con transferencia?',
      'por que me cobraron 49,90',
    ],
    pt: [
      'fui cobrado duas vezes!!',
      'o pagamento deu erro mas saiu da minha conta',
      'da pra pagar no pix?',
      'pq cobraram R$ 49,90 no meu cartão',
    ],
  },
  invoice: {
    en: ['can you send me the invoice for my last order', 'I need a receipt with my company name'],
    es: [
      'me pueden mandar la factura del ultimo pedido?',
      'necesito factura a nombre de mi empresa, les paso los datos',
    ],
    pt: ['preciso da nota fiscal do último pedido', 'pode emitir a NF no CNPJ da minha empresa?'],
  },
  product_question: {
    en: [
      'does it come in blue?',
      'is the M size true to size?',
      'do you ship to Canada',
      'is this compatible with iphone 15',
    ],
    es: ['lo tienen en azul?', 'la talla M es normal o chica?', 'hacen envios a Chile?', 'es compatible con iphone 15'],
    pt: ['tem na cor azul?', 'o tamanho M veste normal?', 'vocês entregam em Portugal?', 'é compatível com iphone 15?'],
  },
  complaint: {
    en: [
      'this is the third time I write and nobody answers',
      'terrible service honestly',
      'I will report this to consumer protection',
    ],
    es: [
      'es la tercera vez que escribo y nadie responde',
      'pesimo servicio la verdad',
      'voy a hacer la denuncia en profeco',
    ],
    pt: [
      'é a terceira vez que mando mensagem e ninguém responde',
      'atendimento péssimo',
      'vou abrir reclamação no procon',
    ],
  },
  human: {
    en: ['talk to a human', 'can I speak with a real person please', 'agent', 'HUMAN'],
    es: ['quiero hablar con una persona', 'me pasas con un asesor?', 'agente', 'HUMANO por favor'],
    pt: ['quero falar com um atendente', 'tem alguém humano aí?', 'atendente', 'falar com pessoa'],
  },
  stop: {
    en: ['STOP', 'stop sending me messages', 'unsubscribe'],
    es: ['STOP', 'no me manden mas mensajes', 'BAJA'],
    pt: ['PARAR', 'STOP', 'não quero mais receber mensagens'],
  },
  appointment: {
    en: [
      'can I book an appointment for tuesday at 3pm?',
      'need to reschedule my appointment',
      'is there any slot tomorrow morning',
    ],
    es: [
      'quisiera agendar una cita para el martes a las 3',
      'necesito cambiar mi cita',
      'tienen horario mañana temprano?',
    ],
    pt: ['quero agendar um horário terça às 15h', 'preciso remarcar meu agendamento', 'tem horário amanhã cedo?'],
  },
  account_access: {
    en: ["can't log in, it says wrong password", 'never got the verification code', 'my account got blocked??'],
    es: ['no puedo entrar a mi cuenta', 'no me llega el codigo de verificacion', 'me bloquearon la cuenta??'],
    pt: ['não consigo entrar na minha conta', 'o código de verificação não chega', 'minha conta foi bloqueada??'],
  },
  thanks: {
    en: ['thanks!', 'ok great thank you 🙏', 'perfect 👍'],
    es: ['gracias!', 'listo, muchas gracias 🙏', 'perfecto 👍'],
    pt: ['obrigado!', 'valeu 🙏', 'perfeito, obrigada 👍'],
  },
};

export const IMAGE_CAPTIONS: Readonly<Record<Language, readonly string[]>> = {
  en: ['this is how it arrived', 'screenshot of the charge', 'see the label', ''],
  es: ['asi me llegó', 'captura del cobro', 'miren la etiqueta', ''],
  pt: ['olha como chegou', 'print da cobrança', 'foto da etiqueta', ''],
};

export const DOCUMENTS: ReadonlyArray<{
  filename: string;
  mimeType: string;
  caption: Readonly<Record<Language, string>>;
}> = [
  {
    filename: 'receipt-48213.pdf',
    mimeType: 'application/pdf',
    caption: { en: 'my receipt', es: 'mi comprobante', pt: 'meu comprovante' },
  },
  {
    filename: 'comprovante_pix.pdf',
    mimeType: 'application/pdf',
    caption: { en: 'proof of payment', es: 'comprobante de pago', pt: 'comprovante do pix' },
  },
  {
    filename: 'company-details.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    caption: { en: 'invoice details', es: 'datos para la factura', pt: 'dados pra nota' },
  },
];

export const BUTTON_REPLIES: Readonly<Record<Language, ReadonlyArray<{ id: string; title: string }>>> = {
  en: [
    { id: 'track_order', title: 'Track my order' },
    { id: 'talk_agent', title: 'Talk to an agent' },
    { id: 'yes', title: 'Yes' },
  ],
  es: [
    { id: 'track_order', title: 'Rastrear pedido' },
    { id: 'talk_agent', title: 'Hablar con asesor' },
    { id: 'yes', title: 'Sí' },
  ],
  pt: [
    { id: 'track_order', title: 'Rastrear pedido' },
    { id: 'talk_agent', title: 'Falar c/ atendente' },
    { id: 'yes', title: 'Sim' },
  ],
};

export const LIST_REPLIES: Readonly<
  Record<Language, ReadonlyArray<{ id: string; title: string; description: string }>>
> = {
  en: [
    { id: 'topic_returns', title: 'Returns', description: 'Return or exchange an item' },
    { id: 'topic_billing', title: 'Billing', description: 'Charges and invoices' },
  ],
  es: [
    { id: 'topic_returns', title: 'Devoluciones', description: 'Devolver o cambiar un producto' },
    { id: 'topic_billing', title: 'Facturación', description: 'Cobros y facturas' },
  ],
  pt: [
    { id: 'topic_returns', title: 'Trocas', description: 'Trocar ou devolver um item' },
    { id: 'topic_billing', title: 'Cobrança', description: 'Cobranças e notas' },
  ],
};

export const TEMPLATE_BUTTONS: Readonly<Record<Language, ReadonlyArray<{ text: string; payload: string }>>> = {
  en: [
    { text: 'Confirm delivery', payload: 'CONFIRM_DELIVERY' },
    { text: 'Reschedule', payload: 'RESCHEDULE' },
  ],
  es: [
    { text: 'Confirmar entrega', payload: 'CONFIRM_DELIVERY' },
    { text: 'Reprogramar', payload: 'RESCHEDULE' },
  ],
  pt: [
    { text: 'Confirmar entrega', payload: 'CONFIRM_DELIVERY' },
    { text: 'Remarcar', payload: 'RESCHEDULE' },
  ],
};

export const REACTION_EMOJI = ['👍', '❤️', '😂', '😮', '😢', '🙏', '😡'] as const;
