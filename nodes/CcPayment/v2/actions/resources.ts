/**
 * Every v2 resource. To add one, create its folder (an index.ts calling defineResource with its
 * operation files) and add one line here.
 */
import { resource as address } from './address';
import { resource as aggregationFee } from './aggregationFee';
import { resource as balance } from './balance';
import { resource as batchWithdrawal } from './batchWithdrawal';
import { resource as blockchain } from './blockchain';
import { resource as chain } from './chain';
import { resource as coin } from './coin';
import { resource as cwalletUser } from './cwalletUser';
import { resource as depositAddress } from './depositAddress';
import { resource as depositRecord } from './depositRecord';
import { resource as fiat } from './fiat';
import { resource as invoice } from './invoice';
import { resource as order } from './order';
import { resource as swap } from './swap';
import type { V2Resource } from './types';
import { resource as userWallet } from './userWallet';
import { resource as webhook } from './webhook';
import { resource as withdrawal } from './withdrawal';

export const resources: V2Resource[] = [
	address,
	aggregationFee,
	balance,
	batchWithdrawal,
	blockchain,
	chain,
	coin,
	cwalletUser,
	depositAddress,
	depositRecord,
	fiat,
	invoice,
	order,
	swap,
	userWallet,
	webhook,
	withdrawal,
];
