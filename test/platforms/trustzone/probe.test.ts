/** Reading the isolation probe's transcript (the firmware side runs in isolation.test.ts). */
import { describe, expect, it } from 'vitest';
import { BAD_POINTER, parseProbeOutput, SECURE_STATUS } from '../../../src/platforms/trustzone/probe.js';

const REFUSED = [
  'probe: valid call -> status 0',
  'probe: input in secure flash (the weights) -> status 4',
  'probe: output in secure RAM -> status 4',
  'probe: reading the secure weights at 0x10000040 from the non-secure side',
];

describe('parseProbeOutput', () => {
  it('reads the control call, the refusals and the fault line', () => {
    const fault =
      'FAULT SecureFault SFSR=00000008 (AUVIOL) CFSR=00000000 HFSR=00000000 from non-secure PC=800002b6';
    const r = parseProbeOutput(`${REFUSED.join('\n')}\n\n${fault}\n`, 125);
    expect(SECURE_STATUS[BAD_POINTER]).toBe('BAD_POINTER');
    expect(r.control).toEqual({ what: 'valid call', status: 0 });
    expect(r.attempts.map((a) => a.status)).toEqual([BAD_POINTER, BAD_POINTER]);
    expect(r).toMatchObject({ pointersRefused: true, readFaulted: true, fault, weightsAddress: 0x10000040 });
  });

  it('says so when the read returned or a secure pointer was accepted', () => {
    const leaked = parseProbeOutput(
      [...REFUSED, 'probe: the read returned 0x12345678: NOT ISOLATED'].join('\n'),
      3,
    );
    expect(leaked.readFaulted).toBe(false);
    const accepted = parseProbeOutput(
      REFUSED.join('\n').replace('weights) -> status 4', 'weights) -> status 0'),
      125,
    );
    expect(accepted.pointersRefused).toBe(false);
  });

  it('does not count a secure-side fault as the isolation fault', () => {
    const r = parseProbeOutput(
      'FAULT HardFault SFSR=00000000 CFSR=00080000 HFSR=40000000 from secure PC=100004d0\n',
      125,
    );
    expect(r.readFaulted).toBe(false);
    expect(r.pointersRefused).toBe(false);
  });
});
