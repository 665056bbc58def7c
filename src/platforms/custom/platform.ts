/**
 * A platform from a template directory: DIR/tinyforge-platform is an executable speaking
 * JSON-RPC 2.0 on stdin/stdout with the platform methods (docs/platforms.md): info,
 * generate_project, build, flash, open_transport, read_transport, write_transport,
 * close_transport. The server runs for one tinyforge stage; dispose() stops it.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { runtimeDir } from '../../codegen/compile.js';
import { ConfigError, UsageError } from '../../errors.js';
import { MODEL_DIR } from '../model-source.js';
import { type CountConversion, type OptionValues, type Platform, type Reporter, STAGES } from '../types.js';
import { RpcClient } from './rpc-client.js';
import { RpcTransport } from './rpc-transport.js';

export const SERVER_NAME = 'tinyforge-platform';

const stage = z.enum(STAGES);
const optionValue = z.union([z.string(), z.number(), z.boolean()]);
const infoSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
  description: z.string().default(''),
  options: z
    .array(
      z.object({
        name: z.string().regex(/^[a-z][a-z0-9-]*$/),
        type: z.enum(['bool', 'string', 'int', 'choice']),
        choices: z.array(z.string()).optional(),
        default: optionValue.optional(),
        required: z.array(stage).default([]),
        optional: z.array(stage).default([]),
        help: z.string().default(''),
      }),
    )
    .default([]),
});

const countsSchema = z
  .object({ unit: z.enum(['instructions', 'cycles']), per_tick: z.number().positive() })
  .nullable()
  .optional();

function serverPath(templateDir: string): string {
  const server = join(resolve(templateDir), SERVER_NAME);
  if (!existsSync(server)) {
    throw new UsageError(
      `${templateDir} has no ${SERVER_NAME}`,
      `a template directory holds an executable named ${SERVER_NAME} (see examples/custom-platform)`,
    );
  }
  try {
    accessSync(server, constants.X_OK);
  } catch {
    throw new UsageError(`${server} is not executable`, `chmod +x ${server}`);
  }
  return server;
}

type Info = z.infer<typeof infoSchema>;

async function readInfo(rpc: RpcClient, server: string): Promise<Info> {
  const parsed = infoSchema.safeParse(await rpc.call('info'));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ConfigError(
    `${server}: info: ${issue.path.join('.')}: ${issue.message}`,
    "fix the platform server's info answer",
  );
}

export async function openCustomPlatform(templateDir: string): Promise<Platform> {
  const server = serverPath(templateDir);
  const rpc = await RpcClient.start(server, resolve(templateDir));
  try {
    return customPlatform(rpc, await readInfo(rpc, server));
  } catch (e) {
    await rpc.close();
    throw e;
  }
}

/** The Platform whose every stage is a call to the server. */
function customPlatform(rpc: RpcClient, info: Info): Platform {
  const call = <T>(method: string, dir: string, options: OptionValues, reporter: Reporter) => {
    rpc.onStderr = reporter.output;
    return rpc.call<T | null>(method, { project_dir: resolve(dir), options });
  };
  return {
    name: info.name,
    description: info.description,
    options: info.options,
    async generate(ctx) {
      rpc.onStderr = ctx.reporter.output;
      await rpc.call('generate_project', {
        project_dir: resolve(ctx.dir),
        model_dir: join(resolve(ctx.dir), MODEL_DIR),
        model: ctx.model,
        runtime_dir: runtimeDir(),
        options: ctx.options,
      });
    },
    async build(dir, options, reporter) {
      reporter.step?.(`building with ${info.name}`);
      const r = await call<{ image?: string }>('build', dir, options, reporter);
      return { image: r?.image ?? '' };
    },
    async flash(dir, options, reporter) {
      reporter.step?.(`flashing with ${info.name}`);
      const r = await call<{ summary?: string }>('flash', dir, options, reporter);
      return { summary: r?.summary ?? `flashed with ${info.name}` };
    },
    async openTransport(dir, options, reporter) {
      const r = await call<{ counts?: unknown }>('open_transport', dir, options, reporter);
      const counts = countsSchema.parse(r?.counts);
      const conversion: CountConversion | null = counts
        ? { unit: counts.unit, perTick: counts.per_tick }
        : null;
      const transport = new RpcTransport(rpc, info.name);
      return { transport, counts: conversion, close: () => transport.close() };
    },
    dispose: () => rpc.close(),
  };
}
