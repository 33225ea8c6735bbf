// @ts-check
'use strict';
/**
 * One-time process setup for running nodes through n8n-core 1.122.x outside the n8n CLI.
 *
 * n8n-core's contexts read services from the @n8n/di Container: `Logger` (NodeExecutionContext.logger,
 * request helpers), `InstanceSettings` (every NodeExecutionContext constructor), `BinaryDataService`
 * (BaseExecuteContext constructor), `ErrorReporter` and `GlobalConfig`. The n8n CLI registers real
 * instances at boot; here we register the same classes, configured so that nothing touches ~/.n8n:
 *
 * - `InstanceSettingsConfig` points at a fresh temp dir (os.tmpdir()/ccpayment-n8n-harness-<pid>-*),
 *   removed when the process exits; folders of killed processes are swept by the next harness start.
 *   The real `InstanceSettings` then writes its settings file there (with a fixed test encryption key).
 * - `GlobalConfig.logging.level` is 'silent' (set N8N_HARNESS_LOG_LEVEL=debug|info|warn|error to see
 *   n8n-core's own log lines while debugging a test).
 * - The expression engine is pinned to 'legacy' (n8n-workflow's `Expression.setExpressionEngine`):
 *   the 'vm' engine needs isolated-vm, which is not built for Node 20 here. This is the programmatic
 *   equivalent of the CLI's N8N_EXPRESSION_ENGINE=legacy.
 *
 * IMPORTANT: n8n-core 1.122.48 ships its own nested copies of @n8n/di, @n8n/config and
 * @n8n/backend-common (node_modules/n8n-core/node_modules/@n8n/*), which differ from the top-level
 * ones pulled in by @n8n/node-cli. Services must be registered in n8n-core's copy of the Container,
 * so every @n8n/* module here is resolved from n8n-core's directory.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const coreDir = path.dirname(require.resolve('n8n-core/package.json'));

/** @param {string} id */
function requireFromCore(id) {
	return require(require.resolve(id, { paths: [coreDir] }));
}

const TEST_ENCRYPTION_KEY = 'ccpayment-harness-test-encryption-key';
const TEMP_PREFIX = 'ccpayment-n8n-harness-';

/** @param {number} pid */
function isAlive(pid) {
	try {
		process.kill(pid, 0); // signal 0: existence check only, nothing is sent
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/**
 * Remove instance folders left by harness processes that were killed (SIGKILL/SIGTERM skip 'exit').
 * Folder names carry the owner's pid; folders of live processes are left alone.
 */
function sweepStaleTempDirs() {
	const tmp = os.tmpdir();
	let names = [];
	try {
		names = fs.readdirSync(tmp).filter((n) => n.startsWith(TEMP_PREFIX));
	} catch {
		return;
	}
	for (const name of names) {
		const full = path.join(tmp, name);
		try {
			const owner = /^ccpayment-n8n-harness-(\d+)-/.exec(name);
			const stale = owner
				? Number(owner[1]) !== process.pid && !isAlive(Number(owner[1]))
				: Date.now() - fs.statSync(full).mtimeMs > 15 * 60 * 1000; // folders from before pids were in the name
			if (stale) fs.rmSync(full, { recursive: true, force: true });
		} catch {
			// another process may be sweeping the same folder
		}
	}
}

/** @type {{ tempDir: string, n8nFolder: string } | undefined} */
let state;

/** Register the n8n-core services once per process. Idempotent. */
function ensureN8nEnvironment() {
	if (state) return state;

	const { Container } = requireFromCore('@n8n/di');
	const { GlobalConfig, InstanceSettingsConfig } = requireFromCore('@n8n/config');
	const { Logger } = requireFromCore('@n8n/backend-common');
	const core = require('n8n-core');
	const workflow = require('n8n-workflow');

	sweepStaleTempDirs();
	const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), `${TEMP_PREFIX}${process.pid}-`));
	const n8nFolder = path.join(tempDir, '.n8n');
	process.once('exit', () => {
		try {
			fs.rmSync(tempDir, { recursive: true, force: true });
		} catch {
			// best effort: the OS cleans tmp eventually
		}
	});

	const instanceSettingsConfig = new InstanceSettingsConfig();
	instanceSettingsConfig.n8nFolder = n8nFolder;
	instanceSettingsConfig.userHome = tempDir;
	instanceSettingsConfig.encryptionKey = TEST_ENCRYPTION_KEY;
	instanceSettingsConfig.enforceSettingsFilePermissions = false;
	Container.set(InstanceSettingsConfig, instanceSettingsConfig);

	const globalConfig = Container.get(GlobalConfig);
	globalConfig.logging.level = /** @type {any} */ (process.env.N8N_HARNESS_LOG_LEVEL || 'silent');
	globalConfig.logging.outputs = ['console'];

	// Real Logger (silent by default); it also initialises n8n-workflow's LoggerProxy.
	Container.get(Logger);
	// Real InstanceSettings: writes <tempDir>/.n8n/config, never ~/.n8n.
	const instanceSettings = Container.get(core.InstanceSettings);
	if (!instanceSettings.n8nFolder.startsWith(tempDir)) {
		throw new Error(
			`n8n harness: InstanceSettings escaped the temp dir (${instanceSettings.n8nFolder})`,
		);
	}
	Container.get(core.ErrorReporter);
	Container.get(core.BinaryDataService);

	// ExecuteContext's helpers fetch SSHClientsManager from the Container, whose constructor starts a
	// ref'd 60 s setInterval (ScheduledTaskManager, used by trigger/poll contexts, does the same). In
	// the n8n server that is harmless; in a test process it keeps node --test from ever exiting.
	// Create them now and unref their timers (they keep working while the process is alive).
	for (const [file, exportName, timer] of [
		['execution-engine/ssh-clients-manager', 'SSHClientsManager', 'cleanupTimer'],
		['execution-engine/scheduled-task-manager', 'ScheduledTaskManager', 'logInterval'],
	]) {
		const service = Container.get(require(path.join(coreDir, 'dist', file))[exportName]);
		service[timer]?.unref?.();
	}

	if (typeof workflow.Expression.setExpressionEngine === 'function') {
		workflow.Expression.setExpressionEngine('legacy');
	}

	state = { tempDir, n8nFolder };
	return state;
}

module.exports = { ensureN8nEnvironment, requireFromCore, TEST_ENCRYPTION_KEY };
