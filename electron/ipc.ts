/**
 * The IPC router: the only way renderer input reaches main-process code.
 *
 * Invariants, in the order they are checked, for every call:
 * 1. the channel is declared in the contract;
 * 2. the sender frame is trusted (our own page, see isAppUrl) — checked before the payload is even parsed;
 * 3. the payload parses with the channel's request schema;
 * 4. only then does the handler run, and its result must parse with the response schema.
 * A failure at 1–3 rejects with an IpcRejection and the handler never runs.
 */
import { z } from 'zod';

type ChannelSpec = { readonly request: z.ZodType; readonly response: z.ZodType };
export type ContractShape = { readonly [channel: string]: ChannelSpec };

/** The part of Electron's IpcMainInvokeEvent the router reads (tests pass plain objects). */
export interface SenderEvent {
  readonly senderFrame: { readonly url: string } | null;
}

export type IpcHandlers<K extends ContractShape, E extends SenderEvent> = {
  readonly [C in keyof K]: (
    payload: z.output<K[C]['request']>,
    event: E,
  ) => z.input<K[C]['response']> | Promise<z.input<K[C]['response']>>;
};

export type IpcRejectionCode =
  | 'unknown-channel'
  | 'untrusted-sender'
  | 'invalid-payload'
  | 'invalid-response';

/**
 * Electron flattens errors crossing IPC to their message, so the code is also put at the front of the
 * message (`[invalid-payload] ...`) where the renderer can still read it.
 */
export class IpcRejection extends Error {
  override readonly name = 'IpcRejection';
  constructor(
    readonly code: IpcRejectionCode,
    readonly channel: string,
    detail: string,
  ) {
    super(`[${code}] ${channel}: ${detail}`);
  }
}

export interface IpcRouterOptions<E extends SenderEvent> {
  readonly isTrustedSender: (event: E) => boolean;
}

export type IpcRouter<E extends SenderEvent> = (
  channel: string,
  event: E,
  payload: unknown,
) => Promise<unknown>;

export function createIpcRouter<K extends ContractShape, E extends SenderEvent>(
  contract: K,
  handlers: IpcHandlers<K, E>,
  options: IpcRouterOptions<E>,
): IpcRouter<E> {
  // Generic over the channel so the parsed payload's type is the one the handler declares, without casts.
  const dispatch = async <C extends keyof K & string>(
    channel: C,
    event: E,
    payload: unknown,
  ): Promise<unknown> => {
    const spec: K[C] = contract[channel];
    const handler: IpcHandlers<K, E>[C] = handlers[channel];

    if (!options.isTrustedSender(event)) {
      const from = event.senderFrame?.url || 'an unknown frame';
      throw new IpcRejection('untrusted-sender', channel, `refused a call from ${from}`);
    }

    const request = z.safeParse<K[C]['request']>(spec.request, payload);
    if (!request.success) {
      throw new IpcRejection('invalid-payload', channel, describeIssues(request.error));
    }

    const result = await handler(request.data, event);

    const response = z.safeParse(spec.response, result);
    if (!response.success) {
      // A bug on our side, not the caller's; still never let an off-contract value reach the page.
      throw new IpcRejection('invalid-response', channel, describeIssues(response.error));
    }
    return response.data;
  };

  return async (channel, event, payload) => {
    // hasOwn, not `in`: a channel named "constructor" or "__proto__" must not find Object.prototype.
    if (!isContractChannel(contract, channel) || !Object.hasOwn(handlers, channel)) {
      throw new IpcRejection('unknown-channel', channel, 'no such channel in the IPC contract');
    }
    return dispatch(channel, event, payload);
  };
}

function isContractChannel<K extends ContractShape>(
  contract: K,
  channel: string,
): channel is keyof K & string {
  return Object.hasOwn(contract, channel);
}

/** One line a developer can act on: `suggestedName: must be a file name...; filters.0.name: ...`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(payload)'}: ${issue.message}`)
    .join('; ');
}

/** Trusted = the sending frame shows our own page; a missing frame (navigated away, destroyed) is not. */
export function createSenderCheck(isAppUrl: (url: string) => boolean): (event: SenderEvent) => boolean {
  return (event) => {
    const url = event.senderFrame?.url;
    return typeof url === 'string' && url !== '' && isAppUrl(url);
  };
}
