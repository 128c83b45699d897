export { startSimulator, type RunningSimulator, type SimulatorStats } from './start-simulator.ts';
export { SimulatorOptions } from './simulator-options.ts';
export { FAULT_KINDS, type FaultKind } from './faults.ts';
export { SIMULATED_MODELS } from './models.ts';
