import { defineResource } from '../types';
import * as batchTransfer from './batchTransfer';
import * as getBalance from './getBalance';
import * as getBalances from './getBalances';
import * as getBatchTransfer from './getBatchTransfer';
import * as getBatchTransferDetails from './getBatchTransferDetails';
import * as getDeposit from './getDeposit';
import * as getDepositAddress from './getDepositAddress';
import * as getManyBatchTransfers from './getManyBatchTransfers';
import * as getManyDeposits from './getManyDeposits';
import * as getManySwaps from './getManySwaps';
import * as getManyTransfers from './getManyTransfers';
import * as getManyWithdrawals from './getManyWithdrawals';
import * as getSwap from './getSwap';
import * as getSwapQuote from './getSwapQuote';
import * as getTransfer from './getTransfer';
import * as getWithdrawal from './getWithdrawal';
import * as swap from './swap';
import * as transfer from './transfer';
import * as withdrawToCwallet from './withdrawToCwallet';
import * as withdrawToNetwork from './withdrawToNetwork';

/** The wallet system: per-user balances, deposit addresses, withdrawals, transfers and swaps. */
export const resource = defineResource(
	{ name: 'User Wallet', value: 'userWallet', defaultOperation: 'getBalances' },
	[
		batchTransfer,
		getBalance,
		getBalances,
		getBatchTransfer,
		getBatchTransferDetails,
		getDeposit,
		getDepositAddress,
		getManyBatchTransfers,
		getManyDeposits,
		getManySwaps,
		getManyTransfers,
		getManyWithdrawals,
		getSwap,
		getSwapQuote,
		getTransfer,
		getWithdrawal,
		swap,
		transfer,
		withdrawToCwallet,
		withdrawToNetwork,
	],
);
