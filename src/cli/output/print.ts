import type { OutputFormat } from '../command';
import type { CliDeps } from '../deps';
import { renderJson } from './json';

/** Prints a result on stdout: the API value for `-o json`, the people's table otherwise. */
export function printResult(deps: CliDeps, format: OutputFormat, value: unknown, table: () => string): void {
  deps.io.stdout.write(format === 'json' ? renderJson(value) : table());
}
