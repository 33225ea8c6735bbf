import type { INodeProperties } from 'n8n-workflow';

import { throughputOptions } from '../../shared/execution/run';
import { resources } from './resources';

const sorted = [...resources].sort((a, b) => a.name.localeCompare(b.name));

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: sorted.map((resource) => ({ name: resource.name, value: resource.value })),
	default: 'coin',
};

/** Node-wide options, read from the first item and shared by every request of one execution. */
export const optionsCollection: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: throughputOptions,
};

export const nodeProperties: INodeProperties[] = [
	resourceProperty,
	...sorted.flatMap((resource) => resource.description),
	optionsCollection,
];
