import { matchUiLocale, type TargetName, type UiLocale } from '../../preload/contract.ts';

/**
 * Every text main shows itself (the native menu, dialogs, the badge's description, notifications), in
 * both languages. The renderer's catalogues cannot be used: a native menu is not a web page. The type
 * is English's, so a key missing in Portuguese is a type error.
 */
const en = {
  app: 'Ryze Desktop',
  // Menu
  about: 'About Ryze Desktop',
  checkForUpdates: 'Check for Updates…',
  restartToUpdate: 'Restart to Update',
  services: 'Services',
  hide: 'Hide Ryze Desktop',
  hideOthers: 'Hide Others',
  showAll: 'Show All',
  quit: 'Quit Ryze Desktop',
  file: 'File',
  exportCsv: 'Export Favorites as CSV…',
  exportJson: 'Export Favorites for Import (JSON)…',
  importFavorites: 'Import Favorites…',
  closeWindow: 'Close Window',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  pasteAndMatchStyle: 'Paste and Match Style',
  delete: 'Delete',
  selectAll: 'Select All',
  view: 'View',
  actualSize: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  fullScreen: 'Toggle Full Screen',
  reload: 'Reload',
  devTools: 'Developer Tools',
  window: 'Window',
  minimize: 'Minimize',
  zoom: 'Zoom',
  bringAllToFront: 'Bring All to Front',
  help: 'Help',
  guide: 'RyzeAPI Guide',
  logFolder: 'Open Log Folder',
  guideUrl: 'https://docs.ryzeapi.cloud/en/guide/concepts',
  // Dialogs
  ok: 'OK',
  later: 'Later',
  restartNow: 'Restart Now',
  openReleases: 'Open the Releases Page',
  version: (v: string) => `Version ${v}`,
  upToDate: (v: string) => `Ryze Desktop ${v} is the latest version.`,
  checkFailed: 'Ryze Desktop could not check for updates.',
  checkFailedDetail: (why: string) => `${why}\n\nCheck your connection and try again later.`,
  devBuild: 'Updates are checked only in the installed app.',
  devBuildDetail: 'This copy runs from source; pull and rebuild to update it.',
  downloading: (v: string) => `Version ${v} is being downloaded.`,
  downloadingDetail: 'You will be asked to restart when it is ready.',
  ready: (v: string) => `Version ${v} is ready to install.`,
  readyDetail: 'Restart Ryze Desktop to update. Your stars and pending changes are kept.',
  waiting: (n: number) =>
    n === 1 ? '1 favorite change is still being sent.' : `${n} favorite changes are still being sent.`,
  waitingDetail:
    'Ryze Desktop will restart to update as soon as they are sent. If you quit first, the update is installed then; nothing is lost either way.',
  debUpdate: (v: string) => `Version ${v} is available.`,
  debUpdateDetail:
    'This copy was installed from a .deb package, which does not update itself. Download the new .deb from the releases page and install it with: sudo apt install ./ryze-desktop-<version>-linux-amd64.deb',
  // Export and import dialogs
  exportTitle: 'Export Favorites',
  exportButton: 'Export',
  importTitle: 'Import Favorites',
  importButton: 'Import',
  csvFiles: 'CSV for spreadsheets',
  jsonFiles: 'Ryze Desktop favorites (JSON)',
  // Badge and notifications
  pendingBadge: (n: number) => (n === 1 ? '1 change waiting to be sent' : `${n} changes waiting to be sent`),
  refusedTitle: 'A change could not be made',
  refusedBody: (name: string) =>
    `The server refused the star on ${name}. The status bar says why; you can retry it there.`,
  chatName: (name: TargetName) => name.chat,
  messageName: (name: TargetName) =>
    name.message === null ? `a message in ${name.chat}` : `“${name.message}” (${name.chat})`,
};
export type ShellStrings = typeof en;

