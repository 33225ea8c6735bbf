// @ts-check
'use strict';
/**
 * Editor tests in real Chromium (Debian's /usr/bin/chromium through playwright-core) against real
 * n8n 1.123.81 and 2.41.1 with this package installed, and the simulator (dev/ui/).
 *
 *   node scripts/test-ui.js [--n8n 1|2|both] [--shots <dir>] [--keep]
 *
 * Screenshots (light theme, 1440x900) go to --shots (default: a temp folder, printed); a failed step
 * names its screenshot. Needs a build (dist/); `npm run test:ui` builds first. Last line:
 * `N passed, N failed`.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { parseArgs } = require('util');

const procs = require('../dev/e2e/lib/procs');
const { ensureN8n } = require('../dev/e2e/lib/install');
const { packPackage } = require('../dev/e2e/lib/pkg');
const { Checks } = require('../dev/e2e/lib/report');
const { distPath } = require('../dev/dist');
const { CHROMIUM } = require('../dev/ui/browser');
const { uiVersion } = require('../dev/ui/run');

const { values: args } = parseArgs({
	options: { n8n: { type: 'string' }, shots: { type: 'string' }, keep: { type: 'boolean' } },
});
const which = args.n8n ?? 'both';
/** @type {Array<1 | 2>} */
const versions = which === '1' ? [1] : which === '2' ? [2] : [1, 2];

const checks = new Checks();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ccpayment-ui-'));
const shotsDir = path.resolve(args.shots ?? path.join(tmp, 'screenshots'));
fs.mkdirSync(shotsDir, { recursive: true });
const cleanup = procs.cleanupOnExit();
cleanup.add(() => {
	if (args.keep) process.stdout.write(`kept ${tmp}\n`);
	// Screenshots inside the temp folder survive only when something failed (they are the evidence).
	else if (checks.failed && shotsDir.startsWith(tmp))
		process.stdout.write(`screenshots kept in ${shotsDir}\n`);
	else fs.rmSync(tmp, { recursive: true, force: true });
});

async function main() {
	if (!fs.existsSync(distPath('credential')))
		throw new Error('dist/ is missing: run `npm run build` first (npm run test:ui does)');
	if (!fs.existsSync(CHROMIUM))
		throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
	const npmCache = path.join(tmp, 'npm-cache');
	const [installs, pack] = await Promise.all([
		ensureN8n({ versions, log: (m) => process.stdout.write(`   ${m}\n`) }),
		packPackage(path.join(tmp, 'pack'), npmCache),
	]);
	for (const v of versions) {
		const runtime = v === 1 ? installs.v1 : installs.v2;
		const tag = `n8n ${runtime.major}`;
		process.stdout.write(`\n=== editor, ${tag} (${runtime.version})\n`);
		await uiVersion({
			runtime,
			pack,
			dir: path.join(tmp, `v${v}`),
			npmCache,
			shotsDir,
			ok: (label, cond, detail) => checks.ok(`[${tag}] ${label}`, cond, detail),
			say: (line) => process.stdout.write(`  ${line}\n`),
			onStarted: (stop) => cleanup.add(stop),
		}).catch((e) => checks.crash(`[${tag}] editor tests aborted`, e));
	}
	process.stdout.write(`\nscreenshots: ${shotsDir}\n`);
}

main()
	.catch((e) => checks.crash('editor tests aborted', e))
	.finally(async () => {
		await cleanup.run();
		process.stdout.write(`\n${checks.passed} passed, ${checks.failed} failed\n`);
		process.exit(checks.failed ? 1 : 0);
	});
