import { defineResource } from '../types';
import * as create from './create';
import * as get from './get';
import * as getCoins from './getCoins';
import * as getMany from './getMany';
import * as quote from './quote';

export const resource = defineResource({ name: 'Swap', value: 'swap', defaultOperation: 'quote' }, [
	create,
	get,
	getCoins,
	getMany,
	quote,
]);
