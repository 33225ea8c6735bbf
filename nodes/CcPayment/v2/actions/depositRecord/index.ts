import { defineResource } from '../types';
import * as get from './get';
import * as getMany from './getMany';

export const resource = defineResource({ name: 'Deposit Record', value: 'depositRecord' }, [
	get,
	getMany,
]);
