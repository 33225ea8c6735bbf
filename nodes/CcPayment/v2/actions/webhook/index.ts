import { defineResource } from '../types';
import * as resend from './resend';

export const resource = defineResource({ name: 'Webhook', value: 'webhook' }, [resend]);
