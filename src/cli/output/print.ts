import type { OutputFormat } from '../command';
import type { CliDeps } from '../deps';
import { oneLine } from '../../report/report';
import { terminalSafe } from '../../text/terminal-text';
import { renderJson } from './json';

/**
 * Prints a result on stdout: the API value for `-o json`, the people's text
 * otherwise. The text is made safe line by line here, whatever built it:
 * tables already are (table.ts), and this keeps a new plain line from
 * forgetting (server text reaches it, see terminal-text.ts).
 */
export function printResult(deps: CliDeps, format: OutputFormat, value: unknown, text: () => string): void {
  deps.io.stdout.write(format === 'json' ? renderJson(value) : text().split('\n').map(terminalSafe).join('\n'));
}

/** The server's `messages`, one line each (a newline in one cannot start another), or `fallback` when it sent none. */
export function messageLines(messages: readonly string[], fallback: string): string {
  return `${(messages.length > 0 ? messages : [fallback]).map(oneLine).join('\n')}\n`;
}
