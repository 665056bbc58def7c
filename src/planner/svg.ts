/**
 * The memory layout as an SVG picture: x = op step, y = offset, one rectangle per buffer
 * (a tensor with its views, or an op's scratch), the peak step and the lower bound marked.
 * Pure string generation; every rectangle carries a tooltip with the full detail.
 */
import type { Graph } from '../graph/graph.js';
import type { PlannedTensor, PlanResult } from './types.js';

const MARGIN = { left: 80, right: 24, top: 48, bottom: 48 };
const HEIGHT = 520;
const LABEL_PX = 6.2;

interface Box {
  x0: number;
  x1: number;
  offset: number;
  bytes: number;
  /** Short first line (tensor index or "scratch"), then the name. */
  tag: string;
  label: string;
  title: string;
  fill: string;
}

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function kib(n: number): string {
  return n >= 1024 ? `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KiB` : `${n} B`;
}

/** Spread hues by the golden angle so neighbours differ. */
function colour(i: number): string {
  return `hsl(${Math.round((i * 137.508) % 360)}, 62%, 78%)`;
}

function tensorBoxes(plan: PlanResult, steps: number): Box[] {
  const byRoot = new Map<number, PlannedTensor[]>();
  for (const t of plan.tensors) {
    if (t.offset < 0 || t.firstOp < 0) continue;
    const root = t.aliasOf >= 0 ? t.aliasOf : t.index;
    byRoot.set(root, [...(byRoot.get(root) ?? []), t]);
  }
  return [...byRoot.entries()].map(([root, members]) => {
    const first = Math.min(...members.map((m) => m.firstOp));
    const last = Math.max(...members.map((m) => m.lastOp));
    const variable = members[0].class === 'variable';
    const names = members.map((m) => `#${m.index} ${m.name}`).join(', ');
    return {
      x0: variable ? 0 : first,
      x1: variable ? steps : last + 1,
      offset: members[0].offset,
      bytes: Math.max(...members.map((m) => m.bytes)),
      tag: members.length > 1 ? `#${root} +${members.length - 1}` : `#${root}`,
      label: members[0].name,
      title: `${names}\n${members[0].class}, ${members[0].bytes} B at offset ${members[0].offset}, steps ${first}..${last}`,
      fill: variable ? '#d9d9d9' : colour(root),
    };
  });
}

function scratchBoxes(graph: Graph, plan: PlanResult): Box[] {
  return plan.scratch.map((s) => ({
    x0: s.step,
    x1: s.step + 1,
    offset: s.offset,
    bytes: s.bytes,
    tag: 'scratch',
    label: `op #${s.opIndex}`,
    title: `scratch of op #${s.opIndex} ${graph.ops[s.opIndex].opcode}: ${s.bytes} B at offset ${s.offset}`,
    fill: 'url(#hatch)',
  }));
}

/** A round tick spacing (1, 2 or 5 times a power of ten, in bytes or KiB) for about five ticks. */
function niceTick(top: number): number {
  const unit = top >= 4096 ? 1024 : 1;
  const raw = top / unit / 5;
  const pow = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const m = [1, 2, 5, 10].find((k) => k * pow >= raw) ?? 10;
  return Math.max(1, m * pow * unit);
}

interface Scale {
  x(step: number): number;
  y(offset: number): number;
  stepWidth: number;
}

/** Keeps the end of a long name: that is where tensor names differ. */
function fitLabel(text: string, chars: number): string {
  return text.length <= chars ? text : `…${text.slice(text.length - Math.max(0, chars - 1))}`;
}

function rect(b: Box, sc: Scale): string {
  const [x, y] = [sc.x(b.x0), sc.y(b.offset + b.bytes)];
  const [w, h] = [sc.x(b.x1) - x, Math.max(1, sc.y(b.offset) - y)];
  const chars = Math.floor((w - 4) / LABEL_PX);
  const lines = [b.tag, b.label].slice(0, h >= 26 ? 2 : h >= 11 ? 1 : 0).filter(() => chars >= 3);
  const label = lines
    .map((t, i) => `<text x="${x + 3}" y="${y + 12 + 12 * i}" class="l">${xml(fitLabel(t, chars))}</text>`)
    .join('');
  return `<g><title>${xml(b.title)}</title><rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${b.fill}" stroke="#333" stroke-width="0.6"/>${label}</g>`;
}

