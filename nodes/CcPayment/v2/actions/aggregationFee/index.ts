import { defineResource } from '../types';
import * as getMany from './getMany';

export const resource = defineResource({ name: 'Aggregation Fee', value: 'aggregationFee' }, [
	getMany,
]);
