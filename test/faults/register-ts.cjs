// Lets a plain `node` child process load the TypeScript sources (tests spawn one under a low `ulimit -n`,
// where jest itself would not fit). Type-checking is tsc's job; this only strips the types.
const fs = require('node:fs');
const ts = require('typescript');

// Node tries extensions in this object's order; .ts must come before .json, or `ComplyCube.node` resolves to the
// codex file ComplyCube.node.json beside ComplyCube.node.ts.
const { '.json': json, '.node': native } = require.extensions;
delete require.extensions['.json'];
delete require.extensions['.node'];
require.extensions['.ts'] = (module, filename) => {
	const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
		fileName: filename,
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, resolveJsonModule: true, sourceMap: false },
	});
	module._compile(outputText, filename);
};
require.extensions['.json'] = json;
require.extensions['.node'] = native;
