import { defineMessages } from '../core';

/** Messages of the exports feature; keys start with "exports.". */
export const exportsMessages = defineMessages({});
