import { defineResource } from '../types';
import * as getMany from './getMany';

export const resource = defineResource({ name: 'Fiat Currency', value: 'fiat' }, [getMany]);
