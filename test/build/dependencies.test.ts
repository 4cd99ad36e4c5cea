// Every runtime dependency in package.json is there because the program uses
// it: a package listed and imported nowhere is weight (and trust) for nothing,
// and one chosen but not used means the program does something by hand that
// it meant to leave to that package. Read from package.json as it stands, so
// moving packages between the dependency lists keeps this true either way.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

const sources = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'bin'))].map((file) => readFileSync(file, 'utf8'));

/** `import … from 'name'`, `import 'name'`, `import('name')`, `export … from 'name'`, or a subpath of it. */
function isImported(name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const specifier = `['"]${escaped}(?:/[^'"]*)?['"]`;
  const pattern = new RegExp(`(?:\\bfrom\\s*${specifier}|\\bimport\\s*${specifier}|\\bimport\\(\\s*${specifier}\\s*\\))`);
  return sources.some((text) => pattern.test(text));
}

describe('runtime dependencies', () => {
  const runtime = Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies });

  it('are listed (the check below has something to check)', () => {
    expect(runtime.length).toBeGreaterThan(0);
  });

  it.each(runtime)('%s is imported by src/ or bin/', (name) => {
    expect(isImported(name)).toBe(true);
  });

  it('tells an import from a mention', () => {
    expect(isImported('a-package-nobody-imports')).toBe(false);
  });
});
