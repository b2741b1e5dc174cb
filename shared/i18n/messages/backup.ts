import { defineMessages } from '../core';

/** Messages of the backup feature; keys start with "backup.". */
export const backupMessages = defineMessages({});
