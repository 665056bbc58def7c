import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/graph.js';
import { plan } from '../../src/planner/plan.js';
import { planSvg } from '../../src/planner/svg.js';
import { ModelBuilder } from '../../src/tflite/model-builder.js';
import { readModel } from '../../src/tflite/reader.js';

/** A 100-op chain with in-place skip connections and some scratch. */
function chain(ops: number) {
  const b = new ModelBuilder();
  const q = { scale: 0.5, zeroPoint: 0 };
  let x = b.addInput({ dtype: 'int8', shape: [1, 64], quant: q, name: 'input' });
  let skip = x;
  for (let i = 0; i < ops; i++) {
    const y = b.addTensor({ dtype: 'int8', shape: [1, 64], quant: q, name: `layer<${i}>&` });
    if (i % 3 === 2) {
      b.addOperator('ADD', [skip, x], [y]);
      skip = y;
    } else b.addOperator('FULLY_CONNECTED', [x], [y]);
    x = y;
  }
  b.markOutputs(x);
  const graph = buildGraph(readModel(b.build()));
  const opMemory = graph.ops.map((o) => ({
    alias: o.opcode === 'ADD' ? ('in-place' as const) : null,
    scratchBytes: o.index % 10 === 0 ? 40 : 0,
    prepared: true,
  }));
  return { graph, p: plan(graph, { opMemory }) };
}

describe('planSvg', () => {
  it('draws one labelled rectangle per buffer, the scratch, the peak and the bound', () => {
    const { graph, p } = chain(100);
    const svg = planSvg(graph, p, 'chain');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    const groups = new Set(
      p.tensors.filter((t) => t.offset >= 0).map((t) => (t.aliasOf >= 0 ? t.aliasOf : t.index)),
    );
    expect(svg.match(/<g><title>/g)).toHaveLength(groups.size + p.scratch.length);
    expect(svg).toContain(`peak: op #${p.peak.opIndex} ${p.peak.opcode}`);
    expect(svg).toContain('lower bound');
    expect(svg).toContain('chain: arena');
  });

  it('escapes names and stays readable at 100 ops (>= 16 px per step)', () => {
    const { graph, p } = chain(100);
    const svg = planSvg(graph, p);
    expect(svg).not.toMatch(/layer<|>&/);
    expect(svg).toContain('layer&lt;5&gt;&amp;');
    const width = Number(/width="(\d+(\.\d+)?)"/.exec(svg)![1]);
    expect(width).toBeGreaterThanOrEqual(100 * 16);
  });

  it('copes with a model without activations', () => {
    const b = new ModelBuilder();
    const x = b.addInput({ dtype: 'int8', shape: [4] });
    const y = b.addTensor({ dtype: 'int8', shape: [4] });
    b.addOperator('RESHAPE', [x], [y]);
    b.markOutputs(y);
    const graph = buildGraph(readModel(b.build()));
    const p = plan(graph, { opMemory: [{ alias: 'view', scratchBytes: 0, prepared: true }] });
    expect(planSvg(graph, p)).toContain('</svg>');
  });
});
