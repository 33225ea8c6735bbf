import { defineResource } from '../types';
import * as getBlockHeight from './getBlockHeight';

export const resource = defineResource({ name: 'Blockchain', value: 'blockchain' }, [
	getBlockHeight,
]);
