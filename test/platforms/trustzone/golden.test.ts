/**
 * Golden cases through the trustzone firmware: the model in the secure image, every byte over
 * the device protocol of the non-secure application (`run --device micro` does the same), the
 * outputs identical to TFLM's. hello_world_int8 and ad01_int8 always; every other shared model
 * whose ops all have C kernels when the test runs (the others are skipped with the reason).
 */
import { describe, expect, it } from 'vitest';
import { PlanError } from '../../../src/errors.js';
import { openMicro } from '../../../src/run/micro.js';
import { compareOutput } from '../../conformance/compare.js';
import { missingCEmitters } from '../../conformance/qemu-backend.js';
import { HAVE_SHARED, loadCase, type SharedModel, sharedModels } from '../../support/shared.js';
import { HAVE_TZ_TOOLS, SKIP_REASON, trustZoneProject } from './support.js';

const ALWAYS = ['hello_world_int8', 'ad01_int8'];
// The secure path is the same generated C as the qemu backends (which run every golden case):
// here the full models prove the secure call, and the single-op seanet ones are left to them
// unless TINYFORGE_FULL_QEMU=1, so a cold CI does not build 140 more firmwares.
const FULL = process.env.TINYFORGE_FULL_QEMU === '1';
const models = sharedModels().filter(
  (m) => m.tflm !== null && m.cases.length > 0 && (FULL || !m.name.startsWith('seanet/')),
);

async function runCases(model: SharedModel, dir: string): Promise<string[]> {
  const session = await openMicro(dir);
  const failures: string[] = [];
  try {
    for (const caseName of model.cases) {
      const gc = loadCase(model, caseName);
      await session.reset();
      for (let i = 0; i < model.inputs.length; i++)
        await session.setInput(i, gc.inputs.get(model.inputs[i]!.name)!.data);
      await session.invoke();
      for (let i = 0; i < model.outputs.length; i++) {
        const expected = gc.outputs.get(model.outputs[i]!.name)!;
        const diff = compareOutput(expected.dtype, expected.data, await session.getOutput(i));
        if (diff) failures.push(`${caseName} ${model.outputs[i]!.name}: ${diff}`);
      }
    }
  } finally {
    await session.close();
  }
  return failures;
}

describe.skipIf(!HAVE_TZ_TOOLS || !HAVE_SHARED)(`trustzone golden cases${SKIP_REASON}`, () => {
  for (const model of models) {
    it(model.name, async (ctx) => {
      const missing = missingCEmitters(model.path);
      if (missing.length > 0) {
        expect(ALWAYS, `${model.name} must have every C kernel`).not.toContain(model.name);
        ctx.skip(`no C kernel yet: ${missing.join(', ')}`);
      }
      let dir: string;
      try {
        dir = await trustZoneProject(model.path);
      } catch (e) {
        if (!(e instanceof PlanError) || ALWAYS.includes(model.name)) throw e;
        return ctx.skip(e.message);
      }
      expect(await runCases(model, dir)).toEqual([]);
    });
  }
});
