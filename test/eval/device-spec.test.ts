/** Device spec strings of scenarios. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultJobs,
  describeSpec,
  deviceSpecProblem,
  parallelizable,
  parseDeviceSpec,
} from '../../src/eval/device-spec.js';

const base = mkdtempSync(join(tmpdir(), 'tf-devspec-'));
const project = mkdtempSync(join(base, 'proj-'));
writeFileSync(join(project, 'tinyforge.json'), JSON.stringify({ platform: 'baremetal', options: {} }));

describe('device specs', () => {
  it('parses host, native, QEMU boards, serial ports and project folders', () => {
    expect(parseDeviceSpec('host', base)).toEqual({ kind: 'host' });
    expect(parseDeviceSpec('native', base)).toEqual({ kind: 'native' });
    expect(parseDeviceSpec('qemu:mps2-an386', base)).toEqual({ kind: 'qemu', board: 'mps2-an386' });
    expect(parseDeviceSpec('serial:/dev/ttyUSB0', base)).toEqual({ kind: 'serial', port: '/dev/ttyUSB0' });
    expect(parseDeviceSpec(project.slice(base.length + 1), base)).toEqual({ kind: 'project', dir: project });
  });

  it('explains what is wrong with a spec', () => {
    expect(deviceSpecProblem('qemu:pdp-11', base)).toMatch(/unknown QEMU board "pdp-11"/);
    expect(deviceSpecProblem('board', base)).toMatch(
      /neither host, native, qemu:BOARD, serial:PORT nor a project folder/,
    );
    expect(deviceSpecProblem(base, base)).toMatch(/is not a tinyforge project/);
    expect(deviceSpecProblem('host', base)).toBeNull();
  });

  it('runs one session on a real board and many elsewhere', () => {
    const cores = availableParallelism();
    expect(defaultJobs({ kind: 'host' })).toBe(cores);
    expect(defaultJobs({ kind: 'native' })).toBe(cores);
    expect(defaultJobs({ kind: 'qemu', board: 'mps2-an386' })).toBe(Math.min(cores, 4));
    expect(defaultJobs({ kind: 'serial', port: '/dev/ttyACM0' })).toBe(1);
    expect(parallelizable({ kind: 'project', dir: project })).toBe(false);
  });

  it('describes specs for reports', () => {
    expect(describeSpec({ kind: 'qemu', board: 'mps2-an386' })).toBe('qemu:mps2-an386');
    expect(describeSpec({ kind: 'serial', port: '/dev/ttyUSB0' })).toBe('serial:/dev/ttyUSB0');
    expect(describeSpec({ kind: 'project', dir: '/p' })).toBe('/p');
  });
});
