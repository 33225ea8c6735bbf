// @ts-check
/**
 * The one place that knows where the built product modules live in dist/. Tests, the dev
 * libraries and the scripts load product code only through this map, so a change of the
 * product layout is one edit here.
 */
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

/** Compiled product modules, relative to the repository root. */
const PRODUCT = {
	credential: 'dist/credentials/CCPaymentApi.credentials.js',
	actionNode: 'dist/nodes/CCPayment/CcPayment.node.js',
	triggerNode: 'dist/nodes/CCPaymentTrigger/CcPaymentTrigger.node.js',
	router: 'dist/nodes/CCPayment/actions/router.js',
	catalogue: 'dist/nodes/CCPayment/methods/catalogue.js',
	signer: 'dist/nodes/CCPayment/transport/signer.js',
	transport: 'dist/nodes/CCPayment/transport/index.js',
	errors: 'dist/nodes/CCPayment/transport/errors.js',
	backoff: 'dist/nodes/CCPayment/helpers/backoff.js',
	limiter: 'dist/nodes/CCPayment/helpers/limiter.js',
	pool: 'dist/nodes/CCPayment/helpers/pool.js',
	writePolicy: 'dist/nodes/CCPayment/helpers/writePolicy.js',
	decimal: 'dist/nodes/CCPayment/helpers/decimal.js',
	time: 'dist/nodes/CCPayment/helpers/time.js',
	simplify: 'dist/nodes/CCPayment/helpers/simplify.js',
	validation: 'dist/nodes/CCPayment/helpers/validation.js',
	dedup: 'dist/nodes/CCPaymentTrigger/dedup.js',
	events: 'dist/nodes/CCPaymentTrigger/events.js',
	verification: 'dist/nodes/CCPaymentTrigger/verification.js',
};

/** @typedef {keyof typeof PRODUCT} ProductModule */

/**
 * Absolute path of a compiled product module.
 * @param {ProductModule} name
 */
function distPath(name) {
	return path.join(ROOT, PRODUCT[name]);
}

/**
 * Loads a compiled product module (needs a build).
 * @param {ProductModule} name
 * @returns {any}
 */
function product(name) {
	return require(distPath(name));
}

module.exports = { PRODUCT, distPath, product, ROOT };
