/**
 * The error vocabulary of tinyforge. The library throws these and never prints or exits;
 * `src/cli/` has the one top-level handler that turns them into a line, a hint and an exit code.
 */

export type ErrorCode =
  | 'USAGE'
  | 'FILE_NOT_FOUND'
  | 'MODEL_FORMAT'
  | 'UNSUPPORTED_OPERATOR'
  | 'KERNEL_PREPARE'
  | 'INPUT_MISMATCH'
  | 'DATA_FORMAT'
  | 'PLAN'
  | 'BUILD'
  | 'TOOL_NOT_FOUND'
  | 'TRANSPORT'
  | 'DEVICE_TIMEOUT'
  | 'DEVICE'
  | 'PROTOCOL'
  | 'CONFIG';

export class TinyforgeError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  /** Process exit code the CLI uses: 2 for user mistakes, 1 for failures of the environment. */
  readonly exitCode: number;

  constructor(code: ErrorCode, message: string, hint = '', exitCode = 2) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.hint = hint;
    this.exitCode = exitCode;
  }
}

export class UsageError extends TinyforgeError {
  constructor(message: string, hint = 'run `tinyforge --help` for usage') {
    super('USAGE', message, hint);
  }
}

export class FileNotFoundError extends TinyforgeError {
  constructor(path: string, what = 'file') {
    super(
      'FILE_NOT_FOUND',
      `${what} not found: ${path}`,
      'check the path; relative paths start at the current directory',
    );
  }
}

/** A .tflite file that is not a valid model; `where` is a byte offset or a tensor/op location. */
export class ModelFormatError extends TinyforgeError {
  readonly where: string;
  constructor(
    message: string,
    where = '',
    hint = 'the file is not a valid TensorFlow Lite model; re-export it with the TFLite converter',
  ) {
    super('MODEL_FORMAT', where ? `${message} (${where})` : message, hint);
    this.where = where;
  }
}

export interface UnsupportedOp {
  index: number;
  opcode: string;
  dtype: string;
  reason?: string;
}

/** Lists every unsupported op of a model at once, not just the first. */
export class UnsupportedOperatorError extends TinyforgeError {
  readonly ops: UnsupportedOp[];
  constructor(ops: UnsupportedOp[]) {
    const list = ops
      .map((o) => `#${o.index} ${o.opcode} (${o.dtype})${o.reason ? `: ${o.reason}` : ''}`)
      .join(', ');
    super(
      'UNSUPPORTED_OPERATOR',
      `${ops.length} unsupported operator${ops.length === 1 ? '' : 's'}: ${list}`,
      'see `tinyforge ops` for the supported operators and dtypes',
    );
    this.ops = ops;
  }
}

/** A kernel's prepare found a configuration it cannot run (bad shapes, quantization, options). */
export class KernelPrepareError extends TinyforgeError {
  constructor(opIndex: number, opcode: string, message: string) {
    super(
      'KERNEL_PREPARE',
      `op #${opIndex} ${opcode}: ${message}`,
      'the model is inconsistent for this op; check how it was converted',
    );
  }
}

/** Inputs given by the user do not match the model. */
export class InputMismatchError extends TinyforgeError {
  constructor(message: string, hint = 'run `tinyforge inspect MODEL` to see the expected inputs') {
    super('INPUT_MISMATCH', message, hint);
  }
}

/** A data file (.npy, .npz, .bin, .csv, scenario) that cannot be read. */
export class DataFormatError extends TinyforgeError {
  constructor(message: string, hint = 'check the file format') {
    super('DATA_FORMAT', message, hint);
  }
}

export class PlanError extends TinyforgeError {
  constructor(message: string, hint = '') {
    super('PLAN', message, hint, 1);
  }
}

export class ConfigError extends TinyforgeError {
  constructor(message: string, hint = '') {
    super('CONFIG', message, hint);
  }
}

export class ToolNotFoundError extends TinyforgeError {
  constructor(tool: string, hint: string) {
    super('TOOL_NOT_FOUND', `${tool} not found`, hint, 1);
  }
}

/** An external build step failed; carries the command and the tail of its stderr. */
export class BuildError extends TinyforgeError {
  readonly command: string;
  readonly commandExitCode: number | null;
  readonly stderrTail: string;
  constructor(
    message: string,
    command: string,
    commandExitCode: number | null,
    stderrTail: string,
    hint = 'run again with --verbose to see the full tool output',
  ) {
    super('BUILD', stderrTail ? `${message}\n${stderrTail}` : message, hint, 1);
    this.command = command;
    this.commandExitCode = commandExitCode;
    this.stderrTail = stderrTail;
  }
}

export class TransportError extends TinyforgeError {
  constructor(message: string, hint = 'check the connection to the device') {
    super('TRANSPORT', message, hint, 1);
  }
}

export class DeviceTimeoutError extends TinyforgeError {
  constructor(
    message: string,
    hint = 'the device stopped answering; reset it or rebuild and flash the firmware',
  ) {
    super('DEVICE_TIMEOUT', message, hint, 1);
  }
}

/** The device answered with an ERROR frame. */
export class DeviceError extends TinyforgeError {
  readonly deviceCode: number;
  constructor(deviceCode: number, message: string, hint = '') {
    super('DEVICE', `device error ${deviceCode}: ${message}`, hint, 1);
    this.deviceCode = deviceCode;
  }
}

export class ProtocolError extends TinyforgeError {
  constructor(
    message: string,
    hint = 'the device and host disagree on the protocol; rebuild the firmware with this tinyforge',
  ) {
    super('PROTOCOL', message, hint, 1);
  }
}
