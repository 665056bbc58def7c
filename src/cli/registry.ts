/** The CLI's commands, one module each. */
import type { Command } from 'commander';
import { registerBuildCommand } from './build.js';
import { registerCompileCommand } from './compile.js';
import { registerCreateProjectCommand } from './create-project.js';
import { registerDemoCommand } from './demo.js';
import { registerEvalCommand } from './eval.js';
import { registerFlashCommand } from './flash.js';
import { registerInspectCommand } from './inspect.js';
import type { CliIO } from './io.js';
import { registerOpsCommand } from './ops.js';
import { registerPlanCommand } from './plan.js';
import { registerReportCommand } from './report.js';
import { registerRunCommand } from './run.js';

export type RegisterCommand = (program: Command, io: CliIO) => void;

export const COMMANDS: RegisterCommand[] = [
  registerInspectCommand,
  registerRunCommand,
  registerPlanCommand,
  registerCompileCommand,
  registerOpsCommand,
  registerDemoCommand,
  registerCreateProjectCommand,
  registerBuildCommand,
  registerFlashCommand,
  registerEvalCommand,
  registerReportCommand,
];
