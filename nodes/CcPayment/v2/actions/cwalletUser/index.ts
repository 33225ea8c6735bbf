import { defineResource } from '../types';
import * as check from './check';

export const resource = defineResource({ name: 'Cwallet User', value: 'cwalletUser' }, [check]);