const ptBR: ShellStrings = {
  app: 'Ryze Desktop',
  about: 'Sobre o Ryze Desktop',
  checkForUpdates: 'Procurar atualizações…',
  restartToUpdate: 'Reiniciar para atualizar',
  services: 'Serviços',
  hide: 'Ocultar Ryze Desktop',
  hideOthers: 'Ocultar outros',
  showAll: 'Mostrar tudo',
  quit: 'Sair do Ryze Desktop',
  file: 'Arquivo',
  exportCsv: 'Exportar favoritos como CSV…',
  exportJson: 'Exportar favoritos para importar (JSON)…',
  importFavorites: 'Importar favoritos…',
  closeWindow: 'Fechar janela',
  edit: 'Editar',
  undo: 'Desfazer',
  redo: 'Refazer',
  cut: 'Recortar',
  copy: 'Copiar',
  paste: 'Colar',
  pasteAndMatchStyle: 'Colar e manter estilo',
  delete: 'Apagar',
  selectAll: 'Selecionar tudo',
  view: 'Exibir',
  actualSize: 'Tamanho real',
  zoomIn: 'Aumentar zoom',
  zoomOut: 'Diminuir zoom',
  fullScreen: 'Alternar tela cheia',
  reload: 'Recarregar',
  devTools: 'Ferramentas do desenvolvedor',
  window: 'Janela',
  minimize: 'Minimizar',
  zoom: 'Zoom',
  bringAllToFront: 'Trazer tudo para a frente',
  help: 'Ajuda',
  guide: 'Guia da RyzeAPI',
  logFolder: 'Abrir pasta de logs',
  guideUrl: 'https://docs.ryzeapi.cloud/pt/guide/concepts',
  ok: 'OK',
  later: 'Depois',
  restartNow: 'Reiniciar agora',
  openReleases: 'Abrir a página de versões',
  version: (v) => `Versão ${v}`,
  upToDate: (v) => `O Ryze Desktop ${v} é a versão mais recente.`,
  checkFailed: 'O Ryze Desktop não conseguiu procurar atualizações.',
  checkFailedDetail: (why) => `${why}\n\nVerifique sua conexão e tente de novo mais tarde.`,
  devBuild: 'Atualizações são procuradas só no app instalado.',
  devBuildDetail: 'Esta cópia roda a partir do código-fonte; atualize o código e gere de novo.',
  downloading: (v) => `A versão ${v} está sendo baixada.`,
  downloadingDetail: 'Você será avisado para reiniciar quando ela estiver pronta.',
  ready: (v) => `A versão ${v} está pronta para instalar.`,
  readyDetail: 'Reinicie o Ryze Desktop para atualizar. Suas estrelas e alterações pendentes são mantidas.',
  waiting: (n) =>
    n === 1
      ? '1 alteração de favorito ainda está sendo enviada.'
      : `${n} alterações de favoritos ainda estão sendo enviadas.`,
  waitingDetail:
    'O Ryze Desktop reinicia para atualizar assim que elas forem enviadas. Se você sair antes, a atualização é instalada nessa hora; nada se perde.',
  debUpdate: (v) => `A versão ${v} está disponível.`,
  debUpdateDetail:
    'Esta cópia foi instalada por um pacote .deb, que não se atualiza sozinho. Baixe o novo .deb na página de versões e instale com: sudo apt install ./ryze-desktop-<versão>-linux-amd64.deb',
  exportTitle: 'Exportar favoritos',
  exportButton: 'Exportar',
  importTitle: 'Importar favoritos',
  importButton: 'Importar',
  csvFiles: 'CSV para planilhas',
  jsonFiles: 'Favoritos do Ryze Desktop (JSON)',
  pendingBadge: (n) => (n === 1 ? '1 alteração esperando envio' : `${n} alterações esperando envio`),
  refusedTitle: 'Uma alteração não pôde ser feita',
  refusedBody: (name) =>
    `O servidor recusou a estrela em ${name}. A barra de status diz por quê; dá para tentar de novo por lá.`,
  chatName: (name) => name.chat,
  messageName: (name) =>
    name.message === null ? `uma mensagem em ${name.chat}` : `“${name.message}” (${name.chat})`,
};

const catalogs: Record<UiLocale, ShellStrings> = { en, 'pt-BR': ptBR };

export function stringsFor(locale: UiLocale): ShellStrings {
  return catalogs[locale];
}

/**
 * Until the window reports its language: the renderer's own rule on the system's first language, so the
 * menu starts in the language the window will pick.
 */
export const localeFromSystem = matchUiLocale;
