/**
 * CSV that spreadsheet apps open as it was meant: UTF-8 with a byte-order mark (without it Excel reads
 * the bytes as the system's legacy code page, and accents and emoji turn to garbage), CRLF line ends
 * (RFC 4180), every cell quoted, and cells that a spreadsheet would run as a formula defused.
 */
export const byteOrderMark = '\uFEFF';

/**
 * A cell starting with = + - @ (or a tab or carriage return, which some apps skip before looking) is
 * taken for a formula by spreadsheet apps, so message text someone sent could run when the file is
 * opened (OWASP "CSV injection"). An apostrophe in front makes it text; it shows in the cell, which is
 * the price of safety.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvRow(cells: readonly string[], delimiter: string): string {
  return `${cells.map(csvCell).join(delimiter)}\r\n`;
}
