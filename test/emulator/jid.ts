// Turns whatever a client sends as `number` (digits, +55 (21) 9…, a JID) into candidate chat JIDs.

/** null when the input cannot be a WhatsApp identifier at all. */
export function jidCandidates(input: string): string[] | null {
  const raw = input.trim();
  if (raw === '') return null;
  const at = raw.indexOf('@');
  if (at !== -1) {
    const user = raw.slice(0, at);
    const server = raw.slice(at + 1).toLowerCase();
    if (user === '' || server === '') return null;
    // c.us is the legacy private-chat server; mapping it is our choice, harmless for clients that never send it.
    if (server === 's.whatsapp.net' || server === 'c.us') {
      return /^\d+$/.test(user) ? brazilVariants(user).map((d) => `${d}@s.whatsapp.net`) : null;
    }
    return [`${user}@${server}`];
  }
  const digits = raw.replace(/[\s+\-().]/g, '');
  if (!/^\d{6,20}$/.test(digits)) return null;
  return brazilVariants(digits).map((d) => `${d}@s.whatsapp.net`);
}

// API.md §1: for 55… numbers the service tries the number with and without the mobile 9th digit.
function brazilVariants(digits: string): string[] {
  if (!digits.startsWith('55')) return [digits];
  if (digits.length === 12) return [digits, `${digits.slice(0, 4)}9${digits.slice(4)}`];
  if (digits.length === 13 && digits[4] === '9') return [digits, `${digits.slice(0, 4)}${digits.slice(5)}`];
  return [digits];
}

export function isGroupJid(jid: string): boolean {
  return jid.endsWith('@g.us');
}

export function phoneOf(jid: string): string {
  return jid.endsWith('@s.whatsapp.net') ? jid.slice(0, jid.indexOf('@')) : '';
}
