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
	credential: 'dist/credentials/CcPaymentApi.credentials.js',
	actionNode: 'dist/nodes/CcPayment/CcPayment.node.js',
	triggerNode: 'dist/nodes/CcPayment/CcPaymentTrigger.node.js',
	router: 'dist/nodes/CcPayment/v1/actions/router.js',
	catalogue: 'dist/nodes/CcPayment/v1/methods/catalogue.js',
	signer: 'dist/nodes/CcPayment/shared/signerV1.js',
	transport: 'dist/nodes/CcPayment/shared/transport/index.js',
	errors: 'dist/nodes/CcPayment/shared/transport/errors.js',
	backoff: 'dist/nodes/CcPayment/shared/execution/backoff.js',
	limiter: 'dist/nodes/CcPayment/shared/execution/limiter.js',
	pool: 'dist/nodes/CcPayment/shared/execution/pool.js',
	writePolicy: 'dist/nodes/CcPayment/shared/execution/writePolicy.js',
	decimal: 'dist/nodes/CcPayment/shared/decimal.js',
	time: 'dist/nodes/CcPayment/shared/time.js',
	simplify: 'dist/nodes/CcPayment/v1/helpers/simplify.js',
	validation: 'dist/nodes/CcPayment/v1/helpers/validation.js',
	dedup: 'dist/nodes/CcPayment/trigger/dedup.js',
	events: 'dist/nodes/CcPayment/trigger/events.js',
	verification: 'dist/nodes/CcPayment/trigger/verification.js',
	eventsV2: 'dist/nodes/CcPayment/trigger/eventsV2.js',
	records: 'dist/nodes/CcPayment/trigger/records.js',
	verificationV2: 'dist/nodes/CcPayment/trigger/verificationV2.js',
	credentialV2: 'dist/credentials/CcPaymentV2Api.credentials.js',
	signerV2: 'dist/nodes/CcPayment/shared/signerV2.js',
	errorsV2: 'dist/nodes/CcPayment/shared/transport/errorsV2.js',
	userWalletShared: 'dist/nodes/CcPayment/v2/actions/userWallet/shared.js',
	v1Description: 'dist/nodes/CcPayment/v1/actions/description.js',
	paymentState: 'dist/nodes/CcPayment/v2/helpers/paymentState.js',
	decimalMathV2: 'dist/nodes/CcPayment/v2/helpers/decimalMath.js',
	moneyFieldsV2: 'dist/nodes/CcPayment/v2/helpers/moneyFields.js',
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
