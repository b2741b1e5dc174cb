import type { tripStatuses } from '../../../shared/enums';
import type { Stored } from '../../db/types';

/** What the trip form edits: the trip's own fields, without id, stamps or the lock (set by organisers). */
export type TripFormValues = {
  title: string;
  region: string;
  startDate: string;
  endDate: string;
  organisers: string[];
  coOrganisers: string[];
  focusFields: string[];
  status: keyof typeof tripStatuses;
  description: string;
};

export const emptyTripValues: TripFormValues = {
  title: '',
  region: '',
  startDate: '',
  endDate: '',
  organisers: [],
  coOrganisers: [],
  focusFields: [],
  status: 'planning',
  description: '',
};

export function valuesOf(trip: Stored<'trips'>): TripFormValues {
  return {
    title: trip.title,
    region: trip.region,
    startDate: trip.startDate,
    endDate: trip.endDate,
    organisers: trip.organisers,
    coOrganisers: trip.coOrganisers,
    focusFields: trip.focusFields,
    status: trip.status,
    description: trip.description,
  };
}
