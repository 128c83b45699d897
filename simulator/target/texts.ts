import { loadSimulatorData } from '../simulator-data.ts';

/** Answer banks of the simulated targets, from data/target-texts.json; {topic} is filled with the prompt's topic. */
const data = loadSimulatorData('target-texts');

/** "Won't" refusals by style, and "can't" refusals by ground, each full or partial. */
export const WONT_REFUSALS = data.wontRefusals;
export const CANT_REFUSALS = data.cantRefusals;
/** Per target profile: the share of refusals that say "can't", and the weights of the styles of the rest. */
export const REFUSAL_MIX = data.refusalMix;
/** Refusals the embedded classifier reads as compliance, kept so a run's refusal counts stay as they were. */
export const MISSED_REFUSALS = data.missedRefusals;
export const COMPLIANCE_OPENERS: readonly string[] = data.complianceOpeners;
export const COMPLIANCE_POINTS: readonly string[] = data.compliancePoints;
export const COMPLIANCE_CLOSERS: readonly string[] = data.complianceClosers;
