// Lists functions longer than a limit (default 80 lines) in the given folders (default scripts/ and src/),
// longest first. Parses with @babel/parser (TypeScript 7 ships no JavaScript compiler API), so nested
// functions are counted on their own and nothing is matched by regular expression.
// Usage: npx tsx scripts/tools/long-functions.ts [limit] [folder…]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@babel/parser';

export interface FunctionLength {
  file: string;
  name: string;
  line: number;
  lines: number;
}

interface AstNode {
  type: string;
  loc?: { start: { line: number }; end: { line: number } };
  [key: string]: unknown;
}

const FUNCTION_TYPES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
]);

function sourceFiles(dir: string): string[] {
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry) && !entry.endsWith('.d.ts') ? [path] : [];
  });
}

function keyName(node: unknown): string | undefined {
  const n = node as AstNode | undefined;
  if (!n) return undefined;
  if (typeof n.name === 'string') return n.name;
  if (typeof n.value === 'string') return n.value;
  return undefined;
}

function nameOf(node: AstNode, parent: AstNode | undefined): string {
  const own = keyName(node.id) ?? keyName(node.key);
  if (own) return own;
  if (parent?.type === 'VariableDeclarator') return keyName(parent.id) ?? '(anonymous)';
  if (parent?.type === 'ObjectProperty' || parent?.type === 'ClassProperty')
    return keyName(parent.key) ?? '(anonymous)';
  if (parent?.type === 'CallExpression') return '(callback)';
  return '(anonymous)';
}

export function functionLengths(file: string): FunctionLength[] {
  const text = readFileSync(file, 'utf8');
  const plugins: ('typescript' | 'jsx')[] = file.endsWith('.tsx') ? ['typescript', 'jsx'] : ['typescript'];
  const ast = parse(text, { sourceType: 'module', plugins }) as unknown as AstNode;
  const found: FunctionLength[] = [];
  const visit = (node: AstNode, parent: AstNode | undefined): void => {
    if (FUNCTION_TYPES.has(node.type) && node.loc) {
      const { start, end } = node.loc;
      found.push({ file, name: nameOf(node, parent), line: start.line, lines: end.line - start.line + 1 });
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments') continue;
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (child && typeof child === 'object' && typeof (child as AstNode).type === 'string')
          visit(child as AstNode, node);
      }
    }
  };
  visit(ast, undefined);
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [limitArg, ...dirs] = process.argv.slice(2);
  const limit = Number(limitArg ?? 80);
  const folders = dirs.length > 0 ? dirs : ['scripts', 'src'];
  const long = folders
    .flatMap(sourceFiles)
    .flatMap(functionLengths)
    .filter((f) => f.lines > limit)
    .sort((a, b) => b.lines - a.lines);
  for (const f of long) console.log(`${String(f.lines).padStart(4)}  ${f.file}:${f.line}  ${f.name}`);
}
