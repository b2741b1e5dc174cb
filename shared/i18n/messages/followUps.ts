import { defineMessages } from '../core';

export const followUpsMessages = defineMessages({});
