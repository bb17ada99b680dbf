# Onboard — français (langue de référence)

AppName = Onboard
SkipToContent = Aller au contenu
Language = Langue

## Sign-in
LoginTitle = Connexion
LoginIntro = Connectez-vous avec votre adresse e-mail ou votre identifiant.
EmailOrLogin = E-mail ou identifiant
Password = Mot de passe
PasswordConfirm = Confirmer le mot de passe
SignIn = SE CONNECTER
SigningIn = Connexion…
SignOut = Se déconnecter
InvalidCredentials = Identifiant ou mot de passe incorrect.
TooManyAttempts = Trop de tentatives. Réessayez dans quelques minutes.

## First admin
SetupTitle = Créer le premier administrateur
SetupIntro = Ce compte sera administrateur de la plateforme. Ce lien ne sert qu'une fois.
SetupDone = La plateforme a déjà un administrateur. Connectez-vous.
SetupInvalidLink = Ce lien d'installation n'est pas valable. Utilisez celui affiché au démarrage du serveur.
FirstName = Prénom
LastName = Nom
Email = E-mail
CreateAdmin = CRÉER L'ADMINISTRATEUR

## Frame
Groups = Groupes
NoGroupsYet = Aucun groupe pour l'instant.
NoGroupsAdminHint = Créez le premier groupe avec + → Groupe.
NoGroupsMemberHint = Vous n'appartenez encore à aucun groupe.
AddMenu = Ajouter
MenuUser = Utilisateur
MenuGroup = Groupe
ExpandGroup = Déplier { $name }
CollapseGroup = Replier { $name }
ToggleSidebar = Afficher les groupes
Welcome = Bienvenue
HomeIntro = Choisissez un groupe dans la barre de gauche pour voir ses utilisateurs.
WelcomeName = Bienvenue, { $name }
MemberHomeIntro = Votre compte est prêt. Voici vos groupes et votre profil.
YourGroups = Vos groupes
YourProfile = Votre profil
FullName = Nom
YourLanguageHelp = Les pages et les e-mails d'Onboard vous parviennent dans cette langue ; changez-la ici.
PlatformAdmin = Administrateur plateforme

## Group page
Public = public
Private = privé
PublicLong = Les apprenants ajoutés ici deviennent aussi apprenants des groupes parents, jusqu'au premier groupe privé inclus.
PrivateLong = Ajouter quelqu'un ici ne l'ajoute à aucun autre groupe.
TabUsers = UTILISATEURS
TabSettings = Paramètres
ColName = Nom
ColEmail = E-mail
ColRoles = Rôles
ColType = Type
ColStatus = Statut
ColActivated = Activé le
StatusActive = Actif
StatusPending = Invitation en attente
StatusNoPassword = En attente du mot de passe
NoMembers = Ce groupe n'a pas encore d'utilisateurs.
NoMembersHint = Ajoutez-en avec + → Utilisateur.
MembersCount =
    { $count ->
        [one] { $count } utilisateur
       *[other] { $count } utilisateurs
    }

## Roles and account types
RolePlatformAdmin = Administrateur plateforme
RoleGroupAdmin = Administrateur
RoleUserAdmin = Administrateur d'utilisateurs
RoleTrainer = Animateur
RoleLearner = Apprenant
TypeMember = Membre
TypeGuest = Invité

## Group management
NewGroup = Nouveau groupe
GroupName = Nom du groupe
ParentGroup = Groupe parent
NoParent = — Aucun (groupe racine) —
Visibility = Visibilité
CreateGroup = CRÉER LE GROUPE
Save = ENREGISTRER
DeleteGroup = SUPPRIMER LE GROUPE
DeleteGroupConfirm = Supprimer définitivement ce groupe ? Ses rôles et sessions seront supprimés.
DangerZone = Zone dangereuse
GroupSaved = Modifications enregistrées.
Cancel = Annuler
Working = En cours…

## Errors (public messages; causes are logged, never shown)
ErrInternal = Une erreur est survenue de notre côté. Réessayez ; si cela persiste, prévenez l'administrateur.
ErrUnauthenticated = Votre session a expiré. Reconnectez-vous.
ErrForbidden = Vous n'avez pas le droit de faire cela.
ErrNotFound = Introuvable.
ErrNetwork = Le serveur ne répond pas. Vérifiez votre connexion.
ErrBadRequest = Requête invalide.
ErrCrossSite = Requête refusée : elle ne vient pas de ce site.
ErrUnsupportedMediaType = Requête refusée : format de données non accepté.
ErrTooLarge = Requête trop volumineuse.
ErrNameRequired = Le nom est obligatoire.
ErrNameTooLong = Le nom est trop long (120 caractères au plus).
ErrGroupNameTaken = Un groupe de ce nom existe déjà à cet endroit.
ErrGroupHasChildren = Ce groupe a des sous-groupes : déplacez-les ou supprimez-les d'abord.
ErrMoveIntoItself = Un groupe ne peut pas être son propre parent.
ErrMoveIntoDescendant = Un groupe ne peut pas être déplacé dans un de ses sous-groupes.
ErrUnknownParent = Le groupe parent n'existe pas.
ErrEmailInvalid = Adresse e-mail invalide.
ErrEmailTaken = Un compte utilise déjà cette adresse.
ErrPasswordTooShort = Le mot de passe doit faire au moins 8 caractères.
ErrPasswordTooLong = Le mot de passe doit faire au plus 128 caractères.
ErrPasswordCommon = Ce mot de passe est trop courant : choisissez-en un autre.
ErrPasswordMismatch = Les deux mots de passe ne sont pas identiques.
ErrFirstNameRequired = Le prénom est obligatoire.
ErrLastNameRequired = Le nom est obligatoire.

