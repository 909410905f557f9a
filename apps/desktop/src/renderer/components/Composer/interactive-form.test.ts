import { describe, expect, it } from 'vitest';
import { checkForm, emptyForm, type InteractiveForm } from './interactive-form';

const buttons = (over: Partial<InteractiveForm> = {}): InteractiveForm => ({
  ...emptyForm(),
  body: '¿Cómo seguimos con tu pedido?',
  buttons: ['Rastrear pedido', 'Cambiar dirección', 'Hablar con alguien'],
  ...over,
});

describe('the interactive reply form', () => {
  it('makes reply buttons with ids from their titles, leaving blank optional parts out', () => {
    expect(checkForm(buttons({ footer: '  ' }))).toEqual({
      ok: true,
      message: {
        kind: 'buttons',
        body: '¿Cómo seguimos con tu pedido?',
        buttons: [
          { id: 'rastrear-pedido-1', title: 'Rastrear pedido' },
          { id: 'cambiar-direccion-2', title: 'Cambiar dirección' },
          { id: 'hablar-con-alguien-3', title: 'Hablar con alguien' },
        ],
      },
    });
  });

  it("names each field past WhatsApp's limits, as the shared schema counts them", () => {
    const result = checkForm(
      buttons({ header: 'H'.repeat(61), buttons: ['Rastrear pedido', 'Quiero cambiar la dirección', ' '] }),
    );
    expect(result).toEqual({
      ok: false,
      issues: {
        header: { key: 'tooLong', values: { max: 60 } },
        'buttons.1.title': { key: 'tooLong', values: { max: 20 } },
        'buttons.2.title': { key: 'blank' },
      },
    });
    expect(checkForm(buttons({ buttons: ['Sí', 'No', 'Sí'] }))).toEqual({
      ok: false,
      issues: { 'buttons.2.title': { key: 'duplicate' } },
    });
    expect(checkForm(buttons({ buttons: ['A', 'B', 'C', 'D'] }))).toEqual({
      ok: false,
      issues: { buttons: { key: 'tooMany', values: { max: 3 } } },
    });
  });

  it('refuses a list of more than ten rows, and several sections without titles', () => {
    const rows = Array.from({ length: 6 }, (_, i) => ({ title: `Talla ${i + 34}`, description: '' }));
    const result = checkForm({
      ...emptyForm(),
      kind: 'list',
      body: 'Elige tu talla',
      listButton: 'Ver tallas',
      sections: [
        { title: '', rows },
        { title: 'Infantil', rows },
      ],
    });
    expect(result).toEqual({
      ok: false,
      issues: { sections: { key: 'tooManyRows', values: { max: 10 } }, 'sections.0.title': { key: 'sectionTitle' } },
    });
  });

  it('a blank body or list button is named as missing', () => {
    const result = checkForm({
      ...emptyForm(),
      kind: 'list',
      sections: [{ title: '', rows: [{ title: 'P', description: '' }] }],
    });
    expect(result).toMatchObject({ ok: false, issues: { body: { key: 'blank' }, button: { key: 'blank' } } });
  });
});
