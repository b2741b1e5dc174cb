import { defineMessages } from '../core';

/** Messages of the review feature; keys start with "review.". */
export const reviewMessages = defineMessages({});
