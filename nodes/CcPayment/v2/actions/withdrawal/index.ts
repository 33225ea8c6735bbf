import { defineResource } from '../types';
import * as getNetworkFee from './getNetworkFee';

export const resource = defineResource({ name: 'Withdrawal', value: 'withdrawal' }, [
	getNetworkFee,
]);