function axes(sc: Scale, steps: number, top: number): string[] {
  const out: string[] = [];
  const every = Math.max(1, Math.ceil(28 / sc.stepWidth));
  for (let s = 0; s < steps; s += every)
    out.push(`<text x="${sc.x(s + 0.5)}" y="${sc.y(0) + 16}" class="t" text-anchor="middle">${s}</text>`);
  const tick = niceTick(top);
  for (let off = 0; off <= top; off += tick) {
    out.push(
      `<line x1="${sc.x(0)}" x2="${sc.x(steps)}" y1="${sc.y(off)}" y2="${sc.y(off)}" class="g"/>`,
      `<text x="${sc.x(0) - 6}" y="${sc.y(off) + 4}" class="t" text-anchor="end">${kib(off)}</text>`,
    );
  }
  out.push(
    `<text x="${sc.x(steps / 2)}" y="${sc.y(0) + 36}" class="t" text-anchor="middle">op step</text>`,
    `<text x="16" y="${sc.y(top / 2)}" class="t" transform="rotate(-90 16 ${sc.y(top / 2)})" text-anchor="middle">offset</text>`,
  );
  return out;
}

function marks(graph: Graph, plan: PlanResult, sc: Scale): string[] {
  const out: string[] = [];
  const lb = sc.y(plan.lowerBoundBytes);
  out.push(
    `<line x1="${sc.x(0)}" x2="${sc.x(graph.order.length)}" y1="${lb}" y2="${lb}" class="lb"/>`,
    `<text x="${sc.x(graph.order.length)}" y="${lb - 4}" class="t" text-anchor="end">lower bound ${kib(plan.lowerBoundBytes)}</text>`,
  );
  if (plan.peak.step >= 0) {
    const x = sc.x(plan.peak.step);
    out.push(
      `<rect x="${x}" y="${sc.y(plan.arenaBytes)}" width="${sc.stepWidth}" height="${sc.y(0) - sc.y(plan.arenaBytes)}" class="pk"/>`,
      `<text x="${x + sc.stepWidth / 2}" y="${MARGIN.top - 8}" class="t" text-anchor="middle">peak: op #${plan.peak.opIndex} ${xml(plan.peak.opcode)}</text>`,
    );
  }
  return out;
}

const STYLE =
  '<style>.l{font:10px sans-serif;fill:#111}.t{font:11px sans-serif;fill:#333}' +
  '.g{stroke:#ccc;stroke-width:0.5}.lb{stroke:#c00;stroke-dasharray:5 3}.pk{fill:#f5a623;fill-opacity:0.18;stroke:#f5a623}</style>' +
  '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
  '<rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#888" stroke-width="2"/></pattern></defs>';

export function planSvg(graph: Graph, plan: PlanResult, name = graph.name || 'model'): string {
  const steps = Math.max(1, graph.order.length);
  const top = Math.max(1, plan.arenaBytes + plan.persistentBytes);
  const stepWidth = Math.max(16, Math.min(48, 1200 / steps));
  const sc: Scale = {
    stepWidth,
    x: (s) => MARGIN.left + s * stepWidth,
    y: (o) => MARGIN.top + HEIGHT - (o / top) * HEIGHT,
  };
  const width = MARGIN.left + steps * stepWidth + MARGIN.right;
  const height = MARGIN.top + HEIGHT + MARGIN.bottom;
  const title = `${name}: arena ${kib(plan.arenaBytes)} (${plan.planner}), persistent ${kib(plan.persistentBytes)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    STYLE,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${MARGIN.left}" y="20" class="t" font-weight="bold">${xml(title)}</text>`,
    ...axes(sc, steps, top),
    ...[...tensorBoxes(plan, steps), ...scratchBoxes(graph, plan)].map((b) => rect(b, sc)),
    ...marks(graph, plan, sc),
    '</svg>',
    '',
  ].join('\n');
}