## The user panel (+ → Utilisateur)
PanelTitle = Ajouter des utilisateurs
PanelInvite = Inviter
Emails = Adresses e-mail
EmailsHelp = Plusieurs adresses séparées par une virgule, un point-virgule, un espace ou un retour à la ligne. « Marie Curie <marie@exemple.fr> » est accepté.
Roles = Rôles
Options = Options
InviteeLanguage = Langue de l'invité
DeletionDate = Suppression automatique le
DeletionDateHelp = Le compte (ou l'invitation) sera supprimé à cette date. Laissez vide pour jamais.
PersonalMessage = Message personnel
AccountTypeLabel = Type de compte
MemberHelp = Compte complet, facturé dès qu'il est actif.
GuestHelp = Consultation seule, jamais facturé.
PlatformAdminOnAccept = Administrateur plateforme à l'acceptation
InviteButton = INVITER
Inviting = Envoi…
ResultsTitle = Résultat
OutcomeInvited = Invitation envoyée
OutcomeMergedAdded = Déjà invitée : ajoutée à { $group } comme { $roles } ; renvoyée avec un nouveau lien
OutcomeMergedOptions = Déjà invitée : options mises à jour ; renvoyée avec un nouveau lien
OutcomeAlreadyInvited =
    { $minutes ->
        [0] Déjà invitée (envoyée à l'instant) : rien de nouveau, aucun mail envoyé, son lien reste valable
       *[other] Déjà invitée (envoyée il y a { $minutes } min) : rien de nouveau, aucun mail envoyé, son lien reste valable
    }
OutcomeResent = Déjà invitée : renvoyée avec un nouveau lien (le précédent ne fonctionne plus)
OutcomeDuplicate = En double dans la liste : ignorée
SummaryInvited =
    { $count ->
        [one] { $count } invitée
       *[other] { $count } invitées
    }
SummaryUpdated =
    { $count ->
        [one] { $count } invitation en attente complétée
       *[other] { $count } invitations en attente complétées
    }
SummaryAlready =
    { $count ->
        [one] { $count } déjà invitée
       *[other] { $count } déjà invitées
    }
SummaryAdded =
    { $count ->
        [one] { $count } compte existant ajouté
       *[other] { $count } comptes existants ajoutés
    }
SummaryDuplicate = { $count } en double
SummaryRefused =
    { $count ->
        [one] { $count } refusée
       *[other] { $count } refusées
    }
SummaryInvalid =
    { $count ->
        [one] { $count } invalide
       *[other] { $count } invalides
    }
InvalidKeptHelp = Les adresses invalides sont restées dans le champ : corrigez-les puis cliquez à nouveau sur INVITER.
NoAddresses = Saisissez au moins une adresse.
ChooseGroupFirst = Choisissez d'abord un groupe dans la barre de gauche.
ErrNoRole = Cochez au moins un rôle.
ErrOwnRoles = Vous ne pouvez pas modifier vos propres rôles : demandez à un autre administrateur.

## Who may act on what (the security model)
ErrTooManyAddresses = Trop d'adresses en une fois : 1 000 au plus par envoi. Pour davantage, utilisez l'import.
ErrInvitationBeyondYou = Cette invitation donne aussi des droits que vous ne pouvez pas donner : seul un administrateur qui peut tous les donner peut la renvoyer, copier son lien ou l'annuler. Vous pouvez en retirer vos propres groupes et rôles.
GrantsWithdrawn = Vos groupes et rôles ont été retirés de l'invitation ; elle reste en attente pour les autres.
BulkPartial =
    { $count ->
        [one] { $count } avec des droits que vous ne pouvez pas donner : seuls vos groupes et rôles retirés (annulation), rien renvoyé (renvoi)
       *[other] { $count } avec des droits que vous ne pouvez pas donner : seuls vos groupes et rôles retirés (annulation), rien renvoyé (renvoi)
    }
WithdrawMyGrants = Retirer mes groupes et rôles
InvitationPartlyYours = + des droits que vous ne pouvez pas donner
WelcomeTitle = Votre compte est activé
WelcomeDroppedIntro = Une partie des accès promis par l'invitation n'est plus valable, car la personne qui les avait donnés ne peut plus les donner. Demandez-les à un administrateur :
Continue = Continuer
ExistingAccountElsewhere = Un compte utilise déjà cette adresse : rien n'a été créé.
PendingInvitationElsewhere = Une invitation est en attente pour cette adresse, avec des droits que vous ne pouvez pas donner : rien n'a été créé. Vous pouvez y ajouter vos groupes et rôles.
AddToInvitation = Ajouter mes groupes et rôles à l'invitation
AddedToInvitation = Vos groupes et rôles ont été ajoutés à l'invitation en attente.
AccountPartlyYours = Cette personne a aussi des rôles hors de votre périmètre : vous gérez ses rôles dans vos groupes, pas son compte.
ErrNotAMember = Cette personne n'est pas membre de ce groupe.
ErrFieldKey = Clé invalide : une lettre minuscule puis lettres, chiffres ou _ (40 au plus).
ErrFieldKeyTaken = Un champ utilise déjà cette clé.
ErrFieldLabel = Donnez au moins le libellé en français ; 80 caractères au plus par libellé.
ErrFieldType = Choisissez un type de champ.
ErrFieldChoices = Une liste de choix doit proposer au moins un choix.
ErrFieldRequired = ce champ est obligatoire.
ErrFieldTooLong = 500 caractères au plus.
ErrFieldNumber = un nombre est attendu (par exemple 12 ou 3,5).
ErrFieldDate = une date est attendue (JJ/MM/AAAA).
ErrFieldChoice = choisissez une valeur de la liste.
ErrLoginNameInvalid = Identifiant invalide : 3 à 64 caractères parmi a-z, 0-9, point, tiret et _.
ErrLoginNameTaken = Cet identifiant est déjà pris.
ErrNoEmailNoMail = Sans adresse e-mail, aucun e-mail ne peut être envoyé : saisissez un mot de passe ou laissez-le vide pour en générer un.
ErrPasswordOrMail = Choisissez l'un ou l'autre : un mot de passe saisi, ou l'envoi des identifiants par e-mail.
ErrPasswordOrMailMissing = Saisissez un mot de passe ou cochez « Envoyer ces nouveaux identifiants par e-mail ».
ErrPasswordAlreadyChosen = Cette personne a déjà choisi son mot de passe.
ErrNoGroup = Choisissez au moins un groupe.
ErrExtraInfoTooLong = Les informations complémentaires sont trop longues (2 000 caractères au plus).
ErrFixFields = Le formulaire n'a pas été envoyé : corrigez les champs signalés.
PasswordLinkInvalid = Ce lien n'est pas valide. Demandez à votre administrateur de vous en envoyer un nouveau.
PasswordLinkUsed = Ce lien a déjà servi : votre mot de passe est choisi. Connectez-vous.
PasswordLinkExpired = Ce lien a expiré. Demandez à votre administrateur de vous en envoyer un nouveau.
PanelCreate = Créer un compte
NoEmail = Pas d'adresse e-mail
LoginName = Identifiant
LoginNameHelp = Pour une personne sans adresse e-mail : elle se connectera avec cet identifiant (3 à 64 caractères : a-z, 0-9, point, tiret, _).
SendCredentials = Envoyer ces nouveaux identifiants par e-mail
SendCredentialsHelp = La personne reçoit son identifiant et un lien à usage unique, valable 7 jours, pour choisir elle-même son mot de passe. Aucun mot de passe n'est envoyé par e-mail.
PasswordChoiceHelp = Saisissez un mot de passe, ou cochez l'envoi des identifiants par e-mail. Sans adresse e-mail, laissez-le vide pour en générer un, affiché une seule fois.
AddGroups = Ajouter des groupes
SearchGroup = Rechercher un groupe
Validate = VALIDER
RemoveChip = Retirer
NoGroupChosen = Aucun groupe choisi.
RolesApplyAll = Les rôles cochés s'appliquent à chaque groupe choisi, là où vous pouvez les donner.
ExtraInfo = Informations complémentaires
CreateButton = CRÉER COMPTE
Creating = Création…
AccountCreated = Compte créé : { $name }
OpenAccount = Voir la fiche
SignsInWith = Identifiant de connexion :
CredentialsMailed = Un e-mail lui a été envoyé avec son identifiant et un lien, valable 7 jours, pour choisir son mot de passe.
GeneratedPasswordOnce = Mot de passe généré : notez-le ou transmettez-le maintenant, il ne sera plus jamais affiché.
ExistingAccountLong = L'utilisateur possède déjà un compte actif.
ExistingAccountHint = Ouvrez sa fiche pour l'ajouter à des groupes :
PendingInvitationLong = Une invitation est en attente pour cette adresse : rien n'a été créé.
CreateAnyway = Créer le compte quand même (l'invitation sera consommée)
CustomFields = Champs personnalisés
CustomFieldsIntro = Ces champs apparaissent sur les panneaux Inviter et Créer un compte et sur la fiche de chaque utilisateur.
FieldKey = Clé
FieldKeyHelp = Nom stable dans les fichiers d'import et l'API, par exemple matricule.
FieldTypeLabel = Type
FieldTypeText = Texte
FieldTypeNumber = Nombre
FieldTypeDate = Date
FieldTypeChoice = Liste de choix
FieldChoices = Choix (un par ligne)
FieldRequired = Obligatoire
AddField = AJOUTER LE CHAMP
NewFieldHeading = Nouveau champ
Dismiss = Fermer
CancelEdit = Annuler
ConfirmRemoveMember = Retirer { $name } de ce groupe ? Ses rôles ici sont supprimés ; ses autres groupes ne changent pas.
PlatformSettingsTitle = Paramètres de la plateforme
DefaultLanguage = Langue par défaut
DefaultLanguageHelp = Pour un visiteur qui n'a choisi aucune langue et dont le navigateur ne demande ni le français, ni l'anglais, ni le néerlandais. Chacun peut ensuite choisir la sienne.
SettingsSaved = Paramètres enregistrés.
ErrUnknownLanguage = Langue inconnue : choisissez le français, l'anglais ou le néerlandais.
FieldAdded = Champ ajouté.
FieldDeleted = Champ supprimé.
DeleteField = Supprimer
DeleteFieldOf = Supprimer le champ
NoFields = Aucun champ personnalisé pour l'instant.
NoFieldsHint = Ajoutez-en un ci-dessous.
ChooseOne = — Choisir —
Yes = Oui
No = Non
ActivatedOn = Activé le
CreatedOn = Créé le
NoDeletion = Aucune
GroupsAndRoles = Groupes et rôles
NoGroups = Membre d'aucun groupe.
PasswordNotSet = Mot de passe pas encore choisi : le lien envoyé par e-mail attend d'être utilisé.
ResendPasswordLink = Renvoyer le lien de mot de passe
PasswordLinkResent = Lien envoyé. Les liens précédents ne fonctionnent plus.
EditProfile = Modifier la fiche
ProfileSaved = Fiche enregistrée.
SetPasswordTitle = Choisissez votre mot de passe
SetPasswordIntro = Votre compte est prêt. Choisissez un mot de passe pour vous connecter.
SetPasswordButton = ENREGISTRER ET SE CONNECTER
PasswordLinkClosedTitle = Ce lien ne peut pas servir
ErrRoleNotAllowed = Vous ne pouvez pas donner ce rôle dans ce groupe.
ErrDeletionInPast = La date de suppression doit être dans le futur.
ErrMessageTooLong = Le message est trop long (2 000 caractères au plus).
ErrAddressInvited = Une invitation est en attente pour cette adresse : la personne doit utiliser le lien reçu par e-mail.
ErrInvalidDate = Date invalide.

## Reasons an address is refused
EmailEmpty = adresse vide
EmailWhitespace = espace dans l'adresse
EmailMissingAt = il manque le @
EmailMultipleAt = plusieurs @
EmailEmptyLocal = rien avant le @
EmailLocalTooLong = partie avant le @ trop longue
EmailDotPlacement = point mal placé
EmailEmptyDomain = rien après le @
EmailDomainNoDot = domaine incomplet (pas de point)
EmailInvalidDomain = domaine invalide
EmailTooLong = adresse trop longue

## The invitee
AcceptTitle = Bienvenue sur Onboard
AcceptIntro = Complétez votre profil pour activer votre compte.
InvitedBy = Invitation de
InvitedTo = Groupes
ValidUntil = Valable jusqu'au
ActivateAccount = ACTIVER MON COMPTE
PasswordHelp = 8 caractères au moins. Une phrase facile à retenir fait un bon mot de passe.
InvitationInvalid = Ce lien d'invitation n'est pas valable. Vérifiez qu'il est complet, ou demandez à la personne qui vous a invité de vous le renvoyer.
InvitationExpired = Cette invitation a expiré. Demandez à la personne qui vous a invité de vous la renvoyer.
InvitationUsed = Cette invitation a déjà été utilisée : votre compte existe. Connectez-vous.
InvitationCancelled = Cette invitation a été annulée. Contactez la personne qui vous a invité.
InvitationReplaced = Ce lien a été remplacé par un plus récent : utilisez le dernier e-mail d'invitation reçu.
InvitationClosedTitle = Invitation indisponible
ErrResendTooSoon = Cette invitation vient d'être envoyée : attendez une minute avant de la renvoyer.

## Invitations tab
PanelInvitations = Invitations
InvitationsTitle = Invitations
Search = Rechercher une adresse
FilterStatus = Statut
FilterDelivery = Envoi du mail
FilterGroup = Groupe
FilterInviter = Invité par
FilterSort = Tri
SortNewest = Plus récentes d'abord
SortOldest = Plus anciennes d'abord
Any = Tous
Filter = FILTRER
StatusPendingShort = En attente
StatusExpired = Expirée
DeliveryQueued = En file
DeliverySent = Envoyé
DeliveryFailed = Échec
ColGroupsRoles = Groupes et rôles
ColDelivery = Envoi
ColActions = Actions
ColHistory = Suivi
SentOn = Envoyée le { $date }
SentOnBy = Envoyée le { $date } par { $name }
LastSentOn = Dernier envoi le { $date } ({ $count } envois)
ReminderOn = Relancée le { $date }
ExpiresOn = Expire le { $date }
ExpiredOn = Expirée le { $date }
DeletionOn = Suppression du compte le { $date }
InvitationsOfGroup = Invitations — { $group }
EditMember = Modifier
EditMemberOf = Modifier les rôles de
RemoveFromGroup = Retirer du groupe
RemoveFromGroupHelp = Aucun rôle coché retire aussi la personne du groupe. Ses rôles dans les autres groupes ne changent pas.
MemberRolesSaved = Rôles enregistrés.
MemberRemoved = Retiré du groupe.
SelectRow = Sélectionner
SelectPage = Sélectionner la page
Resend = Renvoyer l'invitation
CancelInvitation = Annuler l'invitation
CopyLink = Copier le lien
Copy = COPIER
Copied = Copié.
LinkIssued = Nouveau lien créé. Le lien envoyé par e-mail reste valable ; « Renvoyer l'invitation » remplacerait tous les liens.
Resent = Invitation renvoyée : le nouveau lien remplace les précédents.
CancelledDone = Invitation annulée.
Selected =
    { $count ->
        [one] { $count } sélectionnée
       *[other] { $count } sélectionnées
    }
ResendSelection = Renvoyer la sélection
CancelSelection = Annuler la sélection
ResendMatching = Renvoyer tout ce qui correspond
CancelMatching = Annuler tout ce qui correspond
ConfirmResend = Renvoyer ces invitations ?
ConfirmCancel = Annuler ces invitations ? Leurs liens ne fonctionneront plus.
InvitationsCount =
    { $count ->
        [one] { $count } invitation
       *[other] { $count } invitations
    }
ConfirmCancelOne = Annuler l'invitation de { $email } ? Ses liens ne fonctionneront plus.
ConfirmWithdrawOne = Retirer vos groupes et rôles de l'invitation de { $email } ?
KeepIt = Garder
Confirm = CONFIRMER
BulkDone =
    { $count ->
        [one] { $count } traitée
       *[other] { $count } traitées
    }
BulkRateLimited =
    { $count ->
        [one] { $count } ignorée : envoyée il y a moins d'une minute
       *[other] { $count } ignorées : envoyées il y a moins d'une minute
    }
BulkSkipped =
    { $count ->
        [one] { $count } ignorée : déjà acceptée ou annulée
       *[other] { $count } ignorées : déjà acceptées ou annulées
    }
NoInvitations = Aucune invitation ne correspond.
NoInvitationsHint = Invitez des personnes depuis « Inviter ».
Previous = Précédent
Next = Suivant
PendingRowHint = Voir l'onglet Invitations
MorePendingInvitations = Toutes les invitations en attente, dans l'onglet Invitations

## Development mailbox
MenuMailbox = Boîte de développement
NotFoundTitle = Page introuvable
BackHome = Retour à l'accueil

## Sentences with values
PageRange = { $first }–{ $last } sur { $total }
MoreThan = plus de { $count }
InvitationsCountMore = Plus de { $count } invitations
OutcomeExistingAddedTo = L'utilisateur possède déjà un compte actif — ajouté à { $group } comme { $roles }
OutcomeInvalidBecause = Adresse invalide : { $reason }
EmailInvalidCharIs = caractère interdit « { $char } »
FieldErrorOn = { $label } : { $reason }
FieldLabel = Libellé
FieldLabelIn = Libellé ({ $language })
FieldLabelHelp = Le libellé français est obligatoire ; une langue laissée vide affiche le libellé français.

## Mails
MailHello = Bonjour,
MailHelloName = Bonjour { $name },
MailInviteSubject = { $inviter } vous invite sur Onboard
MailReminderSubject = Rappel : { $inviter } vous invite sur Onboard
MailReminderLine = Vous n'avez pas encore accepté cette invitation : elle vous attend toujours.
MailInviteSentence =
    { $count ->
        [0] { $inviter } vous invite à rejoindre la plateforme Onboard.
        [one] { $inviter } vous invite à rejoindre la plateforme Onboard, dans le groupe { $groups }.
       *[other] { $inviter } vous invite à rejoindre la plateforme Onboard, dans les groupes { $groups }.
    }
MailGroupName = « { $name } »
MailListAnd = et
MailMessageLabel = Son message :
MailAcceptButton = Accepter l'invitation
MailOpenInviteLink = Pour accepter l'invitation, ouvrez ce lien :
MailCopyLink = Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :
MailInviteValidUntil = Cette invitation est valable jusqu'au { $date }.
MailInviteUnexpected = Vous n'attendiez pas cette invitation ? Ignorez simplement ce message.
MailSetPasswordSubject = Votre compte Onboard est prêt : choisissez votre mot de passe
MailAccountCreatedBy = { $sender } vous a créé un compte sur la plateforme Onboard.
MailYourLogin = Votre identifiant :
MailOpenPasswordLink = Pour choisir votre mot de passe et vous connecter, ouvrez ce lien :
MailChoosePasswordButton = Choisir mon mot de passe
MailPasswordLinkValidUntil = Ce lien ne sert qu'une fois et reste valable jusqu'au { $date }.
MailPasswordUnexpected = Vous n'attendiez pas ce message ? Ignorez-le : rien ne se passera sans vous.

## Development mailbox
MailboxTitle = Boîte mail de développement
MailboxIntro = Les mails de la plateforme, du plus récent au plus ancien. Sans serveur SMTP configuré, ils ne sont envoyés à personne : ils sont conservés ici.
MailboxEmpty = Aucun mail pour l'instant.
MailboxEmptyHint = Les invitations envoyées apparaîtront ici.
MailboxTo = À
MailboxDate = Date
MailboxStatus = Statut
MailboxQueued = En attente
MailboxSending = Envoi en cours
MailboxSent = Envoyé
MailboxFailed = Échec
MailboxLastError = Dernière erreur
MailboxPlainVersion = Version texte
MailboxFrameTitle = Mail à { $to }
MailboxDateTime = { $day } { $time } UTC

## Language names, in the reader's language
LanguageFr = français
LanguageEn = anglais
LanguageNl = néerlandais

## The user's page: adding to groups
AddToGroupsTitle = Ajouter à des groupes
AddToGroupsHelp = Les rôles cochés sont donnés dans chaque groupe choisi. Un rôle grisé ne peut pas être donné dans l'un des groupes choisis.
AddToGroupsButton = AJOUTER
AddingToGroups = Ajout…
AddedToGroupAs = Ajouté à { $group } comme { $roles }
AlreadyInGroups = Cette personne avait déjà ces rôles dans ces groupes : rien n'a changé.
ErrAddSelfToGroups = Vous ne pouvez pas vous ajouter vous-même à des groupes : demandez à un autre administrateur.
ErrAddGroupOutOfReach = Vous ne gérez pas les utilisateurs de l'un des groupes choisis : rien n'a été ajouté.
ErrAddRoleNotGrantable = Vous ne pouvez pas donner l'un des rôles cochés dans l'un des groupes choisis : rien n'a été ajouté.

# Invités et places
ErrGuestLearnerOnly = Un compte invité ne peut avoir que le rôle Apprenant.
ErrGuestNotPlatformAdmin = Un compte invité ne peut pas être administrateur de la plateforme.
ErrNoSeat = Aucune place n'est libre.
ErrSeatsFull = Aucune place libre : { $used } membres facturables pour une limite de { $limit }. Libérez une place (un membre passé en invité) ou augmentez la limite ; rien n'a été modifié.
ErrSeatLimitInvalid = La limite de places est un nombre entier à partir de 0, ou vide pour illimité.
ErrNotWaitingForSeat = Cette invitation n'attend plus de place.
ErrOwnAccountType = Vous ne pouvez pas changer le type de votre propre compte.
ErrNothingSelected = Sélectionnez au moins une personne.
ErrTooManySelected = Trop de personnes à la fois : 500 au plus.
OutcomeGuestCannotHold = Compte invité : { $roles } refusé (un invité n'a que le rôle Apprenant). Rien n'a changé.
GuestRolesHint = Un invité n'a que le rôle Apprenant.
SeatLimit = Limite de places
SeatLimitHelp = Nombre de membres facturables autorisés. Vide : illimité. Les invités ne comptent pas.
SeatsUsage = Places : { $used } / { $limit }
SeatsUsageUnlimited = Places : { $used } utilisées (pas de limite)
SeatsThisUses = { $count ->
    [one] Cette action en utilisera au plus { $count }.
   *[other] Cette action en utilisera au plus { $count }.
}
SeatsNoneFree = Aucune place libre : les membres invités attendront qu'une place se libère.
AwaitingSeatTitle = Votre compte est presque prêt
AwaitingSeatBody = Toutes les places de la plateforme sont occupées. Votre inscription est enregistrée : votre compte s'ouvrira dès qu'une place se libérera, et vous recevrez alors un e-mail. Vous vous connecterez avec le mot de passe que vous venez de choisir.
AwaitingSeatAdmins = Les administrateurs de la plateforme sont prévenus.
StatusAwaitingSeat = En attente d'une place
AwaitingSeatSince = Formulaire rempli le { $date }
ActivateWaiting = Activer
ActivatedWaiting = Compte ouvert : la personne a reçu un e-mail.
AccountTypeSection = Type de compte
ToMember = Passer en membre
ToGuest = Passer en invité
ConvertBlockedIntro = Un invité n'a que le rôle Apprenant. Ces rôles empêchent de passer en invité :
ConvertRemoveRolesAndGo = Retirer ces rôles et passer en invité
ConvertedToMember = Passé en membre : facturé à partir de maintenant.
ConvertedToGuest = Passé en invité : plus facturé à partir de maintenant.
ConvertedRolesRemoved = Rôles retirés : { $roles }
ConvertSelection = { $count ->
    [one] Changer le type de { $count } personne
   *[other] Changer le type de { $count } personnes
}
ConfirmConvert = { $count ->
    [one] Changer le type de { $count } personne ?
   *[other] Changer le type de { $count } personnes ?
}
ConvertNoSeat = Aucune place libre ({ $used } / { $limit }).
MailSeatWaitingSubject = Une personne attend une place
MailSeatWaitingLine = { $name } ({ $email }) a rempli son formulaire d'inscription, mais les { $limit } places de la plateforme sont occupées. Son compte s'ouvrira automatiquement dès qu'une place se libérera.
MailSeatWaitingHow = Pour l'ouvrir maintenant, augmentez la limite de places ou passez un membre en invité :
MailSeatWaitingButton = Paramètres de la plateforme
MailAccountOpenedSubject = Votre compte est ouvert
MailAccountOpenedLine = Une place s'est libérée : votre compte est ouvert. Connectez-vous avec le mot de passe que vous avez choisi.
MailSignInButton = Se connecter
ConvertTo = Nouveau type
ConvertAlsoRemoveRoles = Retirer aussi les rôles qu'un invité ne peut pas avoir
ConvertLineBlocked = reste membre : { $roles } (cochez « Retirer aussi les rôles » pour continuer)
ConvertResultsTitle = Changement de type

# Billing page, audit log, time zone
AuditInvitationCreated = Invitation envoyée
AuditInvitationMerged = Invitation fusionnée avec celle en attente
AuditInvitationGrantsAdded = Rôles ajoutés à l'invitation en attente
AuditInvitationGrantsWithdrawn = Rôles retirés de l'invitation
AuditInvitationReinviteUnchanged = Invitée à nouveau, rien de changé
AuditInvitationReinviteResent = Invitée à nouveau : invitation renvoyée
AuditInvitationResent = Invitation renvoyée
AuditInvitationLinkCopied = Lien d'invitation copié
AuditInvitationCancelled = Invitation annulée
AuditInvitationExistingAccountAdded = Compte existant ajouté au groupe
AuditInvitationAccepted = Invitation acceptée, compte ouvert
AuditInvitationAwaitingSeat = Formulaire rempli, en attente d'une place
AuditInvitationExpired = Invitation expirée
AuditInvitationDeletedAutomatically = Invitation supprimée automatiquement
AuditAccountCreated = Compte créé
AuditAccountUpdated = Compte modifié
AuditAccountGroupsAdded = Ajouté à des groupes
AuditAccountTypeChanged = Type de compte changé
AuditAccountPasswordLinkSent = Lien de mot de passe envoyé
AuditAccountPasswordSet = Mot de passe choisi
AuditAccountDeletedAutomatically = Compte supprimé automatiquement
AuditMemberRolesChanged = Rôles modifiés
AuditMemberRemoved = Retiré du groupe
AuditGroupCreated = Groupe créé
AuditGroupUpdated = Groupe modifié
AuditGroupDeleted = Groupe supprimé
AuditCustomFieldCreated = Champ personnalisé défini
AuditCustomFieldDeleted = Champ personnalisé supprimé
AuditPlatformAdminCreated = Premier administrateur de la plateforme créé
AuditPlatformDefaultLanguageSet = Langue par défaut changée
AuditPlatformSeatLimitSet = Limite de places changée
AuditPlatformTimeZoneSet = Fuseau horaire changé
AuditLoginThrottled = Connexions bloquées après trop d'échecs
ReasonInvitationAccepted = Invitation acceptée
ReasonCreated = Compte créé
ReasonConvertedToMember = Passé en membre
ReasonConvertedToGuest = Passé en invité
ReasonDeleted = Compte supprimé
ReasonUnknown = Non précisé
NoRole = aucun rôle
Unlimited = illimité
Dash = —
Pagination = Pages
Breadcrumb = Fil d'Ariane
ExportCsv = Exporter en CSV
ExportXlsx = Exporter en Excel (XLSX)
DetailRoles = Rôles : { $roles }
DetailRolesChange = Rôles : { $from } → { $to }
DetailGrants = Rôles donnés : { $grants }
DetailPropagated = Propagés : { $grants }
DetailRolesRemoved = Rôles retirés : { $grants }
DetailAccountType = Type : { $kind }
DetailChange = { $from } → { $to }
DetailDeletionDate = Suppression automatique le { $date }
DetailName = Nom : { $name }
DetailLoginName = Identifiant : { $name }
DetailFieldKey = Champ : { $key }
DetailWaitedForSeat = A attendu une place
DetailCredentialsMailed = Identifiants envoyés par e-mail
DetailClient = Depuis { $address }
ErrJournalAction = Cette action n'existe pas : choisissez-en une dans la liste.
ErrJournalGroup = Ce groupe n'existe pas ou n'est pas l'un des vôtres.
ErrJournalDate = Date invalide : écrivez-la AAAA-MM-JJ.
ErrJournalDateOrder = La date de fin est avant la date de début.
ErrTimeZoneUnknown = Fuseau horaire inconnu : choisissez-en un dans la liste (par exemple Europe/Paris).
ErrResendAwaitingSeat = Cette personne a déjà rempli son formulaire et attend une place : il n'y a rien à renvoyer.
ErrBillingMonth = Mois invalide : écrivez-le AAAA-MM, au plus tard le mois en cours.
JournalTitle = Journal
JournalIntro = Qui a invité, créé, annulé ou modifié qui, et quand.
JournalWhen = Quand
JournalWho = Qui
JournalAction = Action
JournalTarget = Concerne
JournalGroup = Groupe
JournalDetails = Détails
JournalFilterActor = Fait par (e-mail)
JournalFilterPerson = Concerne (e-mail)
JournalFrom = Du
JournalTo = Au
JournalCount = { $count ->
    [one] { $count } entrée
   *[other] { $count } entrées
}
JournalCountMore = Plus de { $count } entrées
JournalZone = Heures du fuseau { $zone }.
JournalEmpty = Aucune entrée ne correspond à ces filtres.
JournalUnknownPerson = Aucun compte ne porte cette adresse ou cet identifiant.
JournalNewest = ← Plus récentes
JournalOlder = Plus anciennes →
JournalSystem = Onboard (automatique)
BillingTitle = Facturation
BillingBillableNow = membres facturés aujourd'hui
BillingZone = Les mois commencent à minuit, fuseau { $zone }.
BillingHistory = Historique par mois
BillingChartCaption = Membres facturés à la fin de chaque mois (le mois en cours : aujourd'hui). Cliquez sur un mois pour sa liste.
BillingMonth = Mois
BillingStarted = Entrés
BillingStopped = Sortis
BillingNetEnd = Fin de mois
BillingListTitle = { $count ->
    [one] { $month } : { $count } membre facturé
   *[other] { $month } : { $count } membres facturés
}
BillingListEmpty = Aucun membre facturé à la fin de ce mois.
BillingListMore = { $count ->
    [one] et { $count } autre : l'export les contient tous.
   *[other] et { $count } autres : l'export les contient tous.
}
BillingName = Nom
BillingSince = Facturé depuis
BillingHow = Comment
BillingThisMonth = Revenir au mois en cours
TimeZone = Fuseau horaire
TimeZoneHelp = Où commencent les mois de la facturation, et l'heure des dates pour qui n'a pas de fuseau dans son navigateur.

## Import wizard
AuditImportCompleted = Import d'un fichier
ErrImportTooLarge = Le fichier dépasse 20 Mo : découpez-le en plusieurs fichiers.
ErrImportTooManyRows = Le fichier a plus de 100 000 lignes : découpez-le en plusieurs fichiers.
ErrImportTooManyColumns = Le fichier a plus de 200 colonnes.
ErrImportEmpty = Le fichier est vide.
ErrImportUnsupported = Format non pris en charge : envoyez un fichier .csv, .txt, .tsv, .xlsx, .xls ou .ods.
ErrImportNotWhatItSays = Le contenu du fichier ne correspond pas à son extension.
ErrImportCorrupt = Ce classeur ne peut pas être lu : ouvrez-le et enregistrez-le à nouveau.
ErrImportZipBomb = Ce classeur se décompresse en un volume anormal : il est refusé.
ErrImportSheetNotFound = Cette feuille n'existe pas dans le classeur.
ErrImportNoFile = Choisissez un fichier.
ErrImportNotDraft = Cet import a déjà été lancé.
ErrImportNoEmailColumn = Aucune colonne n'est l'adresse e-mail : choisissez-la parmi les colonnes.
ImportTargetGroups = Groupes
ImportTargetRoles = Rôles
ImportTargetAdmin = Administrateur plateforme
ImportTargetType = Type de compte
ImportTargetDeletion = Date de suppression
ImportHelpEmail = Obligatoire. Une adresse par ligne.
ImportHelpName = Texte. Obligatoire pour créer un compte.
ImportHelpLanguage = fr, en, nl (ou nl-BE, fr-FR…). Vide : la langue choisie dans l'assistant.
ImportHelpGroups = Noms ou chemins de groupes (Acme › Ventes), séparés par ; . Vide : le groupe de l'import.
ImportHelpRoles = Apprenant, Animateur, Administrateur d'utilisateurs, Administrateur de groupe (en français ou en anglais), séparés par ; .
ImportHelpAdmin = VRAI/FAUX, TRUE/FALSE, oui/non, 1/0. Seul un administrateur plateforme peut l'accorder.
ImportHelpType = member (membre) ou guest (invité).
ImportHelpDate = AAAA-MM-JJ ou JJ/MM/AAAA. La date de suppression automatique du compte.
ImportHelpCustom = Champ personnalisé ({ $kind }).
ImportKindInvite = Invitations
ImportKindCreate = Créations
ImportKindUpdate = Mises à jour
ImportKindAdd = Ajouts aux groupes
ImportKindMerge = Invitations complétées
ImportKindUnchanged = Déjà faits
ImportKindDuplicate = Doublons
ImportKindError = Erreurs
ImportVerdictInvite = Invitation envoyée par e-mail
ImportVerdictCreate = Compte créé, actif tout de suite
ImportVerdictUpdate = Compte mis à jour : { $fields }
ImportVerdictAdd = Déjà un compte actif — ajouté aux groupes
ImportVerdictMerge = Invitation en attente complétée et renvoyée
ImportVerdictAlreadyInvited = Déjà invité : rien à faire
ImportVerdictUpToDate = Déjà à jour : rien à faire
ImportVerdictDuplicate = Doublon de la ligne { $line } : ignoré
ImportRowMissingEmail = Adresse e-mail manquante
ImportRowInvalidEmail = Adresse invalide : { $why }
ImportRowUnknownLanguage = Langue inconnue « { $value } »
ImportRowUnknownRole = Rôle inconnu « { $value } »
ImportRowBadBool = « { $value } » n'est ni oui ni non
ImportRowUnknownType = Type de compte inconnu « { $value } »
ImportRowBadDate = Date illisible « { $value } »
ImportRowUnknownGroup = Groupe inconnu « { $value } »
ImportRowAmbiguousGroup = Plusieurs groupes s'appellent « { $value } » : donnez son chemin (Acme › Ventes)
ImportRowNoGroup = Aucun groupe
ImportRowRoleNotAllowed = Rôle non autorisé ici : { $role }
ImportRowAdminRefused = « admin » refusé : seul un administrateur plateforme peut l'accorder
ImportRowGuestHeldRoles = Ne peut passer en invité : ce compte a des rôles qu'un invité ne peut avoir ({ $roles }) ; retirez-les d'abord depuis sa fiche
ImportRowNamesMissing = Prénom et nom requis pour créer un compte
ImportRowNameInvalid = Nom invalide
ImportRowField = { $field } : { $why }
ImportRowOwnAccount = C'est votre propre compte : personne ne change ses propres droits
ImportRowAddressInUse = Un compte utilise déjà cette adresse
ImportRowNoSeat = Plus aucune place libre : la limite de places est atteinte
ImportColLine = Ligne
ImportColOutcome = Résultat
ImportColWhy = Détail
ImportColColumn = Colonne
ImportColMeaning = Signification
ImportColValues = Valeurs acceptées
ImportExampleFalse = FAUX
PanelImport = Importer
PanelImports = Imports
ImportTitle = Importer des utilisateurs
ImportTemplateTitle = 1. Le modèle
ImportTemplateHelp = Une ligne par personne ; seule la colonne email est obligatoire. La seconde feuille du classeur explique chaque colonne.
ImportTemplateXlsx = Télécharger modele-import.xlsx
ImportTemplateCsv = Télécharger modele-import.csv
ImportFileTitle = 2. Le fichier
ImportDrop = Déposez le fichier ici, ou choisissez-le
ImportLimits = CSV, TXT, TSV, XLSX, XLS ou ODS ; 20 Mo et 100 000 lignes au plus. UTF-8, UTF-16 et Windows-1252 sont reconnus, avec , ; ou tabulation.
ImportSend = ENVOYER LE FICHIER
ImportHistoryTitle = Imports précédents
ImportHistoryEmpty = Aucun import pour l'instant.
ImportStepFile = Fichier
ImportStepColumns = Colonnes
ImportStepPreview = Aperçu
ImportStepOptions = Options et lancement
ImportStepReport = Rapport
ImportSteps = Étapes de l'import
ImportReadAs = Lu comme
ImportFormat = Format
ImportEncoding = Encodage
ImportSeparator = Séparateur
ImportSheet = Feuille
ImportDetect = Détection automatique
ImportSepComma = Virgule ( , )
ImportSepSemicolon = Point-virgule ( ; )
ImportSepTab = Tabulation
ImportApply = APPLIQUER
ImportRowsCount = { $count ->
    [one] { $count } ligne
   *[other] { $count } lignes
}
ImportColumnHeader = Colonne du fichier
ImportColumnSample = Exemple
ImportColumnTarget = Correspond à
ImportIgnore = — Ignorer —
ImportSaveColumns = ENREGISTRER LES COLONNES
ImportFilterAll = Toutes
ImportFilterLabel = Afficher
ImportVerdictHeader = Ce qui sera fait
ImportOutcomeHeader = Ce qui a été fait
ImportCorrect = Corriger
ImportRecheck = VÉRIFIER
ImportCancelEdit = Annuler
ImportPreviewHelp = Rien n'est encore enregistré. Corrigez une ligne en erreur ici, ou téléchargez-les pour les corriger dans votre tableur.
ImportSeats = Places : { $used } / { $limit } utilisées ; cet import en utiliserait jusqu'à { $needed }.
ImportSeatsUnlimited = Places : { $used } utilisées, sans limite ; cet import en utiliserait jusqu'à { $needed }.
ImportMode = Mode
ImportModeInvite = Inviter : un e-mail avec un lien, le compte s'ouvre quand la personne remplit le formulaire
ImportModeCreate = Créer les comptes : actifs et facturés tout de suite
ImportModeCreateOrUpdate = Créer ou mettre à jour : les comptes existants (même adresse) reçoivent les valeurs du fichier
ImportDefaultsHelp = Ces valeurs s'appliquent à chaque ligne ; une valeur présente dans le fichier l'emporte pour sa ligne.
ImportSendCredentials = Envoyer à chaque nouveau compte un lien pour choisir son mot de passe
ImportRun = IMPORTER
ImportRunSkips = { $count ->
    [one] La ligne en erreur sera ignorée.
   *[other] Les { $count } lignes en erreur seront ignorées.
}
ImportRunning = { $done } / { $total } lignes traitées
ImportRunningHelp = Vous pouvez fermer cette page : l'import continue, et les autres administrateurs du groupe peuvent le suivre.
ImportFailedText = L'import n'a pas abouti : rien n'en a été enregistré. Vous pouvez le relancer.
ImportDoneText = Import terminé. Les e-mails partent dans la langue de chacun.
ImportReportCsv = Rapport (CSV)
ImportReportXlsx = Rapport (XLSX)
ImportErrorsFile = Lignes en erreur, à corriger (CSV)
ImportErrorsFileXlsx = Lignes en erreur, à corriger (XLSX)
ImportColWhen = Quand
ImportColWho = Par
ImportColFile = Fichier
ImportStatusDraft = En préparation
ImportStatusRunning = En cours
ImportStatusDone = Terminé
ImportStatusFailed = Échoué
ImportNext = Étape suivante →
ImportPagePrev = ← Précédentes
ImportPageNext = Suivantes →
ImportPageOf = Page { $page } sur { $pages }
