/** The progress line: bar, percentage, count, rate and ETA. */
import { describe, expect, it } from 'vitest';
import { formatProgress } from '../../src/eval/progress.js';

describe('formatProgress', () => {
  it('shows the bar, the count, the rate and the time left', () => {
    expect(formatProgress({ done: 25, total: 100, elapsedMs: 5000 }, 8)).toBe(
      '██░░░░░░  25% 25/100  5.0/s  ETA 00:15',
    );
  });

  it('uses hours when the wait is long, and dashes before anything is done', () => {
    expect(formatProgress({ done: 1, total: 10_000, elapsedMs: 1000 }, 4)).toMatch(/ETA 2:46:39$/);
    expect(formatProgress({ done: 0, total: 10, elapsedMs: 0 }, 4)).toBe('░░░░   0% 0/10  0.0/s  ETA --:--');
    expect(formatProgress({ done: 10, total: 10, elapsedMs: 2000 }, 4)).toBe(
      '████ 100% 10/10  5.0/s  ETA 00:00',
    );
  });
});
