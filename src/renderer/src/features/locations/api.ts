// Calls of the locations screens. Location changes refetch everything (the default): stock screens
// list locations in their filters and selects.
import type { ChannelInput } from '@shared/contract';
import { useApiMutation, useApiQuery } from '@renderer/lib/query';

export const useLocations = (input: ChannelInput<'locations.list'>) => useApiQuery(['locations'], 'locations.list', input);

export const useCreateLocation = () => useApiMutation('locations.create', { silentError: true, successKey: 'locations:saved' });
export const useUpdateLocation = () => useApiMutation('locations.update', { silentError: true, successKey: 'locations:saved' });
export const useSetDefaultLocation = () => useApiMutation('locations.setDefault', { successKey: 'locations:defaultChanged' });
export const useSetLocationActive = () => useApiMutation('locations.setActive');
