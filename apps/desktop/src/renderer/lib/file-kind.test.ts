import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { fileKindOf, fileKindText } from './file-kind';

describe('what a document is, as its bubble says', () => {
  it('names the office and PDF types WhatsApp sends by kind, never by MIME type', () => {
    expect(fileKindOf('application/pdf', 'Factura 4411.pdf')).toEqual({ kind: 'pdf' });
    expect(fileKindOf('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'a.docx')).toEqual({
      kind: 'word',
    });
    expect(fileKindOf('application/msword', null)).toEqual({ kind: 'word' });
    expect(fileKindOf('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', null)).toEqual({
      kind: 'spreadsheet',
    });
    expect(fileKindOf('application/vnd.ms-excel', null)).toEqual({ kind: 'spreadsheet' });
    expect(fileKindOf('application/vnd.openxmlformats-officedocument.presentationml.presentation', null)).toEqual({
      kind: 'presentation',
    });
    expect(fileKindOf('text/plain; charset=utf-8', 'notes.txt')).toEqual({ kind: 'text' });
  });

  it('names any other file by its extension, from its type or else its name', () => {
    expect(fileKindOf('application/epub+zip', 'book')).toEqual({ extension: 'EPUB' });
    expect(fileKindOf('application/vnd.oasis.opendocument.text', 'carta.odt')).toEqual({ extension: 'ODT' });
    expect(fileKindOf('application/octet-stream', 'scan.heic')).toEqual({ extension: 'HEIC' });
    expect(fileKindOf(null, 'contrato.docx')).toEqual({ kind: 'word' });
    expect(fileKindOf('application/octet-stream', 'no-extension')).toBeNull();
  });

  it("is said in the agent's language", async () => {
    const sheet = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    expect(fileKindText(sheet, 'pedidos.xlsx')).toBe('Spreadsheet');
    await i18n.changeLanguage('pt');
    expect(fileKindText(sheet, 'pedidos.xlsx')).toBe('Planilha');
    expect(fileKindText('application/msword', null)).toBe('Documento do Word');
    await i18n.changeLanguage('en');
  });
});
