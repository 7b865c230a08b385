import { describe, expect, it } from 'vitest';
import {
  errorCodes,
  errorKinds,
  noticeCodes,
  uiLocales,
  type ErrorCode,
  type NoticeCode,
} from '../../preload/contract.ts';
import { catalogs } from '../../renderer/src/i18n/catalogs.ts';

/**
 * Every error and notice main can report is a code; the window owns its sentence in each language. These
 * walk the contract's tables through every catalogue, both ways.
 */
const codes = Object.keys(errorCodes) as ErrorCode[];
const notices = Object.keys(noticeCodes) as NoticeCode[];
/** A notice's catalogue keys: one sentence, or one per plural form when its spec names the count. */
const noticeKeys = (code: NoticeCode): string[] =>
  'plural' in noticeCodes[code] ? [`notice.${code}.one`, `notice.${code}.other`] : [`notice.${code}`];
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

/** Keys that help say an error but are no code: each must be used by the code that formats errors. */
const helpers = ['error.serverSaid', 'error.unnamedPlace', 'error.dismiss', 'target.chat', 'target.message'];

describe('the sentences for errors and notices', () => {
  it.each(uiLocales)('%s has one for every error code, notice code and class of hold', (locale) => {
    const catalog: Record<string, string> = catalogs[locale];
    for (const code of codes) {
      const text = catalog[`error.${code}`];
      expect(text?.trim(), `error.${code}`).toBeTruthy();
      // Only the code's own parameters can be filled in.
      const params = Object.keys(errorCodes[code].params);
      for (const name of placeholders(text!)) expect(params, `error.${code} {${name}}`).toContain(name);
    }
    for (const code of notices) {
      const params = Object.keys(noticeCodes[code].params);
      for (const key of noticeKeys(code)) {
        const text = catalog[key];
        expect(text?.trim(), key).toBeTruthy();
        for (const name of placeholders(text!)) expect(params, `${key} {${name}}`).toContain(name);
      }
    }
    for (const kind of errorKinds) expect(catalog[`held.${kind}`]?.trim(), `held.${kind}`).toBeTruthy();
    expect(placeholders(catalog['error.serverSaid']!)).toEqual(['message']);
  });

  it('Portuguese says each of them in Portuguese, with the same parameters', () => {
    const en: Record<string, string> = catalogs.en;
    const pt: Record<string, string> = catalogs['pt-BR'];
    const keys = [
      ...codes.map((c) => `error.${c}`),
      ...notices.flatMap(noticeKeys),
      ...errorKinds.map((k) => `held.${k}`),
      ...helpers,
    ];
    for (const key of keys) {
      expect(placeholders(pt[key]!), key).toEqual(placeholders(en[key]!));
      // A sentence that is only a parameter ('{problem}') is said by the parameter's own entry.
      if (en[key]!.replace(/\{\w+\}/g, '').trim()) expect(pt[key], key).not.toBe(en[key]);
    }
  });

  it.each(uiLocales)('%s has no entry for an error, notice or hold that stands for nothing', (locale) => {
    const known = new Set([
      ...codes.map((c) => `error.${c}`),
      ...notices.flatMap(noticeKeys),
      ...errorKinds.map((k) => `held.${k}`),
      ...helpers,
    ]);
    const coded = Object.keys(catalogs[locale]).filter((key) => /^(error|notice|held|target)\./.test(key));
    expect(coded.filter((key) => !known.has(key))).toEqual([]);
  });

  it('every code names its class and origin, and only errors RyzeAPI answered with can carry its words', () => {
    for (const code of codes) {
      const { kind, origin } = errorCodes[code];
      expect(errorKinds, code).toContain(kind);
      expect(['app', 'network', 'server'], code).toContain(origin);
      if (origin === 'network') expect(kind, code).toBe('network');
    }
    // A notice said per plural form is chosen by one of its own counts.
    for (const code of notices) {
      const spec: { params: Record<string, string>; plural?: string } = noticeCodes[code];
      if (spec.plural) expect(spec.params[spec.plural], code).toBe('count');
    }
  });
});
