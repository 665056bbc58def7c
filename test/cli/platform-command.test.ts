import { describe, expect, it } from 'vitest';
import { scanArgs } from '../../src/cli/platform-command.js';
import { runCli } from '../support/cli.js';

describe('scanArgs (phase one)', () => {
  it('skips the values of platform flags when finding positionals', () => {
    const s = scanArgs(['--board', 'mps2-an386', 'dir', '-o', 'opt=O3', 'model.tflite', '--force', 'qemu']);
    expect(s.positionals).toEqual(['dir', 'model.tflite', 'qemu']);
    expect(s.help).toBe(false);
  });
  it('finds --template-dir in both spellings and -h', () => {
    expect(scanArgs(['d', 'm', '--template-dir', 'tpl']).templateDir).toBe('tpl');
    expect(scanArgs(['--template-dir=tpl', 'd', 'm', '-h'])).toMatchObject({
      templateDir: 'tpl',
      help: true,
    });
  });
});

describe('platform options on the command line', () => {
  it('create-project -h without a platform lists the platforms', async () => {
    const r = await runCli('create-project', '-h');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('qemu ');
    expect(r.stdout).toContain('baremetal ');
    expect(r.stdout).toContain('Add PLATFORM -h');
  });
  it('PLATFORM -h shows the platform options as flags', async () => {
    const r = await runCli('create-project', 'dir', 'model.tflite', 'qemu', '-h');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--board <choice>');
    expect(r.stdout).toContain('mps3-an547');
  });
  it('--list-options prints a table of a platform', async () => {
    const r = await runCli('create-project', 'baremetal', '--list-options');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^cpu\s+cortex-m3\|cortex-m4/m);
    expect(r.stdout).toContain('flash-command');
  });
  it('an unknown platform is a usage error with the choices', async () => {
    const r = await runCli('create-project', 'dir', 'model.tflite', 'zephyr');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown platform "zephyr"');
  });
  it('build of a directory that is not a project says so', async () => {
    const r = await runCli('build', '/nonexistent-tinyforge-project');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a tinyforge project');
  });
});
