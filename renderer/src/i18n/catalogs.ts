/**
 * Every language's catalogue, keyed by its tag: the one place a language is registered in the window.
 * The tags are the contract's `uiLocales` (main's native menu follows them too); a catalogue missing here,
 * or a tag here that is not one of them, does not type-check.
 */
import type { UiLocale } from '../../../preload/contract.ts';
import { en, type Messages } from './en.ts';
import { ptBR } from './pt-BR.ts';

export const catalogs: Record<UiLocale, Messages> = { en, 'pt-BR': ptBR };
