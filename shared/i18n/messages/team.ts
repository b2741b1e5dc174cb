import { defineMessages } from '../core';

export const teamMessages = defineMessages({});
