// A list spread into a call's arguments (Math.max(...rows), push(...items),
// String.fromCharCode(...codes)) puts every item on the stack: past about
// 100,000 items V8 throws "Maximum call stack size exceeded". `token list`
// died that way at 130,000 tokens. So no call in the client spreads anything
// but a module's constant (an UPPER_CASE name, fixed in size) or a function's
// own rest parameter passed on (as long as the call it came from); lists are
// folded with a loop (text/terminal-width.ts widestCell, for widths).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** True when `name` is a rest parameter (`...args`) of a function around `node`. */
function isRestParameter(node: ts.Node, name: string): boolean {
  for (let at: ts.Node | undefined = node; at; at = at.parent) {
    if (ts.isFunctionLike(at) && at.parameters.some((p) => p.dotDotDotToken && ts.isIdentifier(p.name) && p.name.text === name)) return true;
  }
  return false;
}

/** `file:line: call` for every call or `new` with a spread argument that is not an UPPER_CASE constant. */
function argumentSpreads(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments) {
      for (const argument of node.arguments) {
        if (!ts.isSpreadElement(argument)) continue;
        const spread = argument.expression;
        if (ts.isIdentifier(spread) && (/^[A-Z][A-Z0-9_]*$/.test(spread.text) || isRestParameter(node, spread.text))) continue;
        const { line } = source.getLineAndCharacterOfPosition(argument.getStart());
        found.push(`${relative(root, file)}:${line + 1}: ${node.getText().slice(0, 80)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no list is spread into a call', () => {
  // The server has its own review; the client is what prints lists of any length.
  const files = sourceFiles(join(root, 'src')).filter((file) => !relative(root, file).startsWith(join('src', 'server')));

  it('checks the client sources', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('in any client source file', () => {
    expect(files.flatMap(argumentSpreads)).toEqual([]);
  });
});
