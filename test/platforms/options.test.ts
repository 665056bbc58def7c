import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { checkGiven, coerceOption, parseAssignments, resolveOptions } from '../../src/platforms/options.js';
import { qemuPlatform } from '../../src/platforms/qemu/platform.js';
import type { OptionSpec } from '../../src/platforms/types.js';

const spec = (type: OptionSpec['type'], extra: Partial<OptionSpec> = {}): OptionSpec => ({
  name: 'x',
  type,
  required: [],
  optional: ['build'],
  help: 'an option',
  ...extra,
});

describe('parseAssignments', () => {
  it('splits at the first =', () => {
    expect(parseAssignments(['board=mps2-an386', 'cmd=a=b'])).toEqual({ board: 'mps2-an386', cmd: 'a=b' });
  });
  it('refuses items without a name', () => {
    expect(() => parseAssignments(['=x'])).toThrow(UsageError);
    expect(() => parseAssignments(['board'])).toThrow(/NAME=VALUE/);
  });
});

describe('coerceOption', () => {
  it('types bools, ints, choices and strings', () => {
    expect(coerceOption(spec('bool'), 'off')).toBe(false);
    expect(coerceOption(spec('bool'), 'yes')).toBe(true);
    expect(coerceOption(spec('int'), ' 4096 ')).toBe(4096);
    expect(coerceOption(spec('choice', { choices: ['a', 'b'] }), 'b')).toBe('b');
    expect(coerceOption(spec('string'), 12)).toBe('12');
  });
  it('names the option and what it expected', () => {
    expect(() => coerceOption(spec('int'), '4k')).toThrow('option x: expected a whole number, got "4k"');
    expect(() => coerceOption(spec('int'), '')).toThrow(UsageError);
    expect(() => coerceOption(spec('bool'), 'maybe')).toThrow(/true or false/);
    expect(() => coerceOption(spec('choice', { choices: ['a', 'b'] }), 'c')).toThrow(/one of a, b/);
  });
});

describe('checkGiven', () => {
  it('accepts every option at create-project, to be stored', () => {
    expect(
      checkGiven(
        qemuPlatform,
        { board: 'mps2-an386', counter: 'exact', 'stack-size': '2048' },
        'create-project',
      ),
    ).toEqual({
      board: 'mps2-an386',
      counter: 'exact',
      'stack-size': 2048,
    });
  });
  it('refuses options a later stage does not use', () => {
    expect(() => checkGiven(qemuPlatform, { board: 'mps3-an547' }, 'run')).toThrow(
      /cannot be changed at run/,
    );
    expect(checkGiven(qemuPlatform, { counter: 'none' }, 'run')).toEqual({ counter: 'none' });
  });
  it('refuses unknown options and lists the known ones', () => {
    expect(() => checkGiven(qemuPlatform, { bord: 'x' }, 'build')).toThrow(/has no option "bord"/);
  });
});

describe('resolveOptions', () => {
  it('layers defaults, stored values and overrides', () => {
    const o = resolveOptions(qemuPlatform, 'build', { board: 'mps2-an386', opt: 'Os' }, { opt: 'O3' });
    expect(o).toMatchObject({ board: 'mps2-an386', opt: 'O3', 'stack-size': 4096, counter: 'icount' });
  });
  it('names the missing required options with a -o hint', () => {
    try {
      resolveOptions(qemuPlatform, 'create-project', {});
      expect.unreachable();
    } catch (e) {
      expect((e as UsageError).message).toBe('platform qemu needs board for create-project');
      expect((e as UsageError).hint).toContain('-o board=mps2-an385|');
    }
  });
  it('ignores stored options the platform no longer has', () => {
    expect(resolveOptions(qemuPlatform, 'run', { board: 'mps2-an386', gone: 1 })).not.toHaveProperty('gone');
  });
});
