import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveStaticFile } from '../../src/main/staticFiles';

const root = path.resolve('/srv/app/renderer');

describe('resolveStaticFile', () => {
  it('maps a URL path to a file under the root, / to index.html, with its content type', () => {
    expect(resolveStaticFile(root, '/')).toEqual({ file: path.join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolveStaticFile(root, '/assets/index-abc.js')).toEqual({
      file: path.join(root, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveStaticFile(root, '/assets/sarabun-thai-400.woff2')).toMatchObject({ contentType: 'font/woff2' });
    expect(resolveStaticFile(root, '/favicon.SVG')).toMatchObject({ contentType: 'image/svg+xml' });
    expect(resolveStaticFile(root, '/data.bin')).toMatchObject({ contentType: 'application/octet-stream' });
    expect(contentTypeOf('x.css')).toBe('text/css; charset=utf-8');
  });

  it('decodes percent escapes (a Thai file name)', () => {
    expect(resolveStaticFile(root, `/${encodeURIComponent('ไฟล์.txt')}`)).toMatchObject({ file: path.join(root, 'ไฟล์.txt') });
  });

  it('answers 400 for a malformed escape or a NUL byte, never throwing', () => {
    for (const bad of ['/%E0%A4%A', '/%', '/%zz', '/%00', '/index.html%00.png', '/a%00/../index.html']) {
      expect(resolveStaticFile(root, bad), bad).toEqual({ status: 400 });
    }
  });

  it('answers 404 for anything resolving outside the root, or to the root itself', () => {
    const escapes = [
      '/..%2fsecret.txt',
      '/..%2f..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      '/assets/..%2f..%2frenderer-secret.txt',
      // Decoded '..' as a whole segment, as a raw request line can carry it.
      '/../secret.txt',
      '/.',
      '/%2e',
      ...(path.sep === '\\' ? ['/..%5csecret.txt', '/C:%5cWindows%5cwin.ini'] : []),
    ];
    for (const bad of escapes) expect(resolveStaticFile(root, bad), bad).toEqual({ status: 404 });
  });

  it('keeps a name that merely starts with two dots', () => {
    expect(resolveStaticFile(root, '/..hidden.js')).toMatchObject({ file: path.join(root, '..hidden.js') });
  });
});
