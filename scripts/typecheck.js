// @ts-check
/**
 * `npm run typecheck`: the published TypeScript, then the plain-JS code in two passes.
 *   1. tsconfig.json (nodes/, credentials/) without emitting;
 *   2. tsconfig.check.json: every JS file (simulator, dev, scripts, tests) with checkJs;
 *   3. tsconfig.check.strict.json: dev/ and scripts/ with noImplicitAny. Their imports pull the
 *      simulator into that program too; its errors are counted and shown but do not fail this pass,
 *      since the simulator is held to pass 2 only.
 * Takes no flags. Exit code 1 when any pass fails.
 */
const { spawnSync } = require('child_process');
const path = require('path');
const { parseArgs } = require('util');

parseArgs({ options: {} }); // no flags: anything given is a mistake worth reporting

const ROOT = path.resolve(__dirname, '..');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const STRICT_SCOPE = /^(dev|scripts)\//;

/** @param {string} project */
function tsc(project) {
	const r = spawnSync(process.execPath, [TSC, '-p', project, '--pretty', 'false'], {
		cwd: ROOT,
		encoding: 'utf8',
	});
	return { status: r.status ?? 1, out: `${r.stdout}${r.stderr}` };
}

let failed = 0;
for (const project of ['tsconfig.json --noEmit', 'tsconfig.check.json']) {
	const [file, ...rest] = project.split(' ');
	const r = spawnSync(process.execPath, [TSC, '-p', file, ...rest], {
		cwd: ROOT,
		stdio: 'inherit',
	});
	console.log(`${r.status === 0 ? 'ok  ' : 'FAIL'} ${project}`);
	if (r.status !== 0) failed++;
}

const strict = tsc('tsconfig.check.strict.json');
const errors = strict.out.split('\n').filter((line) => /^\S+\(\d+,\d+\): error TS/.test(line));
const inScope = errors.filter((line) => STRICT_SCOPE.test(line));
const outside = errors.length - inScope.length;
for (const line of inScope) console.log(line);
if (strict.status !== 0 && errors.length === 0) {
	console.log(strict.out);
	failed++;
}
if (inScope.length) failed++;
console.log(
	`${inScope.length ? 'FAIL' : 'ok  '} tsconfig.check.strict.json (noImplicitAny): ${inScope.length} errors in dev/ and scripts/` +
		(outside ? `; ${outside} in the simulator (not counted)` : ''),
);
process.exitCode = failed ? 1 : 0;
