import { defineMessages } from '../core';

/** Messages of the reconcile feature; keys start with "reconcile.". */
export const reconcileMessages = defineMessages({});
