import { defineResource } from '../types';
import * as create from './create';
import * as get from './get';

export const resource = defineResource(
	{ name: 'Invoice', value: 'invoice', defaultOperation: 'get' },
	[create, get],
);
