import { describe, expect, it } from 'vitest';
import { mentionedIn } from './mention-parser.js';

const users = [
  { id: 'ana', name: 'Ana Lima', email: 'ana.lima@acme.test' },
  { id: 'ana2', name: 'Ana Souza', email: 'asouza@acme.test' },
  { id: 'joao', name: 'João Pedro', email: 'jp@acme.test' },
  { id: 'maria', name: 'María', email: 'maria@acme.test' },
];

describe('mentions in a note', () => {
  it('finds full names, email names and unique first names, accents and case aside', () => {
    expect(mentionedIn('@Ana Lima can you check? cc @joao, @MARIA', users).sort()).toEqual(['ana', 'joao', 'maria']);
    expect(mentionedIn('thanks @asouza!', users)).toEqual(['ana2']);
  });

  it('takes the longest name the text spells, and no first name two people share', () => {
    expect(mentionedIn('@Ana Souza', users)).toEqual(['ana2']);
    expect(mentionedIn('@Ana please', users)).toEqual([]);
  });

  it('ignores email addresses and names that only begin a longer word', () => {
    expect(mentionedIn('write to maria@acme.test', users)).toEqual([]);
    expect(mentionedIn('@Mariana will call', users)).toEqual([]);
  });
});
