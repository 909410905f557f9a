import { describe, expect, it } from 'vitest';
import { ErrorCode, PHRASES } from '@switchboard/shared';
import { i18n, resources } from './index';
import type { Locale } from '@switchboard/shared';

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every string of a language as `namespace:path.to.key` -> text. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? (prefix.includes(':') ? `${prefix}.${key}` : `${prefix}:${key}`) : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Keys with their plural forms folded into one: base key -> { form (or '') -> text }. */
function byBaseKey(locale: Locale): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [key, text] of flatten(resources[locale] as Tree)) {
    const form = PLURAL.exec(key)?.[1] ?? '';
    const base = key.replace(PLURAL, '');
    out.set(base, (out.get(base) ?? new Map()).set(form, text));
  }
  return out;
}

/** `{{name}}` and `{{count, number}}` both name one variable. */
const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!).sort();

const LANGUAGES: Locale[] = ['en', 'es', 'pt'];
const english = byBaseKey('en');

describe('the locale files', () => {
  it.each(LANGUAGES)('%s has every key English has, and no other', (locale) => {
    expect([...byBaseKey(locale).keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each(LANGUAGES)("%s has exactly the plural forms its language's rules ask for", (locale) => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.slice().sort();
    for (const [key, forms] of byBaseKey(locale)) {
      if (forms.has('')) continue;
      expect({ key, forms: [...forms.keys()].sort() }).toEqual({ key, forms: categories });
    }
  });

  it.each(LANGUAGES)('%s uses the same interpolation variables as English in every string', (locale) => {
    for (const [key, forms] of byBaseKey(locale)) {
      const englishVars = [...english.get(key)!.values()].map(variables);
      for (const text of forms.values()) expect({ key, vars: variables(text) }).toEqual({ key, vars: englishVars[0] });
    }
  });

  it.each(LANGUAGES)('%s has no empty string', (locale) => {
    for (const [key, text] of flatten(resources[locale] as Tree))
      expect({ key, text: text.trim() !== '' }).toEqual({ key, text: true });
  });

  it('says every phrase the server sends, with exactly the facts it carries, in every language', () => {
    for (const locale of LANGUAGES)
      for (const [code, params] of Object.entries(PHRASES)) {
        const forms = byBaseKey(locale).get(`phrases:${code}`);
        expect(forms, `${locale} has no words for the phrase ${code}`).toBeDefined();
        for (const text of forms!.values())
          expect({ locale, code, vars: variables(text) }).toEqual({
            locale,
            code,
            vars: Object.keys(params.shape).sort(),
          });
      }
  });

  it('has words for no phrase the server does not send', () => {
    const phrases = [...english.keys()].filter((key) => key.startsWith('phrases:'));
    expect(phrases.sort()).toEqual(
      Object.keys(PHRASES)
        .map((code) => `phrases:${code}`)
        .sort(),
    );
  });

  it('translates every error code the server and the host answer with', () => {
    for (const locale of LANGUAGES)
      for (const code of ErrorCode.options)
        expect(byBaseKey(locale).has(`errors:${code}`), `${locale} ${code}`).toBe(true);
  });
});

describe('i18next with these resources', () => {
  it('speaks each language, plurals included, never falling back to English for a large count', () => {
    const t = (locale: Locale, count: number) => i18n.t('common:connection.pending', { count, lng: locale });
    expect([t('en', 1), t('en', 3)]).toEqual(['1 reply waiting to send', '3 replies waiting to send']);
    expect([t('es', 1), t('es', 3), t('es', 1_000_000)]).toEqual([
      '1 respuesta por enviar',
      '3 respuestas por enviar',
      `${new Intl.NumberFormat('es').format(1_000_000)} respuestas por enviar`,
    ]);
    expect([t('pt', 1), t('pt', 2_000_000)]).toEqual([
      '1 resposta aguardando envio',
      `${new Intl.NumberFormat('pt').format(2_000_000)} respostas aguardando envio`,
    ]);
  });

  it('puts names in their place', () => {
    expect(i18n.t('toasts:assigned.title', { name: 'Ana Costa', lng: 'pt' })).toBe('Nova conversa: Ana Costa');
    expect(i18n.t('context:handoff.title', { bot: 'Bot & Co', lng: 'es' })).toBe('Traspasada por Bot & Co');
  });
});
