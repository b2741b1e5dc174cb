import { villageVisit, vineyardVisit } from './agriculture';
import { hospitalVisit, lifeParkVisit } from './health';
import { equipmentVisit, materialsVisit, nevVisit } from './industry';
import { closingVisit, launchVisit, tcmCollegeVisit, tcmStreetVisit } from './opening';
import { dongaoVisit, kunpengVisit } from './pharma';
import type { VisitSeed } from './types';

export type { AdviceSeed, ProblemSeed, VisitSeed } from './types';

/** Every visit of the trip, in the order they happened. */
export const demoVisits = {
  launch: launchVisit,
  tcmCollege: tcmCollegeVisit,
  tcmStreet: tcmStreetVisit,
  hospital: hospitalVisit,
  lifePark: lifeParkVisit,
  dongao: dongaoVisit,
  kunpeng: kunpengVisit,
  equipment: equipmentVisit,
  materials: materialsVisit,
  nev: nevVisit,
  vineyard: vineyardVisit,
  village: villageVisit,
  closing: closingVisit,
} satisfies Record<string, VisitSeed>;

export type VisitKey = keyof typeof demoVisits;
