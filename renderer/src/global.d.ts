/// <reference types="vite/client" />
import type { RyzeBridge } from '../../preload/contract.ts';

declare global {
  interface Window {
    /** Exposed by the preload (or injected by the E2E harness). The renderer's only way to reach main. */
    ryze: RyzeBridge;
  }
}

export {};
