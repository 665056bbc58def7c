/** `tinyforge plan` through its own command module, on shared models. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { registerPlanCommand } from '../../src/cli/plan.js';
import { TinyforgeError } from '../../src/errors.js';
import { readOfflinePlan } from '../../src/planner/offline-plan.js';
import { readModel } from '../../src/tflite/reader.js';
import { HAVE_SHARED, MODELS_DIR } from '../support/shared.js';

const dir = mkdtempSync(join(tmpdir(), 'tinyforge-plan-'));
const MODEL = join(MODELS_DIR, 'micro_speech_quantized.tflite');

async function plan(...args: string[]): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    isTTY: false,
  };
  const program = new Command('tinyforge')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  registerPlanCommand(program, io);
  for (const c of program.commands) c.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  await program.parseAsync(['plan', ...args], { from: 'user' });
  return { out, err };
}

describe.skipIf(!HAVE_SHARED)('tinyforge plan', () => {
  it('prints sizes, the planners compared and the peak', async () => {
    const { out } = await plan(MODEL);
    for (const line of ['input bytes:', 'output bytes:', 'activation arena bytes:', 'scratch bytes:'])
      expect(out).toContain(line);
    for (const line of ['persistent bytes:', 'total RAM bytes:', 'lower bound bytes:', 'plan / bound:'])
      expect(out).toContain(line);
    for (const name of ['greedy-size', 'greedy-conflicts', 'local-search *']) expect(out).toContain(name);
    expect(out).toMatch(/Peak at step \d+: op #\d+ \w+/);
  });

  it('--json has every figure and the tensor table', async () => {
    const r = JSON.parse((await plan(MODEL, '--json')).out);
    for (const k of [
      'inputBytes',
      'outputBytes',
      'arenaBytes',
      'scratchBytes',
      'persistentBytes',
      'lowerBoundBytes',
    ])
      expect(typeof r[k]).toBe('number');
    expect(r.totalRamBytes).toBe(r.arenaBytes + r.persistentBytes + r.inputBytes + r.outputBytes);
    expect(r.planner).toBe('local-search');
    expect(r.tensors[0]).toMatchObject({
      index: expect.any(Number),
      name: expect.any(String),
      offset: expect.any(Number),
    });
    expect(r.tensors[0]).toMatchObject({
      bytes: expect.any(Number),
      firstOp: expect.any(Number),
      lastOp: expect.any(Number),
    });
    expect(r.comparison).toHaveLength(3);
  });

  it('--planner, --alignment, --io-in-arena', async () => {
    const r = JSON.parse(
      (await plan(MODEL, '--json', '--planner', 'greedy-size', '--alignment', '4', '--io-in-arena')).out,
    );
    expect([r.planner, r.alignment, r.ioInArena]).toEqual(['greedy-size', 4, true]);
    expect(r.totalRamBytes).toBe(r.arenaBytes + r.persistentBytes);
  });

  it('--svg and --embed write their files', async () => {
    const [svg, embed] = [join(dir, 'layout.svg'), join(dir, 'planned.tflite')];
    const { out } = await plan(MODEL, '--svg', svg, '--embed', embed);
    expect(out).toContain(`wrote layout picture: ${svg}`);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg /);
    const m = readModel(new Uint8Array(readFileSync(embed)));
    const offline = readOfflinePlan(m)!;
    const input = m.subgraphs[0].inputs[0];
    expect(offline.offsets[input]).toBeGreaterThanOrEqual(0);
  });

  it('user mistakes are typed errors', async () => {
    await expect(plan(MODEL, '--alignment', '3')).rejects.toThrow(/power of two/);
    await expect(plan(MODEL, '--alignment', '3')).rejects.toBeInstanceOf(TinyforgeError);
    await expect(plan(MODEL, '--planner', 'magic')).rejects.toThrow(/magic/);
    await expect(plan(MODEL, '--svg', join(dir, 'no/such/dir.svg'))).rejects.toThrow(/cannot write/);
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });

  it('ops without a kernel fail, or are planned around with --allow-unsupported', async () => {
    const vela = join(MODELS_DIR, 'person_detect_vela.tflite');
    await expect(plan(vela)).rejects.toThrow(/unsupported operator.*ethos-u/);
    const { out } = await plan(vela, '--allow-unsupported');
    expect(out).toMatch(/warning: no kernel prepares ops #0/);
    expect(out).toContain('activation arena bytes:');
  });
});
