import { defineResource } from '../types';
import * as get from './get';
import * as getMainCoins from './getMainCoins';
import * as getMany from './getMany';
import * as getPrices from './getPrices';

export const resource = defineResource(
	{ name: 'Coin', value: 'coin', defaultOperation: 'getMany' },
	[get, getMainCoins, getMany, getPrices],
);
