import { defineMessages } from '../core';

/** Messages of the report feature; keys start with "report.". */
export const reportMessages = defineMessages({});
