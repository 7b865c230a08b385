import type { ExportFormat } from '../../preload/contract.ts';

/** What a file is asked for: a place to save an export, or an export to import. */
export type FileRequest =
  { purpose: 'export'; format: ExportFormat; suggestedName: string } | { purpose: 'import' };

/**
 * Asks the user for a file and answers its path, or null when they cancelled. The Electron shell answers
 * with a native dialog (main/shell/file-dialogs.ts); tests and the E2E harness answer with a path they
 * chose. The window never names a path itself: it asks for an export or an import, nothing more.
 */
export type ChooseFile = (request: FileRequest) => Promise<string | null>;
