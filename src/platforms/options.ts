/** Platform options as data: parsing `K=V`, checking types and choices, resolving per stage. */
import { UsageError } from '../errors.js';
import type { OptionSpec, OptionValue, OptionValues, Platform, Stage } from './types.js';

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

/** `["board=mps2-an386", "opt=O3"]` → `{ board: "mps2-an386", opt: "O3" }` (values unchecked). */
export function parseAssignments(list: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq <= 0)
      throw new UsageError(`project option "${item}" is not NAME=VALUE`, 'e.g. -o board=mps2-an386');
    out[item.slice(0, eq).trim()] = item.slice(eq + 1);
  }
  return out;
}

/** The typed value of one option, from the command line (string) or tinyforge.json. */
export function coerceOption(spec: OptionSpec, raw: OptionValue): OptionValue {
  const bad = (what: string): never => {
    throw new UsageError(`option ${spec.name}: ${what}, got "${String(raw)}"`, `${spec.name}: ${spec.help}`);
  };
  switch (spec.type) {
    case 'bool': {
      if (typeof raw === 'boolean') return raw;
      const s = String(raw).toLowerCase();
      if (TRUE.has(s)) return true;
      if (FALSE.has(s)) return false;
      return bad('expected true or false');
    }
    case 'int': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
      if (!Number.isSafeInteger(n) || String(raw).trim() === '') return bad('expected a whole number');
      return n;
    }
    case 'choice': {
      const s = String(raw);
      if (!spec.choices?.includes(s)) return bad(`expected one of ${spec.choices?.join(', ')}`);
      return s;
    }
    default:
      return String(raw);
  }
}

function specOf(platform: Platform, name: string): OptionSpec {
  const spec = platform.options.find((o) => o.name === name);
  if (!spec) {
    throw new UsageError(
      `platform ${platform.name} has no option "${name}"`,
      `its options: ${platform.options.map((o) => o.name).join(', ')} (see --list-options)`,
    );
  }
  return spec;
}

/** Checks and types user-given values; `stage` limits which options may be set now. */
export function checkGiven(
  platform: Platform,
  given: Readonly<Record<string, OptionValue>>,
  stage: Stage,
): OptionValues {
  const out: OptionValues = {};
  for (const [name, raw] of Object.entries(given)) {
    const spec = specOf(platform, name);
    // At create-project every option may be given: it is stored for the later stages.
    if (stage !== 'create-project' && !spec.required.includes(stage) && !spec.optional.includes(stage)) {
      const uses = [...new Set([...spec.required, ...spec.optional])].join(', ');
      throw new UsageError(
        `option ${name} cannot be changed at ${stage} (it is used by: ${uses})`,
        stage === 'run' || stage === 'flash' || stage === 'build'
          ? 'create the project again with the new value (create-project --force)'
          : '',
      );
    }
    out[name] = coerceOption(spec, raw);
  }
  return out;
}

/** Defaults, then the stored options, then this invocation's overrides; required ones checked. */
export function resolveOptions(
  platform: Platform,
  stage: Stage,
  stored: OptionValues,
  overrides: OptionValues = {},
): OptionValues {
  const values: OptionValues = {};
  for (const spec of platform.options) if (spec.default !== undefined) values[spec.name] = spec.default;
  for (const [name, v] of Object.entries(stored)) {
    // A project written by an older tinyforge may name options this one dropped.
    const spec = platform.options.find((o) => o.name === name);
    if (spec) values[name] = coerceOption(spec, v);
  }
  Object.assign(values, overrides);
  const missing = platform.options.filter((o) => o.required.includes(stage) && values[o.name] === undefined);
  if (missing.length > 0) {
    throw new UsageError(
      `platform ${platform.name} needs ${missing.map((o) => o.name).join(', ')} for ${stage}`,
      missing.map((o) => `-o ${o.name}=${placeholder(o)} (${o.help})`).join('; '),
    );
  }
  platform.check?.(values, stage);
  return values;
}

function placeholder(o: OptionSpec): string {
  if (o.type === 'choice') return o.choices?.join('|') ?? 'VALUE';
  return o.type === 'int' ? 'N' : o.type === 'bool' ? 'true|false' : 'VALUE';
}

/** Reads a typed option that resolveOptions guaranteed (required or defaulted). */
export function str(values: OptionValues, name: string): string {
  const v = values[name];
  if (v === undefined) throw new UsageError(`option ${name} is not set`, `add -o ${name}=VALUE`);
  return String(v);
}

export function int(values: OptionValues, name: string): number {
  return Number(str(values, name));
}

export function bool(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

export function optionalStr(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return v === undefined || v === '' ? undefined : String(v);
}
