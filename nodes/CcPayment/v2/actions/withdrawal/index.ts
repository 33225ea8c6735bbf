import { defineResource } from '../types';
import * as createToCwallet from './createToCwallet';
import * as createToNetwork from './createToNetwork';
import * as get from './get';
import * as getAutoWithdrawals from './getAutoWithdrawals';
import * as getMany from './getMany';
import * as getNetworkFee from './getNetworkFee';
import * as getRiskyRefunds from './getRiskyRefunds';

// The default stays Get Network Fee, the first operation: n8n does not save default values, so a
// new default would silently change what saved workflows run (and could turn them into payouts).
export const resource = defineResource(
	{ name: 'Withdrawal', value: 'withdrawal', defaultOperation: 'getNetworkFee' },
	[
		createToCwallet,
		createToNetwork,
		get,
		getAutoWithdrawals,
		getMany,
		getNetworkFee,
		getRiskyRefunds,
	],
);
