import { defineMessages } from '../core';

export const problemsMessages = defineMessages({});
