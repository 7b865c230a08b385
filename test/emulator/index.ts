// Public entry point of the RyzeAPI emulator: in-process tests import from here.
export { createEmulator } from './emulator.ts';
export type { Emulator, EmulatorInstanceInfo, EmulatorOptions, Faults } from './types.ts';
