import { describe, expect, it } from 'vitest';
import { describeIssues } from './errors.js';
import { InteractiveMessage } from './interactive.js';

const issuesOf = (value: unknown) => {
  const result = InteractiveMessage.safeParse(value);
  return result.success ? [] : describeIssues(result.error.issues);
};

const rows = (n: number, prefix = 'r') =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, title: `Row ${i}` }));

describe('interactive messages (Cloud API limits)', () => {
  it('accepts up to three reply buttons and a list of ten rows', () => {
    expect(
      issuesOf({
        kind: 'buttons',
        body: '¿Cómo quieres recibir el reembolso?',
        buttons: [
          { id: 'card', title: 'A la tarjeta' },
          { id: 'credit', title: 'Saldo en tienda' },
          { id: 'agent', title: 'Hablar con alguien' },
        ],
      }),
    ).toEqual([]);
    expect(
      issuesOf({
        kind: 'list',
        body: 'Choose a delivery slot',
        button: 'See slots',
        sections: [
          { title: 'Monday', rows: rows(5, 'mon') },
          { title: 'Tuesday', rows: rows(5, 'tue') },
        ],
      }),
    ).toEqual([]);
  });

  it('names the field over a limit', () => {
    const four = [1, 2, 3, 4].map((n) => ({ id: `b${n}`, title: `Option ${n}` }));
    expect(issuesOf({ kind: 'buttons', body: 'x', buttons: four })).toEqual([
      { path: 'buttons', message: 'WhatsApp allows at most 3 reply buttons' },
    ]);
    expect(
      issuesOf({ kind: 'buttons', body: 'x', buttons: [{ id: 'a', title: 'A title longer than twenty' }] }),
    ).toEqual([{ path: 'buttons.0.title', message: 'WhatsApp allows at most 20 characters' }]);
  });

  it('refuses repeated button ids and titles', () => {
    const issues = issuesOf({
      kind: 'buttons',
      body: 'x',
      buttons: [
        { id: 'same', title: 'Yes' },
        { id: 'same', title: 'Yes' },
      ],
    });
    expect(issues).toEqual([
      { path: 'buttons.1.id', message: 'a button id must be unique in the message' },
      { path: 'buttons.1.title', message: 'a button title must be unique in the message' },
    ]);
  });

  it('counts rows across sections, and asks for section titles when there are several', () => {
    const issues = issuesOf({
      kind: 'list',
      body: 'x',
      button: 'Open',
      sections: [{ rows: rows(6, 'a') }, { title: 'Later', rows: rows(5, 'b') }],
    });
    expect(issues).toEqual([
      { path: 'sections', message: 'WhatsApp allows at most 10 rows across all sections (this has 11)' },
      { path: 'sections.0.title', message: 'with several sections, each needs a title' },
    ]);
  });

  it('limits row titles to 24 characters and descriptions to 72', () => {
    const issues = issuesOf({
      kind: 'list',
      body: 'x',
      button: 'Open',
      sections: [{ rows: [{ id: 'r', title: 'y'.repeat(25), description: 'z'.repeat(73) }] }],
    });
    expect(issues.map((i) => i.path)).toEqual(['sections.0.rows.0.title', 'sections.0.rows.0.description']);
  });
});
