/** `tinyforge flash DIR` — put the built firmware on the device (QEMU: stage it; a board: its flash command). */
import type { Command } from 'commander';
import { flashProject } from '../platforms/project.js';
import type { FlashResult } from '../platforms/types.js';
import { type CliIO, json } from './io.js';
import { registerProjectStage } from './project-stage.js';

export function registerFlashCommand(program: Command, io: CliIO): void {
  registerProjectStage<FlashResult>(program, io, {
    name: 'flash',
    description:
      "put a project's built firmware on its device (QEMU: stage the image; baremetal: the flash command)",
    run: (dir, overrides, reporter) => flashProject(dir, { overrides, reporter }),
    print(r, flags) {
      if (flags.json) json(io, r);
      else io.out(`${r.summary}\n`);
    },
  });
}
