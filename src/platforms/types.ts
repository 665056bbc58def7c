/**
 * The platform contract, after microTVM's Project API: a platform is a folder with this
 * handler (platform.ts), its board facts (boards.json) and template files. Options are data,
 * so the CLI can turn them into flags and check them per stage.
 */
import type { Transport } from '../transport/transport.js';
import type { SizeReport } from './common/size-report.js';

export const STAGES = ['create-project', 'build', 'flash', 'run'] as const;
export type Stage = (typeof STAGES)[number];

export type OptionType = 'bool' | 'string' | 'int' | 'choice';
export type OptionValue = string | number | boolean;
export type OptionValues = Record<string, OptionValue>;

export interface OptionSpec {
  name: string;
  type: OptionType;
  choices?: string[];
  default?: OptionValue;
  /** Stages that cannot run without a value (stored at create-project or given again). */
  required: Stage[];
  /** Stages that read the option when it is set. */
  optional: Stage[];
  help: string;
}

/** How long steps tell the caller what they do; the library itself never prints. */
export interface Reporter {
  /** A long step starts (the CLI shows a spinner with this label). */
  step?(label: string): void;
  /** Output of an external tool, as it arrives (the CLI shows it with --verbose). */
  output?(text: string): void;
}

/** The compiled model inside a project (DIR/model/metadata.json). */
export interface ModelSummary {
  /** The .tflite file inside DIR/model. */
  file: string;
  /** C symbol prefix of the generated code. */
  name: string;
  /** sha256 of the model file, hex. */
  hash: string;
  memory: {
    inputBytes: number;
    outputBytes: number;
    activationBytes: number;
    scratchBytes: number;
    persistentBytes: number;
  };
}

export interface GenerateContext {
  /** The project directory; DIR/model already holds the compiled model. */
  dir: string;
  model: ModelSummary;
  options: OptionValues;
  reporter: Reporter;
}

/** One memory partition of a firmware made of several images (TrustZone: secure / non-secure). */
export interface PartitionUsage {
  name: string;
  origin: number;
  size: number;
  used: number;
  /** What the used bytes are, for the user ("code 5,120 + weights 270,144"). */
  detail: string;
}

export interface BuildResult {
  /** The firmware image (ELF) the flash step takes. */
  image: string;
  /** Sections against the board's memory, when the platform knows them. */
  size?: SizeReport;
  /** Per-partition use, when the firmware's memory is split between images. */
  partitions?: PartitionUsage[];
}

export interface FlashResult {
  /** What happened, for the user: the staged file or the command that ran. */
  summary: string;
}

/** STATS reports SysTick ticks; this says what one tick stands for on the platform. */
export interface CountConversion {
  unit: 'instructions' | 'cycles';
  perTick: number;
}

export interface DeviceConnection {
  transport: Transport;
  /** null: the counts mean nothing here (e.g. QEMU without -icount). */
  counts: CountConversion | null;
  /** The exact instruction count of the invoke that just ended, when the platform measures it. */
  nextInvokeCount?: () => Promise<number>;
  /** Closes the transport and stops whatever the platform started (QEMU). */
  close(): Promise<void>;
}

export interface Platform {
  readonly name: string;
  readonly description: string;
  readonly options: OptionSpec[];
  /** Checks that need several options at once (e.g. a UART base only for the CMSDK driver). */
  check?(options: OptionValues, stage: Stage): void;
  generate(ctx: GenerateContext): Promise<void>;
  build(dir: string, options: OptionValues, reporter: Reporter): Promise<BuildResult>;
  flash(dir: string, options: OptionValues, reporter: Reporter): Promise<FlashResult>;
  openTransport(dir: string, options: OptionValues, reporter: Reporter): Promise<DeviceConnection>;
  /** Ends helper processes (a custom platform's server); optional. */
  dispose?(): Promise<void>;
}
