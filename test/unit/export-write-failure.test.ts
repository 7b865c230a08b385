import { describe, expect, it } from 'vitest';
import { writeFailure } from '../../main/transfer/favorites-export.ts';
import { appError } from '../../preload/contract.ts';

/** An error as node:fs throws it: the system's words, and its code. */
const fsError = (code: string, words: string) => Object.assign(new Error(words), { code });

describe('an export the system would not write', () => {
  it.each([
    ['ENOSPC', 'no space left on device', 'exportNoSpace'],
    ['EDQUOT', 'disk quota exceeded', 'exportNoSpace'],
    ['EACCES', 'permission denied', 'exportNotAllowed'],
    ['EPERM', 'operation not permitted', 'exportNotAllowed'],
    ['EROFS', 'read-only file system', 'exportNotAllowed'],
    ['ENOENT', 'no such file or directory', 'exportFailed'],
    ['EIO', 'i/o error', 'exportFailed'],
  ] as const)('%s is told as %s, without the system’s words', (code, words, expected) => {
    const error = writeFailure(fsError(code, words));
    expect(error).toEqual(appError(expected));
    expect(JSON.stringify(error)).not.toContain(words);
  });

  it('anything else thrown is a plain failure to write', () => {
    expect(writeFailure(new Error('something'))).toEqual(appError('exportFailed'));
    expect(writeFailure('a string')).toEqual(appError('exportFailed'));
    expect(writeFailure(null)).toEqual(appError('exportFailed'));
  });
});
