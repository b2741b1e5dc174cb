import { defineMessages } from '../core';

export const tripsMessages = defineMessages({});
