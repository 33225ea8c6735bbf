import { defineResource } from '../types';
import * as abort from './abort';
import * as append from './append';
import * as checkAddresses from './checkAddresses';
import * as confirm from './confirm';
import * as create from './create';
import * as get from './get';
import * as getRecords from './getRecords';

export const resource = defineResource(
	{ name: 'Batch Withdrawal', value: 'batchWithdrawal', defaultOperation: 'get' },
	[abort, append, checkAddresses, confirm, create, get, getRecords],
);
