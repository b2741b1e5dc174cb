import { defineMessages } from '../core';

export const hostsMessages = defineMessages({});
