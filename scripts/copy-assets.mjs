// Copies the non-TypeScript files under src/ (platform templates, board tables) next to the
// compiled JavaScript in dist/, so code that reads them relative to itself works in both.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'src');
const dist = join(root, 'dist');

function walk(dir) {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) walk(full);
    else if (!entry.endsWith('.ts')) cpSync(full, join(dist, relative(src, full)));
  }
}
walk(src);
