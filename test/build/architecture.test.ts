// docs/architecture.md's table of parts is the rule, and this holds the code
// to it: every import between two parts of src/ must be one the table lists,
// every import the table lists must exist (a list longer than the code would
// stop saying anything), each part may import only parts above its row (so
// the parts form no cycle), and an import the table marks "via import()" must
// be a dynamic one (or a type-only one, which the build erases).
//
// Why a scan of the sources with TypeScript's own pre-processor rather than
// esbuild's metafile: the metafile only knows what reaches the bundle, so it
// misses type-only imports (erased by then) and modules the entry never
// loads; a reader of the code sees both, and a type import from a part above
// is as much a cycle for them. The pre-processor is TypeScript's public
// import scanner, so no regular expression has to understand the syntax.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const src = join(root, 'src');

interface Rule {
  part: string;
  /** Parts it may import anyhow. */
  statically: Set<string>;
  /** Parts it may reach only through import(). */
  dynamically: Set<string>;
}

/** The table's rows: `| \`src/x/\` | what | \`a\`, \`b\` via import() |`, in the table's order. */
function parseRules(markdown: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const head = /^`src\/([^`/]+)\/?`$/.exec(cells[1] ?? '');
    if (!head || cells.length < 5) continue;
    const rule: Rule = { part: head[1]!.replace(/\.tsx?$/, ''), statically: new Set(), dynamically: new Set() };
    for (const item of cells[3]!.split(',')) {
      const named = /`([^`]+)`(\s+via import\(\))?/.exec(item);
      if (named) (named[2] ? rule.dynamically : rule.statically).add(named[1]!);
    }
    rules.push(rule);
  }
  return rules;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A folder of src/, or a file loose in src/ named without its extension. */
function partOf(file: string): string {
  const [first, ...rest] = relative(src, file).split('/');
  return rest.length === 0 ? first!.replace(/\.tsx?$/, '') : first!;
}

interface Edge {
  from: string;
  to: string;
  file: string;
  dynamic: boolean;
  /** `import type …`: erased by the build, so it loads nothing. */
  typeOnly: boolean;
}

/** Every import from one part of src/ to another, static (type-only ones too) or dynamic. */
function edges(): Edge[] {
  return sourceFiles(src).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const { importedFiles } = ts.preProcessFile(text, true, true);
    return importedFiles
      .filter((i) => i.fileName.startsWith('.'))
      .map((i) => {
        const target = resolve(dirname(file), i.fileName);
        // The text right before the specifier says whether it is import( … ).
        const before = text.slice(0, i.pos).trimEnd();
        const statement = before.slice(before.lastIndexOf('\n') + 1);
        return {
          from: partOf(file),
          to: partOf(target),
          file: relative(root, file),
          dynamic: /\bimport\s*\($/.test(before),
          typeOnly: /^(import|export) type\b/.test(statement),
        };
      })
      .filter((e) => e.from !== e.to);
  });
}

describe('docs/architecture.md and the imports', () => {
  const rules = parseRules(readFileSync(join(root, 'docs', 'architecture.md'), 'utf8'));
  const byPart = new Map(rules.map((r) => [r.part, r]));
  const all = edges();

  it('reads a rule for every part of src/', () => {
    const parts = [...new Set(sourceFiles(src).map(partOf))].sort();
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.filter((p) => !byPart.has(p))).toEqual([]);
    expect(rules.map((r) => r.part).filter((p) => !parts.includes(p))).toEqual([]);
  });

  it('finds every import only where the table allows it', () => {
    const broken = all
      .filter((e) => {
        const rule = byPart.get(e.from);
        if (!rule) return true;
        return !(rule.statically.has(e.to) || ((e.dynamic || e.typeOnly) && rule.dynamically.has(e.to)));
      })
      .map((e) => `${e.file} imports ${e.to}${e.dynamic ? ' (dynamically)' : ''}`);
    expect([...new Set(broken)]).toEqual([]);
  });

  it('lists no import the code does not make', () => {
    const made = new Set(all.map((e) => `${e.from} → ${e.to}`));
    const listed = rules.flatMap((r) => [...r.statically, ...r.dynamically].map((to) => `${r.part} → ${to}`));
    expect(listed.filter((l) => !made.has(l))).toEqual([]);
  });

  it('orders the parts so each imports only parts listed above it: no cycles', () => {
    const rank = new Map(rules.map((r, i) => [r.part, i]));
    const upward = rules.flatMap((r) =>
      [...r.statically, ...r.dynamically].filter((to) => (rank.get(to) ?? Infinity) >= rank.get(r.part)!).map((to) => `${r.part} → ${to}`),
    );
    expect(upward).toEqual([]);
  });

  it('tells a broken rule from a kept one', () => {
    const rules = parseRules('| `src/a/` | x | `b`, `c` via import() |\n| `src/b/` | y | nothing |');
    expect(rules).toEqual([
      { part: 'a', statically: new Set(['b']), dynamically: new Set(['c']) },
      { part: 'b', statically: new Set(), dynamically: new Set() },
    ]);
  });
});
