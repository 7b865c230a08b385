import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { errorCodes, noticeCodes, type ParamKind } from '../../preload/contract.ts';

/**
 * No sentence main made crosses to the window: every free-text field of everything a request answers or
 * an event carries is listed here with what it holds, and each is data (a name, a jid, a message's
 * text, the server's own words) the window shows as such. A new string field, a `message` say, fails
 * this test until it is either a code or added here with its reason.
 */
const dataFields: Record<string, string> = {
  'InstanceSummary.name': 'the instance name RyzeAPI lists',
  'InstanceSummary.displayStatus': 'RyzeAPI’s status word; the window shows its own text for `state`',
  'InstanceSummary.profileName': 'the WhatsApp profile name',
  'InstanceSummary.numberJid': 'a WhatsApp id',
  'Session.accountId': 'an opaque id',
  'Session.baseUrl': 'the API address the user typed',
  'AccountSummary.accountId': 'an opaque id',
  'AccountSummary.baseUrl': 'the API address the user typed',
  'ChatRow.jid': 'a WhatsApp id',
  'ChatRow.displayName': 'a contact’s or chat’s name',
  'ChatRow.number': 'digits of a phone number',
  'ChatRow.lastMessagePreview': 'the start of a message',
  'ChatRow.lastType': 'RyzeAPI’s message type',
  'MessageRow.id': 'a message id',
  'MessageRow.chatJid': 'a WhatsApp id',
  'MessageRow.senderJid': 'a WhatsApp id',
  'MessageRow.senderName': 'a sender’s name',
  'MessageRow.type': 'RyzeAPI’s message type',
  'MessageRow.text': 'a message’s text',
  'FavoriteMessageRow.chatName': 'a chat’s name',
  'MediaInfo.mimeType': 'a MIME type',
  'MediaInfo.fileName': 'the file’s name as sent',
  'MediaFile.mimeType': 'a MIME type',
  'MediaFile.base64': 'the file’s bytes',
  'MediaFile.fileName': 'the file’s name as sent',
  'TextRun.text': 'a piece of a message’s text',
  'TargetName.chat': 'a chat’s name',
  'TargetName.message': 'the start of a message’s text',
  'FavoriteTarget.chatJid': 'a WhatsApp id',
  'FavoriteTarget.messageId': 'a message id',
  'events.chatJid': 'a WhatsApp id (messages:changed)',
  'ErrorOf.serverMessage': 'the server’s own words, only on errors whose origin is the server',
  'ExportResult.fileName': 'the name of the file the user chose',
  'ImportResult.fileName': 'the name of the file the user chose',
};

/** Parameter kinds that hold text: each is data by what it is. */
const textKinds: Partial<Record<ParamKind, string>> = {
  origin: 'a URL origin',
  name: 'a name the user or RyzeAPI gave',
  path: 'a file path on this computer',
  address: 'an API address',
};

function crossingStrings(): Set<string> {
  const root = resolve(import.meta.dirname, '../..');
  const config = ts.getParsedCommandLineOfConfigFile(
    resolve(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
  const probe = resolve(root, 'preload/__crossing-probe.ts');
  const probeText = `import type { EventPayloads, RequestChannel, RequestResult, Result } from './contract.ts';
    export type Crossing = { [C in RequestChannel]: Result<RequestResult<C>> } & EventPayloads;`;
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    name === probe ? ts.createSourceFile(name, probeText, version) : getSourceFile(name, version, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === probe || fileExists(name);
  const program = ts.createProgram([probe], config.options, host);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(probe)!;
  const alias = source.statements.find(ts.isTypeAliasDeclaration)!;
  const found = new Set<string>();
  const seen = new Set<ts.Type>();

  /** A field by the declaration it is written in: `ChatRow.jid`, `Session.baseUrl`, `errorCodes.instance`. */
  const fieldName = (property: ts.Symbol): string => {
    for (let node: ts.Node | undefined = property.declarations?.[0]; node; node = node.parent) {
      if (
        ts.isInterfaceDeclaration(node) ||
        ts.isTypeAliasDeclaration(node) ||
        ts.isVariableDeclaration(node)
      ) {
        return `${node.name.getText()}.${property.getName()}`;
      }
    }
    return property.getName();
  };
  const walk = (type: ts.Type): void => {
    if (type.isUnionOrIntersection()) return type.types.forEach(walk);
    if (checker.isArrayType(type)) return walk(checker.getTypeArguments(type as ts.TypeReference)[0]!);
    if (!(type.flags & ts.TypeFlags.Object) || seen.has(type)) return;
    seen.add(type);
    for (const property of checker.getPropertiesOfType(type)) {
      const propertyType = checker.getTypeOfSymbolAtLocation(property, alias);
      const strings = propertyType.isUnion() ? propertyType.types : [propertyType];
      if (strings.some((t) => t.flags & ts.TypeFlags.String)) found.add(fieldName(property));
      walk(propertyType);
    }
  };
  walk(checker.getTypeAtLocation(alias));
  return found;
}

describe('what crosses from main to the window', () => {
  it('holds no free text but the data fields listed, each with what it is', { timeout: 60_000 }, () => {
    const found = [...crossingStrings()].sort();
    // Error and notice parameters that hold text (the window places them in its own sentences).
    const textParams = (table: string, specs: { params: Readonly<Record<string, ParamKind>> }[]) =>
      specs.flatMap((spec) =>
        Object.entries(spec.params)
          .filter(([, kind]) => kind in textKinds)
          .map(([name]) => `${table}.${name}`),
      );
    const allowed = new Set([
      ...Object.keys(dataFields),
      ...textParams('errorCodes', Object.values(errorCodes)),
      ...textParams('noticeCodes', Object.values(noticeCodes)),
    ]);
    console.log(`free-text fields crossing the contract: ${found.join(', ')}`);
    expect(found.filter((field) => !allowed.has(field))).toEqual([]);
    // Every listed field still exists, so the list cannot grow stale.
    expect(Object.keys(dataFields).filter((field) => !found.includes(field))).toEqual([]);
  });
});
