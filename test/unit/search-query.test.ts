import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { maxSearchWords, searchWords, toFtsQuery } from '../../main/search/fts-query.ts';
import { excerptOf, toRuns } from '../../main/search/excerpt.ts';

/** An in-memory FTS5 table with the app's tokenizer, to prove each query parses and means what it says. */
function index(texts: string[]): (input: string) => number[] {
  const db = new DatabaseSync(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')`);
  const insert = db.prepare('INSERT INTO t (rowid, text) VALUES (?, ?)');
  texts.forEach((text, i) => insert.run(i + 1, text));
  const select = db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid');
  return (input) => {
    const match = toFtsQuery(input);
    return match === null ? [] : (select.all(match) as { rowid: number }[]).map((r) => r.rowid);
  };
}

describe('turning typed text into a search', () => {
  it('quotes every word and matches the last one as a prefix', () => {
    expect(toFtsQuery('boleto pix')).toBe('"boleto" "pix"*');
    expect(toFtsQuery('  ação  ')).toBe('"ação"*');
  });

  it('doubles quotes inside a word so they stay text', () => {
    expect(toFtsQuery('say "hi"')).toBe('"say" """hi"""*');
  });

  it('drops words with nothing searchable, and says so when nothing is left', () => {
    expect(searchWords('- * ( ) "" ^')).toEqual([]);
    expect(toFtsQuery('-- ** ()')).toBeNull();
    expect(toFtsQuery('   ')).toBeNull();
    expect(toFtsQuery('a - b')).toBe('"a" "b"*');
  });

  it('treats control characters as spaces (NUL would end the SQL string early)', () => {
    expect(toFtsQuery('pix\u0000boleto')).toBe('"pix" "boleto"*');
  });

  it(`keeps at most ${maxSearchWords} words`, () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(searchWords(words)).toHaveLength(maxSearchWords);
  });

  it('never lets FTS5 syntax through: operators, columns, NEAR, stars and brackets are plain words', () => {
    const search = index([
      'pedido OR cancelado',
      'pedido AND entregue',
      'NOT this',
      'text: colon',
      'NEAR (a b)',
      'price ^ 2',
      'plain pedido',
    ]);
    const hostile = [
      'OR',
      'AND',
      'NOT',
      'NEAR(a b)',
      'text:',
      '^price',
      '*',
      '"unbalanced',
      'a)',
      '(b',
      '{text}',
      "'; DROP TABLE t; --",
      'pedido OR',
      '-pedido',
      '+pedido',
    ];
    for (const input of hostile) expect(() => search(input), input).not.toThrow();
    // "pedido OR" is two words that must both appear, not a boolean OR.
    expect(search('pedido OR')).toEqual([1]);
    expect(search('NOT')).toEqual([3]);
    expect(search('text:')).toEqual([4]);
    expect(search('-pedido')).toEqual([1, 2, 7]);
  });

  it('folds accents and case both ways: "acao" finds "Ação" and "ACAO" finds "ação"', () => {
    const search = index(['Ação entre amigos', 'solicitação registrada', 'Café com pão', 'nada']);
    expect(search('acao')).toEqual([1]);
    expect(search('ACAO')).toEqual([1]);
    expect(search('solicitacao')).toEqual([2]);
    expect(search('cafe pao')).toEqual([3]);
    expect(search('pão café')).toEqual([3]);
  });

  it('matches the last word as a prefix while the person is still typing', () => {
    const search = index(['boleto atrasado', 'bolo de cenoura', 'o boleto']);
    expect(search('bol')).toEqual([1, 2, 3]);
    expect(search('bolet')).toEqual([1, 3]);
    // Earlier words are whole words.
    expect(search('bol atrasado')).toEqual([]);
    expect(search('boleto atra')).toEqual([1]);
  });

  it('keeps punctuation inside a word as the tokenizer would: "pedido#123" finds "pedido #123"', () => {
    const search = index(['Pedido #12345 confirmado', "don't stop", 'pedido 999 12345']);
    expect(search('pedido#12345')).toEqual([1]);
    expect(search("don't")).toEqual([2]);
  });
});

describe('highlighted excerpts', () => {
  it('splits a marked snippet into plain and matched runs', () => {
    expect(toRuns('Sua \u0001solicitação\u0002 foi \u0001registrada\u0002…')).toEqual([
      { text: 'Sua ', match: false },
      { text: 'solicitação', match: true },
      { text: ' foi ', match: false },
      { text: 'registrada', match: true },
      { text: '…', match: false },
    ]);
  });

  it('merges adjacent matches and skips empty runs', () => {
    expect(toRuns('\u0001a\u0002\u0001b\u0002')).toEqual([{ text: 'ab', match: true }]);
    expect(toRuns('')).toEqual([]);
  });

  it('falls back to plain text when the message itself contains a marker character', () => {
    expect(excerptOf('odd \u0001 text', 'odd \u0001\u0001\u0002 text')).toEqual([
      { text: 'odd \u0001 text', match: false },
    ]);
  });
});
