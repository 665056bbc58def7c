/** Vega-Lite specs to SVG text in Node: compiled to Vega, rendered headless (no canvas, no browser). */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export type ChartSpec = TopLevelSpec;

const CONFIG = {
  font: 'Helvetica, Arial, sans-serif',
  view: { stroke: '#ddd' },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12 },
};

export async function renderSvg(spec: ChartSpec): Promise<string> {
  const vegaSpec = compile({ config: CONFIG, ...spec } as TopLevelSpec).spec;
  const view = new View(parse(vegaSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
