import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFormatError } from '../../src/errors.js';
import { tarDirectory } from '../../src/io/tar.js';
import { readTar } from '../../src/io/tar-reader.js';

const root = mkdtempSync(join(tmpdir(), 'tinyforge-tar-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readTar', () => {
  it('reads back what tarDirectory wrote, long paths included', () => {
    const deep = `${'d'.repeat(60)}/${'e'.repeat(60)}`;
    mkdirSync(join(root, 'src', deep), { recursive: true });
    writeFileSync(join(root, 'src', 'a.c'), 'int a;\n');
    writeFileSync(join(root, 'src', deep, 'b.bin'), new Uint8Array(1000).fill(7));
    writeFileSync(join(root, 'empty.txt'), '');
    const entries = readTar(tarDirectory(root, 'top'));
    expect(entries.map((e) => e.path)).toEqual(['top/empty.txt', 'top/src/a.c', `top/src/${deep}/b.bin`]);
    expect(new TextDecoder().decode(entries[1]!.data)).toBe('int a;\n');
    expect(entries[2]!.data).toEqual(new Uint8Array(1000).fill(7));
  });

  it('refuses entries that would land outside the extraction directory', () => {
    mkdirSync(join(root, 'evil'), { recursive: true });
    writeFileSync(join(root, 'evil', 'x'), 'x');
    const tar = tarDirectory(join(root, 'evil'), '..');
    expect(() => readTar(tar, 'evil.tar')).toThrow(/points outside the archive/);
  });

  it('reports a file that is not a tar archive', () => {
    const junk = new Uint8Array(1024).fill(0x41);
    expect(() => readTar(junk, 'junk.tar')).toThrow(DataFormatError);
    expect(() => readTar(junk, 'junk.tar')).toThrow(/junk.tar: not a tar archive/);
  });
});
