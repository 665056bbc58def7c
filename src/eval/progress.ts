/** A one-line progress bar with rate and ETA, as text; the CLI decides when to draw it. */
import type { Progress } from './pool.js';

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const hh = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function formatProgress(p: Progress, width = 30): string {
  const frac = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
  const filled = Math.round(frac * width);
  const rate = p.elapsedMs > 0 ? (p.done * 1000) / p.elapsedMs : 0;
  const eta = rate > 0 ? (p.total - p.done) / rate : Number.POSITIVE_INFINITY;
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  const pct = `${Math.floor(frac * 100)}`.padStart(3);
  return `${bar} ${pct}% ${p.done}/${p.total}  ${rate.toFixed(1)}/s  ETA ${clock(eta)}`;
}
