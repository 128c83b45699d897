import { loadSimulatorData } from '../simulator-data.ts';

/** Answer banks of the simulated targets, from data/target-texts.json; {topic} is filled with the prompt's topic. */
const data = loadSimulatorData('target-texts');

export const FULL_REFUSALS: readonly string[] = data.fullRefusals;
export const PARTIAL_REFUSALS: readonly string[] = data.partialRefusals;
export const COMPLIANCE_OPENERS: readonly string[] = data.complianceOpeners;
export const COMPLIANCE_POINTS: readonly string[] = data.compliancePoints;
export const COMPLIANCE_CLOSERS: readonly string[] = data.complianceClosers;
