// What runs once commander has parsed argv (run-cli.ts): check the flags,
// build the deps, run the command, close what it opened.
import { UsageError } from '../errors';
import type { AnyCommandSpec, ParsedInput } from './command';
import { createCliDeps, type BaseDeps } from './deps';
import { optionKey } from './globals';

function requireMandatoryFlags(spec: AnyCommandSpec, input: ParsedInput): void {
  for (const option of spec.options ?? []) {
    if (option.mandatory && input.flags[optionKey(option)] === undefined) {
      throw new UsageError(`required option ${option.flags} not given`, { hint: `see \`appclacks ${spec.path.join(' ')} --help\`` });
    }
  }
}

/** Resolves to the command's exit code; throws what the command throws. */
export async function runCommand(spec: AnyCommandSpec, input: ParsedInput, base: BaseDeps): Promise<number> {
  requireMandatoryFlags(spec, input);
  const options = spec.parse(input);
  const deps = createCliDeps(base, {
    ...(input.globals.profile === undefined ? {} : { profile: input.globals.profile }),
    ...(input.globals.endpoint === undefined ? {} : { endpoint: input.globals.endpoint }),
    ...(input.globals.config === undefined ? {} : { config: input.globals.config }),
  }, { insecureOk: input.globals.insecureOk === true });
  try {
    return (await spec.run(options, deps)) ?? 0;
  } finally {
    await deps.dispose();
  }
}
