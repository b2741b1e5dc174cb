import { defineMessages } from '../core';

export const tripHomeMessages = defineMessages({});
