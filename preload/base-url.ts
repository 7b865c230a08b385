/**
 * Which API addresses the app will send a token to. The token travels in a request header, so the address
 * decides who reads it: only https, or plain http to this computer (the local emulator), and nothing in the
 * address but a scheme, a host, a port and a path. Shared by the contract's schema (main refuses a bad call
 * before any request), the RyzeAPI client (which refuses to be built for a bad address) and the sign-in
 * form. Each refusal is a problem code; the window says why in the user's language.
 */

export const baseUrlProblems = ['notUrl', 'insecure', 'userInfo', 'query', 'fragment'] as const;
export type BaseUrlProblem = (typeof baseUrlProblems)[number];

export type BaseUrlCheck = { ok: true; url: string } | { ok: false; problem: BaseUrlProblem };

/** RyzeAPI's own address: the sign-in form's first value, and a server whose words the app passes on. */
export const ryzeApiBaseUrl = 'https://ryzeapi.cloud';

const maxLength = 2048;

/**
 * Checks an address and, when it is acceptable, returns its normal form: origin + path, without trailing
 * slashes (`https://RyzeAPI.cloud:443/` → `https://ryzeapi.cloud`). Never echoes the input.
 */
export function checkBaseUrl(input: string): BaseUrlCheck {
  const text = input.trim();
  const scheme = /^([a-z][a-z\d+.-]*):\/\//i.exec(text);
  if (!scheme || text.length > maxLength) return refuse('notUrl');
  // The authority as typed: URL() would quietly drop an empty "user@" part.
  const authority = text.slice(scheme[0].length).split(/[/?#\\]/, 1)[0] ?? '';
  if (authority.includes('@')) return refuse('userInfo');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('notUrl');
  }
  if (url.username || url.password) return refuse('userInfo');
  // A bare "?" or "#" leaves url.search and url.hash empty, so the raw text is what counts.
  if (text.includes('?')) return refuse('query');
  if (text.includes('#')) return refuse('fragment');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return refuse('insecure');
  }
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** 127.0.0.0/8, localhost and [::1], as URL() spells them once parsed (it rewrites 127.1 and 2130706433). */
function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

function refuse(problem: BaseUrlProblem): BaseUrlCheck {
  return { ok: false, problem };
}
