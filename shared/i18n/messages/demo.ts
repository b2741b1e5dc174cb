import { defineMessages } from '../core';

export const demoMessages = defineMessages({});
