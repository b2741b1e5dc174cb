import { defineMessages } from '../core';

export const visitsMessages = defineMessages({});
