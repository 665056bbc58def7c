/**
 * No orphan QEMU: every live child is SIGKILLed when this Node process exits or is stopped by
 * SIGINT/SIGTERM/SIGHUP. The handlers exist only while a child is alive, so tinyforge changes
 * nothing about signal handling otherwise. When ours is the only handler of a signal, the
 * signal is re-raised after the clean-up so the process still dies of it as it would have.
 * (A SIGKILLed Node process cannot clean up; the per-run timeout cannot help there either.)
 */
import type { ChildProcess } from 'node:child_process';

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const live = new Set<ChildProcess>();

function killAll(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  killAll();
  uninstall();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function install(): void {
  process.on('exit', killAll);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function uninstall(): void {
  process.off('exit', killAll);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

/** Tracks `child` until it exits (or fails to spawn: then only 'error' is emitted). */
export function guardChild(child: ChildProcess): void {
  if (live.size === 0) install();
  live.add(child);
  const forget = (): void => {
    if (live.delete(child) && live.size === 0) uninstall();
  };
  child.once('exit', forget);
  child.once('error', forget);
}

export function liveChildCount(): number {
  return live.size;
}
