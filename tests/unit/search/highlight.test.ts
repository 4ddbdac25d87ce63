import { describe, expect, it } from 'vitest';
import { escapeHtml, markedToHtml, markTerms, queryTerms, unmarked } from '../../../src/lib/search/highlight';

const M = (s: string) => `\uE000${s}\uE001`;

describe('markedToHtml', () => {
  it('escapes the text and turns markers into <mark>', () => {
    expect(markedToHtml(`${M('Tomsk')} <b>&"'`)).toBe('<mark>Tomsk</mark> &lt;b&gt;&amp;&quot;&#39;');
  });

  it('escapes HTML inside a highlight too', () => {
    expect(markedToHtml(M('<img src=x onerror=alert(1)>'))).toBe('<mark>&lt;img src=x onerror=alert(1)&gt;</mark>');
  });

  it('closes an unclosed highlight and drops a stray closing marker', () => {
    expect(markedToHtml('\uE000open')).toBe('<mark>open</mark>');
    expect(markedToHtml('a\uE001b')).toBe('ab');
  });

  it('ignores a second opening marker inside a highlight (no nested <mark>)', () => {
    expect(markedToHtml('\uE000a\uE000b\uE001 c\uE001')).toBe('<mark>ab</mark> c');
  });

  it('leaves text without markers or HTML characters as it is', () => {
    expect(markedToHtml('Томск, Tomsk')).toBe('Томск, Tomsk');
  });
});

describe('unmarked', () => {
  it('drops every marker and keeps the text', () => {
    expect(unmarked(`${M('Tomsk')} <b>, ${M('Томск')}`)).toBe('Tomsk <b>, Томск');
  });
});

describe('markTerms', () => {
  it('marks words starting with a term, any case, any script', () => {
    expect(markTerms('Томской области, Tomsk', ['томск', 'tom'])).toBe(`${M('Томской')} области, ${M('Tomsk')}`);
  });
  it('leaves the text alone without terms', () => expect(markTerms('abc', [])).toBe('abc'));
});

describe('queryTerms / escapeHtml', () => {
  it('splits on anything but letters and digits, lowercases, dedupes', () => {
    expect(queryTerms('R&D, Томск! томск 2012')).toEqual(['r', 'd', 'томск', '2012']);
  });
  it('escapes the five HTML characters', () => expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;'));
});
