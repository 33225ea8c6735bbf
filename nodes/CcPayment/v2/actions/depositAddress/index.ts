import { defineResource } from '../types';
import * as getOrCreate from './getOrCreate';
import * as rescan from './rescan';
import * as unbind from './unbind';

export const resource = defineResource(
	{ name: 'Deposit Address', value: 'depositAddress', defaultOperation: 'getOrCreate' },
	[getOrCreate, rescan, unbind],
);
