import { defineResource } from '../types';
import * as create from './create';
import * as get from './get';
import * as getMany from './getMany';

export const resource = defineResource({ name: 'Order', value: 'order', defaultOperation: 'get' }, [
	create,
	get,
	getMany,
]);
