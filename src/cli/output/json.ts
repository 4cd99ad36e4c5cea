/** API objects exactly as the server sent them, for scripts (`-o json`). */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
