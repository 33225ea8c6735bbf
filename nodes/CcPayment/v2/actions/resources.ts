/**
 * Every v2 resource. To add one, create its folder (an index.ts calling defineResource with its
 * operation files) and add one line here.
 */
import { resource as address } from './address';
import { resource as aggregationFee } from './aggregationFee';
import { resource as balance } from './balance';
import { resource as blockchain } from './blockchain';
import { resource as chain } from './chain';
import { resource as coin } from './coin';
import { resource as cwalletUser } from './cwalletUser';
import { resource as fiat } from './fiat';
import type { V2Resource } from './types';
import { resource as userWallet } from './userWallet';
import { resource as withdrawal } from './withdrawal';

export const resources: V2Resource[] = [
	address,
	aggregationFee,
	balance,
	blockchain,
	chain,
	coin,
	cwalletUser,
	fiat,
	userWallet,
	withdrawal,
];
