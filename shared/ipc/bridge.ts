/**
 * The shape of `window.expertTrips`, the only thing the preload puts into the page.
 *
 * Derived from the contract, so a new channel cannot be half-exposed: the preload object is checked with
 * `satisfies ExpertTripsBridge` and fails to compile until it has a function for every channel.
 * Type-only: importing this file adds nothing to any bundle.
 */
import type { BRIDGE_METHODS, BridgeMethod, InvokeChannel, MenuCommand } from './channels';
import type { IpcRequest, IpcResponse } from './contract';

/** Channels whose request is `undefined` become zero-argument functions. */
export type BridgeFunction<C extends InvokeChannel> = [IpcRequest<C>] extends [undefined]
  ? () => Promise<IpcResponse<C>>
  : (payload: IpcRequest<C>) => Promise<IpcResponse<C>>;

export type ExpertTripsBridge = {
  readonly [M in BridgeMethod]: BridgeFunction<(typeof BRIDGE_METHODS)[M]>;
} & {
  /** Subscribes to native menu clicks; returns the unsubscribe function. */
  readonly onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
};
