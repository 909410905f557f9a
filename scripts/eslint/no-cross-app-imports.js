// An ESLint rule: a file under apps/<x>, bench or packages/<x> may not import another of those by relative
// path. Apps and packages reach each other through package names (workspace:* dependencies and exports).
import path from 'node:path';

/** The workspace unit a file belongs to ("apps/server", "bench", ...), or null outside them. */
function unitOf(file, root) {
  const parts = path.relative(root, file).split(path.sep);
  if ((parts[0] === 'apps' || parts[0] === 'packages') && parts.length > 2) return `${parts[0]}/${parts[1]}`;
  if (parts[0] === 'bench' && parts.length > 1) return 'bench';
  return null;
}

export const noCrossAppImports = {
  meta: {
    type: 'problem',
    docs: { description: 'disallow relative imports that reach into another app or package' },
    messages: {
      crossApp: '{{from}} imports {{to}} by relative path ({{source}}): use the package name and its exports',
    },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = unitOf(file, root);
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = unitOf(path.resolve(path.dirname(file), source), root);
      if (to !== from)
        context.report({
          node: node.source,
          messageId: 'crossApp',
          data: { from: from ?? 'the root', to: to ?? 'the root', source },
        });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
