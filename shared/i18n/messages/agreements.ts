import { defineMessages } from '../core';

export const agreementsMessages = defineMessages({});
