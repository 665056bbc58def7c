/**
 * A project directory: tinyforge.json (platform + the options given at create-project), the
 * compiled model in model/, and whatever the platform generates. Every later stage (build,
 * flash, run) reads the stored options, so nothing has to be typed twice; options given
 * again override them for that one invocation.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, FileNotFoundError, UsageError } from '../errors.js';
import { writeModelSources } from './model-source.js';
import { checkGiven, resolveOptions } from './options.js';
import { loadPlatform, type PlatformRef } from './registry.js';
import type {
  BuildResult,
  DeviceConnection,
  FlashResult,
  ModelSummary,
  OptionValue,
  OptionValues,
  Platform,
  Reporter,
  Stage,
} from './types.js';

export const PROJECT_FILE = 'tinyforge.json';

export interface ProjectFile {
  tinyforgeVersion: string;
  platform: string;
  /** Absolute template directory of a custom platform. */
  templateDir?: string;
  /** As given at create-project (typed); defaults are not stored. */
  options: OptionValues;
  /** The .tflite or .tar the project was made from. */
  source: string;
  model: ModelSummary;
}

export interface CreateProjectOptions {
  dir: string;
  /** A .tflite model or a `compile --format archive` .tar. */
  source: string;
  platform: PlatformRef;
  options?: Readonly<Record<string, OptionValue>>;
  force?: boolean;
  reporter?: Reporter;
  runtimeVersion?: string;
}

const refOf = (p: ProjectFile): PlatformRef => (p.templateDir ? { templateDir: p.templateDir } : p.platform);

function prepareDir(dir: string, force: boolean): void {
  if (!existsSync(dir) || readdirSync(dir).length === 0) return;
  if (!force)
    throw new UsageError(
      `${dir} already exists and is not empty`,
      'pass --force to replace the project there',
    );
  if (!existsSync(join(dir, PROJECT_FILE))) {
    throw new UsageError(
      `${dir} is not a tinyforge project (no ${PROJECT_FILE}); --force will not delete it`,
      'choose another directory',
    );
  }
  rmSync(dir, { recursive: true, force: true });
}

export async function createProject(o: CreateProjectOptions): Promise<ProjectFile> {
  const reporter = o.reporter ?? {};
  const platform = await loadPlatform(o.platform);
  try {
    const given = checkGiven(platform, o.options ?? {}, 'create-project');
    const options = resolveOptions(platform, 'create-project', given);
    if (!existsSync(o.source)) throw new FileNotFoundError(o.source, 'model or archive');
    prepareDir(o.dir, o.force ?? false);
    mkdirSync(o.dir, { recursive: true });
    let model: ModelSummary;
    try {
      reporter.step?.('compiling the model to C');
      model = writeModelSources(o.dir, o.source, o.runtimeVersion ?? '0');
      reporter.step?.(`generating the ${platform.name} project`);
      await platform.generate({ dir: o.dir, model, options, reporter });
    } catch (e) {
      // prepareDir left DIR empty or new: a failed attempt leaves nothing behind.
      rmSync(o.dir, { recursive: true, force: true });
      throw e;
    }
    const project: ProjectFile = {
      tinyforgeVersion: o.runtimeVersion ?? '0',
      platform: platform.name,
      ...(typeof o.platform === 'string' ? {} : { templateDir: resolve(o.platform.templateDir) }),
      options: given,
      source: resolve(o.source),
      model,
    };
    writeFileSync(join(o.dir, PROJECT_FILE), `${JSON.stringify(project, null, 2)}\n`);
    return project;
  } finally {
    await platform.dispose?.();
  }
}

export function readProject(dir: string): ProjectFile {
  const path = join(dir, PROJECT_FILE);
  if (!existsSync(path)) {
    throw new UsageError(
      `${dir} is not a tinyforge project (no ${PROJECT_FILE})`,
      'create one: tinyforge create-project DIR MODEL PLATFORM',
    );
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ProjectFile;
  } catch (e) {
    throw new ConfigError(`${path}: ${(e as Error).message}`, 'fix the JSON or create the project again');
  }
}

export interface StageOptions {
  /** This invocation's option values (checked against the stage). */
  overrides?: Readonly<Record<string, OptionValue>>;
  reporter?: Reporter;
}

export interface OpenedProject {
  project: ProjectFile;
  platform: Platform;
  options: OptionValues;
}

/** Loads the project and its platform with the options of `stage`; dispose the platform after. */
export async function openProject(dir: string, stage: Stage, overrides = {}): Promise<OpenedProject> {
  const project = readProject(dir);
  const platform = await loadPlatform(refOf(project));
  try {
    const given = checkGiven(platform, overrides, stage);
    return { project, platform, options: resolveOptions(platform, stage, project.options, given) };
  } catch (e) {
    await platform.dispose?.();
    throw e;
  }
}

async function withProject<T>(
  dir: string,
  stage: Stage,
  o: StageOptions,
  fn: (p: OpenedProject) => Promise<T>,
): Promise<T> {
  const opened = await openProject(dir, stage, o.overrides);
  try {
    return await fn(opened);
  } finally {
    await opened.platform.dispose?.();
  }
}

export function buildProject(
  dir: string,
  o: StageOptions = {},
): Promise<BuildResult & { project: ProjectFile }> {
  return withProject(dir, 'build', o, async ({ project, platform, options }) => ({
    ...(await platform.build(dir, options, o.reporter ?? {})),
    project,
  }));
}

export function flashProject(dir: string, o: StageOptions = {}): Promise<FlashResult> {
  return withProject(dir, 'flash', o, ({ platform, options }) =>
    platform.flash(dir, options, o.reporter ?? {}),
  );
}

/** Starts the device (QEMU, a serial port, a custom transport); close() stops everything. */
export async function connectProject(dir: string, o: StageOptions = {}): Promise<DeviceConnection> {
  const { platform, options } = await openProject(dir, 'run', o.overrides);
  try {
    const connection = await platform.openTransport(dir, options, o.reporter ?? {});
    return {
      ...connection,
      close: async () => {
        try {
          await connection.close();
        } finally {
          await platform.dispose?.();
        }
      },
    };
  } catch (e) {
    await platform.dispose?.();
    throw e;
  }
}
