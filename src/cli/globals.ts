// The flags every command accepts, and how option specs read for help and
// completion.
import { OUTPUT_FORMATS, type OptionSpec } from './command';

export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { flags: '-p, --profile <name>', description: 'profile of the config file to use (default: APPCLACKS_PROFILE, else default-profile)', complete: 'profiles' },
  { flags: '-o, --output <format>', description: 'output format', choices: OUTPUT_FORMATS },
  { flags: '--config <path>', description: 'config file (default: APPCLACKS_CONFIG, else <user config dir>/appclacks/appclacks.yaml)' },
  { flags: '--endpoint <url>', description: 'API base URL (default: APPCLACKS_API_ENDPOINT, else https://api.appclacks.com)' },
  { flags: '--insecure-ok', description: 'no warning when a password or token goes over plain http to another machine (also APPCLACKS_INSECURE_OK=1)' },
];

/** "-p, --profile <name>" → ["-p", "--profile"] */
export function optionNames(option: OptionSpec): string[] {
  return option.flags.split(/[ ,|]+/).filter((part) => part.startsWith('-'));
}

export function takesValue(option: OptionSpec): boolean {
  return /<[^>]+>/.test(option.flags);
}

/** The key commander stores a flag under: "--organization-name <name>" → "organizationName". */
export function optionKey(option: OptionSpec): string {
  const long = optionNames(option).find((name) => name.startsWith('--')) ?? '';
  return long.slice(2).replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
