import { defineResource } from '../types';
import * as checkValidity from './checkValidity';

export const resource = defineResource({ name: 'Address', value: 'address' }, [checkValidity]);
