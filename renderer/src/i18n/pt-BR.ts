import type { Messages } from './en.ts';

/** Português do Brasil. Same keys as `en`: a missing or extra key does not type-check. */
export const ptBR: Messages = {
  'app.name': 'Ryze Desktop',
  'app.loading': 'Carregando…',
  'app.opening': 'Abrindo suas conversas…',
  'app.noBridge': 'O Ryze Desktop não conseguiu falar com o processo em segundo plano. Reinicie o app.',

  'language.name': 'Português (Brasil)',

  'signIn.title': 'Entrar na RyzeAPI',
  'signIn.subtitle': 'Use um token de conta ou de instância do seu painel da RyzeAPI.',
  'signIn.baseUrl': 'Endereço da API',
  'signIn.token': 'Token',
  'signIn.tokenHint': 'O token fica guardado no chaveiro do sistema, nunca em um arquivo.',
  'signIn.help': 'Onde encontro meu token?',
  'signIn.helpLabel': 'Onde encontro meu token? Abre o guia da RyzeAPI no seu navegador',
  'signIn.continue': 'Continuar',
  'signIn.checking': 'Verificando…',
  'signIn.baseUrlProblem.notUrl':
    'O endereço da API precisa ser uma URL completa, como https://ryzeapi.cloud.',
  'signIn.baseUrlProblem.insecure':
    'O endereço da API precisa começar com https://, para que seu token nunca trafegue sem criptografia (http:// só é aceito para este computador: localhost, 127.0.0.1 ou [::1]).',
  'signIn.baseUrlProblem.userInfo': 'O endereço da API não pode conter usuário nem senha.',
  'signIn.baseUrlProblem.query': 'O endereço da API não pode conter uma consulta (a parte depois de “?”).',
  'signIn.baseUrlProblem.fragment': 'O endereço da API não pode conter um fragmento (a parte depois de “#”).',
  'signIn.keychainBanner':
    'O chaveiro do sistema não está disponível, então o token não pode ser guardado com segurança. {reason} Depois, abra o Ryze Desktop de novo.',

  'keychain.lockedTitle': 'Desbloqueie seu chaveiro',
  'keychain.lockedBody.one':
    'O token da sua conta conectada está no chaveiro do sistema, que está bloqueado ou indisponível. Desbloqueie-o e tente de novo. Suas estrelas e alterações pendentes são mantidas.',
  'keychain.lockedBody.other':
    'Os tokens das suas {count} contas conectadas estão no chaveiro do sistema, que está bloqueado ou indisponível. Desbloqueie-o e tente de novo. Suas estrelas e alterações pendentes são mantidas.',
  'keychain.lockedHint': 'No Linux, abra Senhas e chaves (Seahorse) e desbloqueie o chaveiro Login.',
  'keychain.reason': 'Detalhes: {reason}',
  'keychain.retry': 'Tentar de novo',
  'keychain.retrying': 'Verificando…',
  'keychain.stillLocked': 'O chaveiro continua bloqueado ou indisponível.',

  'picker.title': 'Escolha uma instância',
  'picker.subtitle.one': 'Este token abre uma instância. Confirme para continuar.',
  'picker.subtitle.other': 'Este token abre {count} instâncias. Escolha qual abrir.',
  'picker.empty': 'Este token não tem instâncias. Crie uma na RyzeAPI e entre de novo.',
  'picker.listLabel': 'Instâncias',
  'picker.noProfile': 'Ainda sem perfil do WhatsApp',
  'picker.cancel': 'Cancelar',
  'picker.opening': 'Abrindo…',

  'state.connected': 'Conectada',
  'state.connecting': 'Conectando…',
  'state.disconnected': 'Desconectada',
  'state.loggedout': 'Sessão encerrada',
  'state.closed': 'Fechada',
  'state.banned': 'Banida',
  'state.unknown': 'Estado desconhecido',
  'state.lastKnown': 'Último estado: {state}',

  'accounts.menu': 'Trocar de conta ou instância',
  'accounts.signedIn': 'Contas conectadas',
  'accounts.otherInstances': 'Outras instâncias deste token',
  'accounts.add': 'Entrar em outra conta…',
  'accounts.back': 'Voltar para a conta conectada',
  'accounts.pending.one': '{count} alteração pendente',
  'accounts.pending.other': '{count} alterações pendentes',
  'header.instance': 'Instância',
  'header.signOut': 'Sair',
  'header.settings': 'Configurações',
  'header.undo': 'Desfazer a última alteração de favorito',

  'tabs.label': 'Visualizações',
  'banners.label': 'Avisos',
  'tabs.chats': 'Conversas',
  'tabs.favorites': 'Favoritos',

  'chats.search': 'Buscar conversas e mensagens',
  'chats.listLabel': 'Conversas',
  'chats.empty': 'Nenhuma conversa ainda.',
  'chats.noResults': 'Nenhuma conversa encontrada para “{query}”.',
  'chats.refreshing': 'Atualizando conversas…',
  'chats.noPreview': 'Nenhuma mensagem carregada ainda',
  'chats.unread.one': '{count} mensagem não lida',
  'chats.unread.other': '{count} mensagens não lidas',
  'chats.count.one': '{count} conversa',
  'chats.count.other': '{count} conversas',

  'search.messages': 'Mensagens',
  'search.listLabel': 'Mensagens com “{query}”',
  'search.searching': 'Buscando mensagens…',
  'search.noResults': 'Nenhuma mensagem encontrada para “{query}”.',
  'search.scope': 'A busca inclui só as mensagens já carregadas neste computador.',
  'search.count.one': '{count} mensagem encontrada',
  'search.count.other': '{count} mensagens encontradas',
  'search.countAtLeast.one': 'Mais de {count} mensagem encontrada',
  'search.countAtLeast.other': 'Mais de {count} mensagens encontradas',

  'star.chat': 'Favoritar a conversa {name}',
  'star.message': 'Favoritar a mensagem de {sender} às {time}',
  'pending.mark': 'Pendente',
  'pending.title': 'Aguardando envio para a RyzeAPI',

  'messages.listLabel': 'Mensagens com {name}',
  'messages.placeholder': 'Selecione uma conversa para ler as mensagens.',
  'messages.empty': 'Nenhuma mensagem nesta conversa ainda.',
  'messages.loadingOlder': 'Carregando mensagens anteriores…',
  'messages.olderError': 'Não foi possível carregar mensagens anteriores. {error}',
  'messages.retry': 'Tentar de novo',
  'messages.you': 'Você',
  'messages.unknownSender': 'Remetente desconhecido',
  'messages.showMore': 'Mostrar mais',
  'messages.showLess': 'Mostrar menos',
  'messages.close': 'Fechar conversa',
  'messages.notFound': 'Essa mensagem não está mais disponível nesta conversa.',
  'messages.keys':
    '↑ ↓ ou J K para mover · Enter para abrir · S para favoritar · / para buscar · Esc para voltar',

  'msgType.image': 'Foto',
  'msgType.video': 'Vídeo',
  'msgType.audio': 'Áudio',
  'msgType.voice': 'Mensagem de voz',
  'msgType.document': 'Documento',
  'msgType.sticker': 'Figurinha',
  'msgType.location': 'Localização',
  'msgType.contact': 'Contato',
  'msgType.other': 'Mensagem ({type})',

  'sendStatus.pending': 'Aguardando envio',
  'sendStatus.sent': 'Enviada',
  'sendStatus.delivered': 'Entregue',
  'sendStatus.read': 'Lida',
  'sendStatus.played': 'Reproduzida',
  'sendStatus.error': 'Não enviada',

  'media.open': 'Abrir',
  'media.save': 'Salvar',
  'media.opening': 'Abrindo…',
  'media.openLabel': 'Abrir {name}',
  'media.saveLabel': 'Salvar {name}',
  'media.tooLarge': 'Grande demais para abrir aqui ({size}). Abra no celular.',
  'media.notStored':
    'A RyzeAPI não tem este arquivo. Talvez ainda não tenha sido armazenado; tente mais tarde.',
  'media.failed': 'Não foi possível abrir o arquivo. {error}',

  'id.lid': 'O WhatsApp compartilha só um ID privado (LID) deste contato, não o número de telefone.',
  'id.masked': 'O WhatsApp mostra só parte deste número; o resto fica oculto.',

  'favorites.chats': 'Conversas favoritas',
  'favorites.messages': 'Mensagens favoritas',
  'favorites.noChats': 'Nenhuma conversa favorita. Clique em ☆ numa conversa ou pressione S.',
  'favorites.noMessages': 'Nenhuma mensagem favorita.',
  'favorites.loadMore': 'Mostrar mais',
  'favorites.listLabel': 'Favoritos',
  'favorites.inChat': 'em {chat}',

  'transfer.label': 'Exportar e importar favoritos',
  'transfer.export': 'Exportar',
  'transfer.exportMenu': 'Exportar favoritos como',
  'transfer.exportCsv': 'CSV, para planilhas',
  'transfer.exportJson': 'JSON, para importar no Ryze Desktop',
  'transfer.import': 'Importar',
  'transfer.importTitle': 'Importar favoritos de uma exportação JSON desta instância',
  'transfer.exporting': 'Exportando…',
  'transfer.importing': 'Importando…',
  'transfer.importProgress': 'Importando… {done} de {total} consultados na RyzeAPI',
  'transfer.exported.one': '{count} favorito exportado para {file}.',
  'transfer.exported.other': '{count} favoritos exportados para {file}.',
  'transfer.notExported': 'Não foi possível salvar {file}.',
  'transfer.imported.one': '{count} estrela importada de {file}; ela está sendo enviada à RyzeAPI.',
  'transfer.imported.other': '{count} estrelas importadas de {file}; elas estão sendo enviadas à RyzeAPI.',
  'transfer.importedNone': 'Nada novo para importar de {file}.',
  'transfer.already.one': '{count} já estava com estrela.',
  'transfer.already.other': '{count} já estavam com estrela.',
  'transfer.gone.one': '{count} não existe mais na RyzeAPI e ficou de fora.',
  'transfer.gone.other': '{count} não existem mais na RyzeAPI e ficaram de fora.',
  'transfer.notImported': 'Nada foi importado de {file}.',
  'transfer.signInFirst': 'Entre para exportar ou importar favoritos.',

  'status.label': 'Status da sincronização',
  'status.online': 'On-line',
  'status.offline': 'Off-line',
  'status.pending.one': '{count} alteração pendente',
  'status.pending.other': '{count} alterações pendentes',
  'status.allSaved': 'Todas as alterações salvas',
  'status.syncing': 'Sincronizando…',
  'status.syncingSeconds': 'Sincronizando… faltam cerca de {seconds} s',
  'status.syncingMinutes': 'Sincronizando… faltam cerca de {minutes} min',
  'status.held': 'Envio pausado: {reason}',
  'status.nextTry': '(próxima tentativa às {time})',
  'status.retryNow': 'Tentar agora',
  'status.failed.one': '{count} alteração falhou',
  'status.failed.other': '{count} alterações falharam',

  'held.auth': 'o token foi recusado. Entre de novo para enviar suas alterações.',
  'held.forbidden': 'este token não tem permissão para alterar favoritos. Entre com um que tenha.',
  'held.notFound':
    'a instância não foi encontrada na RyzeAPI. Verifique se ela ainda existe e entre de novo.',
  'held.disconnected': 'a instância não está conectada ao WhatsApp. O envio continua quando ela se conectar.',
  'held.rateLimited': 'a RyzeAPI pediu para ir mais devagar.',
  'held.invalidRequest': 'a RyzeAPI recusou uma alteração.',
  'held.network': 'aguardando conexão com a RyzeAPI.',
  'held.redirected': 'a RyzeAPI respondeu com um redirecionamento; confira o endereço da API.',
  'held.server': 'a RyzeAPI está com problemas.',
  'held.keychainUnavailable': 'o chaveiro do sistema está bloqueado ou indisponível.',
  'held.invalidArgument': 'uma alteração não era válida.',
  'held.forbiddenSender': 'o pedido veio de uma janela inesperada.',
  'held.notSignedIn': 'você saiu da conta.',
  'held.store': 'não foi possível ler ou gravar os dados locais.',
  'held.file': 'não foi possível ler ou gravar um arquivo.',
  'held.internal': 'algo deu errado no Ryze Desktop.',

  'failed.title': 'Alterações que não puderam ser salvas',
  'failed.star': 'Favoritar {name}',
  'failed.unstar': 'Desfavoritar {name}',
  'name.chat': '“{chat}”',
  'name.message': '“{text}” em {chat}',
  'name.messageWithoutText': 'uma mensagem em {chat}',
  'failed.retry': 'Tentar de novo',
  'failed.dismiss': 'Descartar',
  'failed.retryLabel': 'Tentar de novo: {name}',
  'failed.dismissLabel': 'Descartar: {name}',
  'failed.close': 'Fechar',
  'failed.show': 'Mostrar alterações com falha',
  'failed.markStar': 'Estrela não salva: {reason}',
  'failed.markUnstar': 'Remoção da estrela não salva: {reason}',
  'failed.retryRow': 'Tentar de novo {subject}. {reason}',
  'failed.chatSubject': 'a mudança de estrela na conversa {name}',
  'failed.messageSubject': 'a mudança de estrela na mensagem de {sender} às {time}',

  'signOut.title': 'Sair de {name}?',
  'signOut.keychain': 'O token é removido do chaveiro deste computador.',
  'signOut.pending.one':
    '{count} mudança de estrela desta conta ainda não foi enviada. Ela não será enviada enquanto você estiver fora.',
  'signOut.pending.other':
    '{count} mudanças de estrela desta conta ainda não foram enviadas. Elas não serão enviadas enquanto você estiver fora.',
  'signOut.nothingPending': 'Todas as mudanças de estrela desta conta foram enviadas.',
  'signOut.remove': 'Remover também as conversas e mensagens desta conta deste computador',
  'signOut.keep':
    'Caso contrário, ficam guardadas: ao entrar de novo nesta conta, elas aparecem e o que está pendente é enviado.',
  'signOut.lost': 'As mudanças ainda não enviadas são apagadas junto e nunca serão enviadas.',
  'signOut.confirm': 'Sair',
  'signOut.cancel': 'Cancelar',

  'conn.instance':
    'Esta instância não está conectada ao WhatsApp ({state}). Conecte-a na RyzeAPI; seus favoritos ficam guardados até lá.',
  'conn.offline':
    'Você está off-line: não foi possível acessar a RyzeAPI. Suas alterações ficam guardadas e serão enviadas quando ela voltar; o app continua tentando.',
  'conn.liveClosed':
    'As atualizações em tempo real estão desligadas. As listas são atualizadas ao reabri-las.',
  'conn.liveUnavailable':
    'Atualizações em tempo real não estão disponíveis. As listas são atualizadas ao reabri-las.',

  'error.tokenRefused': 'A RyzeAPI recusou o token. Confira e entre de novo.',
  'error.forbidden': 'A RyzeAPI diz que este token não tem permissão para fazer isso.',
  'error.instanceNotFound':
    'A RyzeAPI não encontrou esta instância. Ela pode ter sido excluída ou renomeada.',
  'error.messageNotFound': 'A RyzeAPI não tem mais esta mensagem; ela pode ter sido apagada no celular.',
  'error.notFound': 'A RyzeAPI não encontrou o que foi pedido (HTTP {status}).',
  'error.disconnected': 'A instância não está conectada ao WhatsApp. Conecte-a na RyzeAPI e tente de novo.',
  'error.rateLimited':
    'Muitas solicitações: a RyzeAPI pediu para ir mais devagar. Aguarde um pouco e tente de novo.',
  'error.invalidRequest': 'A RyzeAPI não aceitou a solicitação (HTTP {status}).',
  'error.serverError': 'A RyzeAPI teve um problema (HTTP {status}). Tente de novo em instantes.',
  'error.unreadableAnswer':
    'A RyzeAPI mandou uma resposta que o app não conseguiu ler (HTTP {status}). Tente de novo em instantes.',
  'error.answerDisagreed':
    'A resposta da RyzeAPI não corresponde à alteração, então não se sabe se ela foi feita.',
  'error.redirected':
    'A RyzeAPI respondeu com um redirecionamento para {location} (HTTP {status}). Redirecionamentos nunca são seguidos, então seu token não foi enviado para lá; confira o endereço da API.',
  'error.noInstances': 'Este token não tem instâncias. Crie uma na RyzeAPI e entre de novo.',
  'error.unknownServerRefusedToken': 'O servidor neste endereço não aceitou o token (HTTP {status}).',
  'error.notRyzeApi':
    'O servidor neste endereço não respondeu à entrada como a RyzeAPI responde (HTTP {status}). Confira o endereço da API.',
  'error.unreachable':
    'Não foi possível acessar a RyzeAPI. Verifique sua conexão; seus favoritos ficam guardados e serão enviados depois.',
  'error.timeout':
    'A RyzeAPI não respondeu a tempo. Verifique sua conexão; seus favoritos ficam guardados e serão enviados depois.',
  'error.connectionLost':
    'A conexão com a RyzeAPI caiu antes da resposta. Verifique sua conexão; seus favoritos ficam guardados e serão enviados depois.',
  'error.keychainNoService':
    'Nenhum Secret Service está em execução. No Linux, entre numa sessão de desktop com o GNOME Keyring ou o KWallet rodando.',
  'error.keychainLocked':
    'O chaveiro está bloqueado ou não tem uma coleção padrão. Desbloqueie o chaveiro de login e tente de novo.',
  'error.keychainDenied':
    'O acesso ao chaveiro do sistema foi negado. Permita que o Ryze Desktop o use e tente de novo.',
  'error.keychainFailed':
    'Não foi possível usar o chaveiro do sistema. No Linux, inicie e desbloqueie um chaveiro Secret Service (GNOME Keyring ou KWallet).',
  'error.badBaseUrl': '{problem}',
  'error.badToken': 'O token só pode ter letras, dígitos e pontuação ASCII.',
  'error.invalidArgument': 'O Ryze Desktop recusou um valor que não é válido ({field}).',
  'error.unknownRequest': 'A janela pediu algo que o Ryze Desktop não faz. Reinicie o app.',
  'error.forbiddenSender': 'Esta janela não tem permissão para falar com o Ryze Desktop. Reinicie o app.',
  'error.notSignedIn': 'Você saiu da conta. Entre de novo.',
  'error.signInExpired': 'A entrada expirou. Digite seu token de novo.',
  'error.tokenMissing': 'O chaveiro não tem mais o token desta conta. Entre de novo.',
  'error.accountNotSignedIn': 'Essa conta não está conectada neste computador.',
  'error.noSuchInstance': 'Não há instância chamada “{instance}” para este token.',
  'error.unknownTarget': 'Essa {target} não está mais neste computador. Atualize e tente de novo.',
  'error.failedChangeGone': 'Essa alteração com falha não está mais na lista.',
  'error.noMediaFile': 'Esta mensagem não tem arquivo para abrir.',
  'error.mediaTooLarge':
    'Este arquivo tem {size}; arquivos acima de {limit} não são abertos aqui. Abra-o no celular.',
  'error.importRunning': 'Uma importação já está em andamento. Espere ela terminar.',
  'error.noFileDialog':
    'Esta cópia do Ryze Desktop não consegue pedir um arquivo. Use o app instalado para exportar ou importar favoritos.',
  'error.exportNoSpace': 'O disco está cheio. Libere espaço ou escolha outro lugar e exporte de novo.',
  'error.exportNotAllowed':
    'O Ryze Desktop não tem permissão para gravar aí. Escolha outra pasta e exporte de novo.',
  'error.exportFailed': 'Não foi possível gravar o arquivo. Escolha outro lugar e exporte de novo.',
  'error.importUnreadable':
    'Não foi possível ler o arquivo. Verifique se ele ainda existe e se você pode abri-lo.',
  'error.importTooLarge':
    'O arquivo tem {size}, mais que qualquer exportação de favoritos (no máximo {limit}).',
  'error.importEmpty': 'O arquivo está vazio.',
  'error.importNotUtf8': 'O arquivo não é um arquivo de texto gravado pelo Ryze Desktop.',
  'error.importDamaged':
    'O arquivo está danificado ou incompleto. Exporte os favoritos de novo e importe o arquivo novo.',
  'error.importNotAnExport':
    'O arquivo não é uma exportação de favoritos. Escolha um arquivo JSON feito em Exportar › JSON.',
  'error.importNewerVersion':
    'O arquivo foi feito por uma versão mais nova do Ryze Desktop. Atualize o app para importá-lo.',
  'error.importOtherInstance':
    'O arquivo tem os favoritos da instância “{instance}” em {server}. Abra essa instância para importá-lo.',
  'error.storeUnreadable': 'O Ryze Desktop não conseguiu abrir seus dados locais.',
  'error.storeTooNew':
    'Os dados locais foram gravados por uma versão mais nova do Ryze Desktop. Atualize o app.',
  'error.storeClosed': 'O Ryze Desktop está fechando seus dados locais. Abra-o de novo para continuar.',
  'error.storeStopped':
    'Os dados locais pararam inesperadamente, então esta ação não foi salva. Tente de novo.',
  'error.storeKeepsStopping':
    'Os dados locais continuam parando inesperadamente. Feche o Ryze Desktop e abra de novo; seus dados são mantidos.',
  'error.internal': 'Algo deu errado no Ryze Desktop. Tente de novo.',
  'error.serverSaid': 'A RyzeAPI disse: “{message}”',
  'error.unnamedPlace': 'um endereço que ela não informou',
  'target.chat': 'conversa',
  'target.message': 'mensagem',

  'notice.storeRecovered':
    'Não foi possível ler os dados locais, então eles foram deixados de lado ({movedTo}) e um armazenamento novo foi iniciado. Entre de novo; suas conversas e mensagens serão baixadas de novo, e favoritos ainda não enviados podem precisar ser marcados de novo.',
  'notice.storeRestored.one':
    'Não foi possível ler os dados locais do Ryze Desktop, então eles foram separados. {stars} estrela voltou do backup de {backupAt} e está sendo enviada de novo à RyzeAPI. Alterações feitas depois desse backup precisam ser feitas de novo.',
  'notice.storeRestored.other':
    'Não foi possível ler os dados locais do Ryze Desktop, então eles foram separados. {stars} estrelas voltaram do backup de {backupAt} e estão sendo enviadas de novo à RyzeAPI. Alterações feitas depois desse backup precisam ser feitas de novo.',
  'notice.storeNotOpened':
    'O Ryze Desktop não conseguiu abrir seus dados locais. Eles foram deixados como estão: feche o Ryze Desktop e abra de novo, ou instale a versão mais recente.',
  'error.dismiss': 'Fechar',

  'settings.title': 'Configurações',
  'settings.language': 'Idioma',
  'settings.theme': 'Tema',
  'settings.theme.system': 'Igual ao sistema',
  'settings.theme.light': 'Claro',
  'settings.theme.dark': 'Escuro',

  'time.yesterday': 'Ontem',
  'time.today': 'Hoje',
  'time.unknownDay': 'Data desconhecida',
};
