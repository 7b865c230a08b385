/** Phone numbers for people: "+55 86 99149-6960" rather than "5586991496960" (libphonenumber-js). */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** Numbers already formatted: list rows are built again and again as they scroll in and out of view. */
const formatted = new Map<string, string>();

/**
 * Digits with their country code → the international form. Where the country writes its area code in
 * parentheses with no trunk prefix (Brazil, the US), the national grouping is kept, hyphen included, as
 * people there write it; elsewhere the library's international form. Digits it cannot read are shown
 * as they are, with a "+".
 */
export function formatPhone(digits: string): string {
  let shown = formatted.get(digits);
  if (shown === undefined) {
    shown = format(digits);
    if (formatted.size >= 10_000) formatted.clear();
    formatted.set(digits, shown);
  }
  return shown;
}

function format(digits: string): string {
  if (!/^\d{5,17}$/.test(digits)) return digits;
  const phone = parsePhoneNumberFromString(`+${digits}`);
  if (!phone || !phone.isPossible()) return `+${digits}`;
  const national = phone.formatNational();
  if (national.startsWith('(')) return `+${phone.countryCallingCode} ${national.replace(/[()]/g, '')}`;
  return phone.formatInternational();
}

/** Whether a name is only a phone number (the API's fallback name), so it is not shown twice. */
export function isJustNumber(name: string, digits: string): boolean {
  const bare = name.replace(/[\s()+\-.]/g, '');
  return bare !== '' && /^\d+$/.test(bare) && (digits === '' || bare === digits);
}

/** A name to show: a name that is only digits is shown as the formatted number. */
export function shownName(name: string, digits = ''): string {
  if (!isJustNumber(name, digits)) return name;
  return formatPhone(digits || name.replace(/\D/g, ''));
}

/** What kind of identifier a chat or sender has, for the tooltip that explains it. */
export type IdKind = 'phone' | 'lid' | 'masked' | 'group' | 'other';

export function idKind(jid: string, name = ''): IdKind {
  if (jid.endsWith('@g.us')) return 'group';
  if (name.includes('•') || name.includes('*')) return 'masked';
  if (jid.endsWith('@lid')) return 'lid';
  if (jid.endsWith('@s.whatsapp.net')) return 'phone';
  return 'other';
}
