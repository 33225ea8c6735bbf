import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperations } from '../../shared/execution/run';
import type { OperationRegistry } from '../../shared/execution/run';
import { PROTOCOL_V1 } from '../../shared/transport/protocol';
import * as balance from './balance';
import * as blockchain from './blockchain';
import * as checkout from './checkout';
import * as coin from './coin';
import * as cwalletUser from './cwalletUser';
import * as depositAddress from './depositAddress';
import * as order from './order';
import * as webhook from './webhook';
import * as withdrawal from './withdrawal';

export { runSettings } from '../../shared/execution/run';

export const operations: OperationRegistry = {
	'balance:getMany': balance.getMany,
	'blockchain:getBlockHeights': blockchain.getBlockHeights,
	'checkout:createHostedUrl': checkout.createHostedUrl,
	'checkout:createNativeOrder': checkout.createNativeOrder,
	'coin:getMany': coin.getMany,
	'coin:getNetworks': coin.getNetworks,
	'coin:getRate': coin.getRate,
	'coin:getSupportedTokens': coin.getSupportedTokens,
	'cwalletUser:check': cwalletUser.check,
	'depositAddress:getPermanentAddress': depositAddress.getPermanentAddress,
	'order:get': order.get,
	'webhook:resend': webhook.resend,
	'withdrawal:create': withdrawal.create,
	'withdrawal:get': withdrawal.get,
	'withdrawal:getNetworkFee': withdrawal.getNetworkFee,
};

/** Runs the selected v1 operation for every item (see shared/execution/run.ts). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperations.call(this, operations, PROTOCOL_V1);
}
