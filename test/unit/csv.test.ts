import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '../../main/transfer/csv.ts';
import { csvLabels, messageCell, spreadsheetTime } from '../../main/transfer/csv-labels.ts';

describe('CSV for spreadsheets', () => {
  it('quotes every cell and doubles the quotes inside, keeping line breaks within the cell', () => {
    expect(csvCell('Ana')).toBe('"Ana"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line one\nline two; and, more')).toBe('"line one\nline two; and, more"');
    expect(csvRow(['a', 'b'], ',')).toBe('"a","b"\r\n');
    expect(csvRow(['a', 'b'], ';')).toBe('"a";"b"\r\n');
  });

  it('turns what a spreadsheet would run as a formula into text', () => {
    for (const formula of [
      '=HYPERLINK("http://x","click")',
      '+55 11 9999',
      '-1+1',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
    ]) {
      expect(csvCell(formula).startsWith(`"'`)).toBe(true);
    }
    expect(csvCell('a = b')).toBe('"a = b"');
    expect(csvCell('5511999999999')).toBe('"5511999999999"');
  });

  it('names the columns in the user’s language, with the separator its spreadsheets expect', () => {
    expect(csvLabels('en')).toMatchObject({
      delimiter: ',',
      columns: ['Chat', 'Number', 'Message', 'Sent at', 'Starred at'],
    });
    expect(csvLabels('pt-BR')).toMatchObject({
      delimiter: ';',
      columns: ['Conversa', 'Número', 'Mensagem', 'Enviada em', 'Favoritada em'],
    });
  });

  it('says what a message without text carries, as the window does', () => {
    expect(messageCell(csvLabels('en'), { type: 'text', text: 'Olá 👋' })).toBe('Olá 👋');
    expect(messageCell(csvLabels('en'), { type: 'imageMessage', text: '' })).toBe('[Photo]');
    expect(messageCell(csvLabels('pt-BR'), { type: 'ptt', text: ' ' })).toBe('[Mensagem de voz]');
    expect(messageCell(csvLabels('pt-BR'), { type: 'poll', text: '' })).toBe('[Mensagem (poll)]');
  });

  it('writes times as every spreadsheet reads a date and time, in this computer’s zone', () => {
    const at = new Date(2026, 0, 31, 9, 5, 7).getTime();
    expect(spreadsheetTime(at)).toBe('2026-01-31 09:05:07');
    expect(spreadsheetTime(0)).toBe('');
  });
});
