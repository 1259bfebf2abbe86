import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/contract';

/**
 * Calls a channel as the demo admin with the clock set to `at` (epoch ms), so the demo history
 * spreads over past months. Throws on an error result.
 */
export type DemoCaller = <C extends ChannelName>(channel: C, input: ChannelInput<C>, at: number) => ChannelOutput<C>;
