// @ts-check
'use strict';
/** Check bookkeeping and phase timing for the e2e suite. */

class Checks {
	constructor() {
		this.passed = 0;
		this.failed = 0;
		/** @type {string[]} */
		this.failures = [];
	}

	/**
	 * Records one check and prints it.
	 * @param {string} label
	 * @param {boolean} cond
	 * @param {unknown} [detail] shown only on failure
	 */
	ok(label, cond, detail) {
		if (cond) {
			this.passed++;
			process.stdout.write(`  ok   ${label}\n`);
		} else {
			this.failed++;
			const d =
				detail === undefined
					? ''
					: `\n         ${typeof detail === 'string' ? detail : safeJson(detail)}`.replace(
							/\n/g,
							'\n         ',
						);
			this.failures.push(label);
			process.stdout.write(`  FAIL ${label}${d}\n`);
		}
		return cond;
	}

	/**
	 * Deep-equality check with a readable diff on failure.
	 * @param {string} label
	 * @param {unknown} actual
	 * @param {unknown} expected
	 */
	equal(label, actual, expected) {
		const a = safeJson(actual);
		const e = safeJson(expected);
		return this.ok(label, a === e, `expected ${e}\n got      ${a}`);
	}

	/** Records a failure for an exception that stopped a group of checks. @param {string} label @param {unknown} err */
	crash(label, err) {
		const e = /** @type {Error} */ (err);
		return this.ok(
			label,
			false,
			e && e.stack ? e.stack.split('\n').slice(0, 8).join('\n') : String(err),
		);
	}
}

/** @param {unknown} v */
function safeJson(v) {
	try {
		const s = JSON.stringify(v);
		return s === undefined ? String(v) : s.length > 1500 ? `${s.slice(0, 1500)}...` : s;
	} catch {
		return String(v);
	}
}

class Phases {
	constructor() {
		/** @type {Array<{ name: string, ms: number, ok: boolean }>} */
		this.list = [];
	}

	/**
	 * Times `fn` as a named phase (phases may overlap when versions run in parallel).
	 * @template T
	 * @param {string} name
	 * @param {() => Promise<T>} fn
	 * @returns {Promise<T>}
	 */
	async time(name, fn) {
		const started = Date.now();
		process.stdout.write(`-- ${name} ...\n`);
		let ok = false;
		try {
			const r = await fn();
			ok = true;
			return r;
		} finally {
			const ms = Date.now() - started;
			this.list.push({ name, ms, ok });
			process.stdout.write(
				`-- ${name}: ${ok ? 'done' : 'FAILED'} in ${(ms / 1000).toFixed(1)} s\n`,
			);
		}
	}

	print() {
		const width = Math.max(...this.list.map((p) => p.name.length), 10);
		process.stdout.write('\nPhase timings:\n');
		for (const p of this.list) {
			process.stdout.write(
				`  ${p.name.padEnd(width)}  ${(p.ms / 1000).toFixed(1).padStart(6)} s${p.ok ? '' : '  (failed)'}\n`,
			);
		}
	}
}

module.exports = { Checks, Phases, safeJson };
