//! UI and mail translations: French first, English second.
//!
//! Every message is one enum variant carrying both texts, so a missing
//! translation is a compile error rather than a blank in production, and the
//! same table serves the server (mails, error pages) and the browser.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The language's own name, as shown in a language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }

    /// Accepts `fr`, `fr-FR`, `en_GB`, `EN`…; regional variants fall back to
    /// their base language.
    pub fn parse(tag: &str) -> Option<Lang> {
        let base = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match base.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first supported language of an `Accept-Language` header, in the
    /// order the browser gives (quality values are already sorted by every
    /// mainstream browser).
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        header
            .split(',')
            .filter_map(|part| part.split(';').next())
            .find_map(Lang::parse)
    }

    pub fn t(self, msg: Msg) -> &'static str {
        msg.text(self)
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A calendar date (UTC) from milliseconds since the epoch, as the reader
/// writes it: `22/11/2026` in French, `Nov 22, 2026` in English. The UI
/// and the mails both use it.
pub fn date(ms: i64, lang: Lang) -> String {
    let Ok(dt) = time::OffsetDateTime::from_unix_timestamp(ms.div_euclid(1000)) else {
        return String::new();
    };
    let month = u8::from(dt.month());
    match lang {
        Lang::Fr => format!("{:02}/{:02}/{}", dt.day(), month, dt.year()),
        Lang::En => format!(
            "{} {}, {}",
            MONTHS_EN[usize::from(month - 1)],
            dt.day(),
            dt.year()
        ),
    }
}

macro_rules! messages {
    ($($key:ident => $fr:expr, $en:expr;)*) => {
        /// A translatable message. `Lang::t` gives its text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum Msg { $($key,)* }

        impl Msg {
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::Fr) => $fr, (Msg::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

messages! {
    AppName => "Onboard", "Onboard";
    SkipToContent => "Aller au contenu", "Skip to content";
    Language => "Langue", "Language";
    // Sign-in
    LoginTitle => "Connexion", "Sign in";
    LoginIntro => "Connectez-vous avec votre adresse e-mail ou votre identifiant.", "Sign in with your e-mail address or your login name.";
    EmailOrLogin => "E-mail ou identifiant", "E-mail or login name";
    Password => "Mot de passe", "Password";
    PasswordConfirm => "Confirmer le mot de passe", "Confirm the password";
    SignIn => "SE CONNECTER", "SIGN IN";
    SigningIn => "Connexion…", "Signing in…";
    SignOut => "Se déconnecter", "Sign out";
    InvalidCredentials => "Identifiant ou mot de passe incorrect.", "Wrong login or password.";
    TooManyAttempts => "Trop de tentatives. Réessayez dans quelques minutes.", "Too many attempts. Try again in a few minutes.";
    // First admin
    SetupTitle => "Créer le premier administrateur", "Create the first administrator";
    SetupIntro => "Ce compte sera administrateur de la plateforme. Ce lien ne sert qu'une fois.", "This account will be a platform administrator. This link works once.";
    SetupDone => "La plateforme a déjà un administrateur. Connectez-vous.", "The platform already has an administrator. Please sign in.";
    SetupInvalidLink => "Ce lien d'installation n'est pas valable. Utilisez celui affiché au démarrage du serveur.", "This setup link is not valid. Use the one printed when the server started.";
    FirstName => "Prénom", "First name";
    LastName => "Nom", "Last name";
    Email => "Email", "E-mail";
    CreateAdmin => "CRÉER L'ADMINISTRATEUR", "CREATE THE ADMINISTRATOR";
    // Frame
    Groups => "Groupes", "Groups";
    NoGroupsYet => "Aucun groupe pour l'instant.", "No groups yet.";
    NoGroupsAdminHint => "Créez le premier groupe avec + → Groupe.", "Create the first group with + → Group.";
    NoGroupsMemberHint => "Vous n'appartenez encore à aucun groupe.", "You do not belong to any group yet.";
    AddMenu => "Ajouter", "Add";
    MenuUser => "Utilisateur", "User";
    MenuGroup => "Groupe", "Group";
    ToggleSidebar => "Afficher les groupes", "Show groups";
    Welcome => "Bienvenue", "Welcome";
    HomeIntro => "Choisissez un groupe dans la barre de gauche pour voir ses utilisateurs.", "Pick a group in the left bar to see its users.";
    PlatformAdmin => "Administrateur plateforme", "Platform admin";
    // Group page
    Public => "public", "public";
    Private => "privé", "private";
    PublicLong => "Public : les apprenants ajoutés ici deviennent aussi apprenants des groupes parents, jusqu'au premier groupe privé inclus.", "Public: learners added here also become learners of the parent groups, up to the first private group included.";
    PrivateLong => "Privé : ajouter quelqu'un ici ne l'ajoute à aucun autre groupe.", "Private: adding someone here adds them to no other group.";
    TabUsers => "UTILISATEURS", "USERS";
    TabSessions => "Sessions", "Sessions";
    TabSettings => "Paramètres", "Settings";
    ColName => "Nom", "Name";
    ColEmail => "E-mail", "E-mail";
    ColRoles => "Rôles", "Roles";
    ColType => "Type", "Type";
    ColStatus => "Statut", "Status";
    ColActivated => "Activé le", "Activated";
    StatusActive => "Actif", "Active";
    StatusPending => "Invitation en attente", "Invitation pending";
    StatusNoPassword => "Mot de passe à choisir", "Password not set";
    NoMembers => "Ce groupe n'a pas encore d'utilisateurs.", "This group has no users yet.";
    NoMembersHint => "Ajoutez-en avec + → Utilisateur.", "Add some with + → User.";
    MembersCount => "utilisateurs", "users";
    NoSessions => "Aucune session de parcours dans ce groupe.", "No course sessions in this group.";
    GroupNotFound => "Ce groupe n'existe pas ou vous n'y avez pas accès.", "This group does not exist or you cannot see it.";
    // Roles and account types
    RolePlatformAdmin => "Administrateur plateforme", "Platform admin";
    RoleGroupAdmin => "Administrateur", "Group admin";
    RoleUserAdmin => "Administrateur d'utilisateurs", "User admin";
    RoleTrainer => "Animateur", "Trainer";
    RoleLearner => "Apprenant", "Learner";
    TypeMember => "Membre", "Member";
    TypeGuest => "Invité", "Guest";
    // Group management
    NewGroup => "Nouveau groupe", "New group";
    GroupName => "Nom du groupe", "Group name";
    ParentGroup => "Groupe parent", "Parent group";
    NoParent => "— Aucun (groupe racine) —", "— None (top-level group) —";
    Visibility => "Visibilité", "Visibility";
    CreateGroup => "CRÉER LE GROUPE", "CREATE GROUP";
    Rename => "RENOMMER", "RENAME";
    Move => "DÉPLACER", "MOVE";
    Save => "ENREGISTRER", "SAVE";
    DeleteGroup => "SUPPRIMER LE GROUPE", "DELETE GROUP";
    DeleteGroupConfirm => "Supprimer définitivement ce groupe ? Ses rôles et sessions seront supprimés.", "Delete this group for good? Its roles and sessions are deleted too.";
    DangerZone => "Zone dangereuse", "Danger zone";
    GroupCreated => "Groupe créé.", "Group created.";
    GroupSaved => "Modifications enregistrées.", "Changes saved.";
    Cancel => "Annuler", "Cancel";
    Close => "Fermer", "Close";
    Working => "En cours…", "Working…";
    // Errors (public messages; causes are logged, never shown)
    ErrInternal => "Une erreur est survenue de notre côté. Réessayez ; si cela persiste, prévenez l'administrateur.", "Something went wrong on our side. Try again; if it persists, tell your administrator.";
    ErrUnauthenticated => "Votre session a expiré. Reconnectez-vous.", "Your session has expired. Please sign in again.";
    ErrForbidden => "Vous n'avez pas le droit de faire cela.", "You are not allowed to do that.";
    ErrNotFound => "Introuvable.", "Not found.";
    ErrNetwork => "Le serveur ne répond pas. Vérifiez votre connexion.", "The server does not answer. Check your connection.";
    ErrBadRequest => "Requête invalide.", "Invalid request.";
    ErrCrossSite => "Requête refusée : elle ne vient pas de ce site.", "Request refused: it did not come from this site.";
    ErrUnsupportedMediaType => "Requête refusée : format de données non accepté.", "Request refused: this data format is not accepted.";
    ErrTooLarge => "Requête trop volumineuse.", "Request too large.";
    ErrNameRequired => "Le nom est obligatoire.", "The name is required.";
    ErrNameTooLong => "Le nom est trop long (120 caractères au plus).", "The name is too long (120 characters at most).";
    ErrGroupNameTaken => "Un groupe de ce nom existe déjà à cet endroit.", "A group with this name already exists there.";
    ErrGroupHasChildren => "Ce groupe a des sous-groupes : déplacez-les ou supprimez-les d'abord.", "This group has sub-groups: move or delete them first.";
    ErrMoveIntoItself => "Un groupe ne peut pas être son propre parent.", "A group cannot be its own parent.";
    ErrMoveIntoDescendant => "Un groupe ne peut pas être déplacé dans un de ses sous-groupes.", "A group cannot be moved into one of its sub-groups.";
    ErrUnknownParent => "Le groupe parent n'existe pas.", "The parent group does not exist.";
    ErrEmailInvalid => "Adresse e-mail invalide.", "Invalid e-mail address.";
    ErrEmailTaken => "Un compte utilise déjà cette adresse.", "An account already uses this address.";
    ErrPasswordTooShort => "Le mot de passe doit faire au moins 8 caractères.", "The password must be at least 8 characters long.";
    ErrPasswordTooLong => "Le mot de passe doit faire au plus 128 caractères.", "The password must be at most 128 characters long.";
    ErrPasswordCommon => "Ce mot de passe est trop courant : choisissez-en un autre.", "This password is too common: choose another one.";
    ErrPasswordMismatch => "Les deux mots de passe ne sont pas identiques.", "The two passwords differ.";
    ErrFirstNameRequired => "Le prénom est obligatoire.", "The first name is required.";
    ErrLastNameRequired => "Le nom est obligatoire.", "The last name is required.";
    ErrCrossOrigin => "Requête refusée : origine inconnue.", "Request refused: unknown origin.";
    // The user panel (+ → Utilisateur)
    PanelTitle => "Ajouter des utilisateurs", "Add users";
    PanelInvite => "Inviter", "Invite";
    Emails => "Emails", "E-mails";
    EmailsHelp => "Plusieurs adresses séparées par une virgule, un point-virgule, un espace ou un retour à la ligne. « Marie Curie <marie@exemple.fr> » est accepté.", "Several addresses separated by commas, semicolons, spaces or new lines. “Marie Curie <marie@example.org>” is accepted.";
    Roles => "Rôles", "Roles";
    Options => "Options", "Options";
    InviteeLanguage => "Langue de l'invité", "Invitee's language";
    DeletionDate => "Suppression automatique le", "Automatic deletion on";
    DeletionDateHelp => "Le compte (ou l'invitation) sera supprimé à cette date. Laissez vide pour jamais.", "The account (or the invitation) is deleted on that date. Leave empty for never.";
    PersonalMessage => "Message personnel", "Personal message";
    AccountTypeLabel => "Type de compte", "Account type";
    MemberHelp => "Membre : compte complet, facturé dès qu'il est actif.", "Member: full account, billed once active.";
    GuestHelp => "Invité : consultation seule, jamais facturé.", "Guest: view only, never billed.";
    PlatformAdminOnAccept => "Administrateur plateforme à l'acceptation", "Platform admin on acceptance";
    InviteButton => "INVITER", "INVITE";
    Inviting => "Envoi…", "Sending…";
    ResultsTitle => "Résultat", "Result";
    OutcomeInvited => "Invitation envoyée", "Invitation sent";
    OutcomeMerged => "Invitation déjà en attente : groupes et rôles ajoutés, validité renouvelée, renvoyée", "Invitation already pending: groups and roles added, validity renewed, sent again";
    OutcomeExisting => "L'utilisateur possède déjà un compte actif", "The user already has an active account";
    OutcomeExistingAdded => "ajouté à", "added to";
    OutcomeAs => "comme", "as";
    OutcomeDuplicate => "En double dans la liste : ignorée", "Twice in the list: skipped";
    OutcomeInvalid => "Adresse invalide", "Invalid address";
    OutcomeSummary => "adresse(s) traitée(s)", "address(es) processed";
    NoAddresses => "Saisissez au moins une adresse.", "Type at least one address.";
    ChooseGroupFirst => "Choisissez d'abord un groupe dans la barre de gauche.", "Pick a group in the left bar first.";
    ErrNoRole => "Cochez au moins un rôle.", "Check at least one role.";
    ErrOwnRoles => "Vous ne pouvez pas modifier vos propres rôles : demandez à un autre administrateur.", "You cannot change your own roles: ask another administrator.";
    // Who may act on what (the security model)
    ErrTooManyAddresses => "Trop d'adresses en une fois : 1 000 au plus par envoi. Pour davantage, utilisez l'import.", "Too many addresses at once: 1,000 at most per send. For more, use the import.";
    ErrInvitationBeyondYou => "Cette invitation donne aussi des droits que vous ne pouvez pas donner : seul un administrateur qui peut tous les donner peut la renvoyer, copier son lien ou l'annuler. Vous pouvez en retirer vos propres groupes et rôles.", "This invitation also carries rights you cannot grant: only an administrator who may grant all of them can re-send it, copy its link or cancel it. You may withdraw your own groups and roles from it.";
    GrantsWithdrawn => "Vos groupes et rôles ont été retirés de l'invitation ; elle reste en attente pour les autres.", "Your groups and roles were withdrawn from the invitation; it stays pending for the others.";
    BulkPartial => "avec des droits que vous ne pouvez pas donner : seuls vos groupes et rôles retirés (annulation), rien renvoyé (renvoi)", "with rights you cannot grant: only your groups and roles withdrawn (cancel), nothing re-sent (re-send)";
    WithdrawMyGrants => "Retirer mes groupes et rôles", "Withdraw my groups and roles";
    InvitationPartlyYours => "+ des droits que vous ne pouvez pas donner", "+ rights you cannot grant";
    WelcomeTitle => "Votre compte est activé", "Your account is active";
    WelcomeDroppedIntro => "Une partie des accès promis par l'invitation n'est plus valable, car la personne qui les avait donnés ne peut plus les donner. Demandez-les à un administrateur :", "Part of the access the invitation promised no longer holds, because whoever granted it may no longer grant it. Ask an administrator for it:";
    Continue => "Continuer", "Continue";
    ExistingAccountElsewhere => "Un compte utilise déjà cette adresse : rien n'a été créé.", "An account already uses this address: nothing was created.";
    PendingInvitationElsewhere => "Une invitation est en attente pour cette adresse, avec des droits que vous ne pouvez pas donner : rien n'a été créé. Vous pouvez y ajouter vos groupes et rôles.", "An invitation is pending for this address, with rights you cannot grant: nothing was created. You may add your groups and roles to it.";
    AddToInvitation => "Ajouter mes groupes et rôles à l'invitation", "Add my groups and roles to the invitation";
    AddedToInvitation => "Vos groupes et rôles ont été ajoutés à l'invitation en attente.", "Your groups and roles were added to the pending invitation.";
    AccountPartlyYours => "Cette personne a aussi des rôles hors de votre périmètre : vous gérez ses rôles dans vos groupes, pas son compte.", "This person also holds roles outside your scope: you manage their roles in your groups, not their account.";
    ErrNotAMember => "Cette personne n'est pas membre de ce groupe.", "This person is not a member of this group.";
    ErrFieldKey => "Clé invalide : une lettre minuscule puis lettres, chiffres ou _ (40 au plus).", "Invalid key: a lower-case letter, then letters, digits or _ (40 at most).";
    ErrFieldKeyTaken => "Un champ utilise déjà cette clé.", "A field already uses this key.";
    ErrFieldLabel => "Donnez un libellé en français et en anglais (80 caractères au plus).", "Give a label in French and in English (80 characters at most).";
    ErrFieldType => "Choisissez un type de champ.", "Choose a field type.";
    ErrFieldChoices => "Une liste de choix doit proposer au moins un choix.", "A choice list needs at least one choice.";
    ErrFieldRequired => "ce champ est obligatoire.", "this field is required.";
    ErrFieldTooLong => "500 caractères au plus.", "500 characters at most.";
    ErrFieldNumber => "un nombre est attendu (par exemple 12 ou 3,5).", "a number is expected (for example 12 or 3.5).";
    ErrFieldDate => "une date est attendue (JJ/MM/AAAA).", "a date is expected (YYYY-MM-DD).";
    ErrFieldChoice => "choisissez une valeur de la liste.", "choose a value from the list.";
    ErrLoginNameInvalid => "Identifiant invalide : 3 à 64 caractères parmi a-z, 0-9, point, tiret et _.", "Invalid login name: 3 to 64 of a-z, 0-9, dot, hyphen and _.";
    ErrLoginNameTaken => "Cet identifiant est déjà pris.", "This login name is already taken.";
    ErrNoEmailNoMail => "Sans adresse e-mail, aucun e-mail ne peut être envoyé : saisissez un mot de passe ou laissez-le vide pour en générer un.", "Without an e-mail address no mail can be sent: type a password, or leave it empty to generate one.";
    ErrPasswordOrMail => "Choisissez l'un ou l'autre : un mot de passe saisi, ou l'envoi des identifiants par e-mail.", "Choose one: a typed password, or sending the credentials by e-mail.";
    ErrPasswordOrMailMissing => "Saisissez un mot de passe ou cochez « Envoyer ces nouveaux identifiants par email ».", "Type a password or tick “Send these new credentials by e-mail”.";
    ErrPasswordAlreadyChosen => "Cette personne a déjà choisi son mot de passe.", "This person has already chosen their password.";
    ErrNoGroup => "Choisissez au moins un groupe.", "Choose at least one group.";
    ErrExtraInfoTooLong => "Les informations complémentaires sont trop longues (2 000 caractères au plus).", "The extra information is too long (2,000 characters at most).";
    PasswordLinkInvalid => "Ce lien n'est pas valide. Demandez à votre administrateur de vous en envoyer un nouveau.", "This link is not valid. Ask your administrator to send you a new one.";
    PasswordLinkUsed => "Ce lien a déjà servi : votre mot de passe est choisi. Connectez-vous.", "This link was already used: your password is set. Please sign in.";
    PasswordLinkExpired => "Ce lien a expiré. Demandez à votre administrateur de vous en envoyer un nouveau.", "This link has expired. Ask your administrator to send you a new one.";
    PanelCreate => "Créer un compte", "Create an account";
    NoEmail => "Pas d'adresse e-mail", "No e-mail address";
    LoginName => "Identifiant", "Login name";
    LoginNameHelp => "Pour une personne sans adresse e-mail : elle se connectera avec cet identifiant (3 à 64 caractères : a-z, 0-9, point, tiret, _).", "For a person without an e-mail address: they will sign in with this login name (3 to 64 of a-z, 0-9, dot, hyphen, _).";
    SendCredentials => "Envoyer ces nouveaux identifiants par email", "Send these new credentials by e-mail";
    SendCredentialsHelp => "La personne reçoit son identifiant et un lien à usage unique, valable 7 jours, pour choisir elle-même son mot de passe. Aucun mot de passe n'est envoyé par e-mail.", "The person receives their login and a one-time link, valid 7 days, to choose their own password. No password is ever sent by e-mail.";
    PasswordChoiceHelp => "Saisissez un mot de passe, ou cochez l'envoi des identifiants par e-mail. Sans adresse e-mail, laissez-le vide pour en générer un, affiché une seule fois.", "Type a password, or tick sending the credentials by e-mail. Without an e-mail address, leave it empty to generate one, shown once.";
    AddGroups => "Ajouter des groupes", "Add groups";
    SearchGroup => "Rechercher un groupe", "Search for a group";
    Validate => "VALIDER", "DONE";
    RemoveChip => "Retirer", "Remove";
    NoGroupChosen => "Aucun groupe choisi.", "No group chosen.";
    RolesApplyAll => "Les rôles cochés s'appliquent à chaque groupe choisi, là où vous pouvez les donner.", "The ticked roles apply to every chosen group, where you may grant them.";
    ExtraInfo => "Informations complémentaires", "Extra information";
    CreateButton => "CRÉER COMPTE", "CREATE ACCOUNT";
    Creating => "Création…", "Creating…";
    AccountCreated => "Compte créé :", "Account created:";
    OpenAccount => "Voir la fiche", "Open their page";
    SignsInWith => "Identifiant de connexion :", "Signs in with:";
    CredentialsMailed => "Un e-mail lui a été envoyé avec son identifiant et un lien, valable 7 jours, pour choisir son mot de passe.", "An e-mail with their login and a link, valid 7 days, to choose their password has been sent.";
    GeneratedPasswordOnce => "Mot de passe généré : notez-le ou transmettez-le maintenant, il ne sera plus jamais affiché.", "Generated password: write it down or hand it over now, it will never be shown again.";
    ExistingAccountLong => "L'utilisateur possède déjà un compte actif.", "This user already has an active account.";
    ExistingAccountHint => "Ouvrez sa fiche pour l'ajouter à des groupes :", "Open their page to add them to groups:";
    PendingInvitationLong => "Une invitation est en attente pour cette adresse : rien n'a été créé.", "An invitation is pending for this address: nothing was created.";
    CreateAnyway => "Créer le compte quand même (l'invitation sera consommée)", "Create the account anyway (the invitation is then used up)";
    CustomFields => "Champs personnalisés", "Custom fields";
    CustomFieldsIntro => "Ces champs apparaissent sur les panneaux Inviter et Créer un compte et sur la fiche de chaque utilisateur.", "These fields appear on the Invite and Create an account panels and on every user's page.";
    FieldKey => "Clé", "Key";
    FieldKeyHelp => "Nom stable dans les fichiers d'import et l'API, par exemple matricule.", "Stable name in import files and the API, for example employee_id.";
    FieldLabelFr => "Libellé (français)", "Label (French)";
    FieldLabelEn => "Libellé (anglais)", "Label (English)";
    FieldTypeLabel => "Type", "Type";
    FieldTypeText => "Texte", "Text";
    FieldTypeNumber => "Nombre", "Number";
    FieldTypeDate => "Date", "Date";
    FieldTypeChoice => "Liste de choix", "Choice list";
    FieldChoices => "Choix (un par ligne)", "Choices (one per line)";
    FieldRequired => "Obligatoire", "Required";
    AddField => "AJOUTER LE CHAMP", "ADD THE FIELD";
    FieldAdded => "Champ ajouté.", "Field added.";
    FieldDeleted => "Champ supprimé.", "Field deleted.";
    DeleteField => "Supprimer", "Delete";
    DeleteFieldOf => "Supprimer le champ", "Delete the field";
    NoFields => "Aucun champ personnalisé pour l'instant.", "No custom field yet.";
    NoFieldsHint => "Ajoutez-en un ci-dessous.", "Add one below.";
    ChooseOne => "— Choisir —", "— Choose —";
    Yes => "Oui", "Yes";
    No => "Non", "No";
    ActivatedOn => "Activé le", "Activated on";
    CreatedOn => "Créé le", "Created on";
    NoDeletion => "Aucune", "None";
    GroupsAndRoles => "Groupes et rôles", "Groups and roles";
    NoGroups => "Membre d'aucun groupe.", "Member of no group.";
    PasswordNotSet => "Mot de passe pas encore choisi : le lien envoyé par e-mail attend d'être utilisé.", "Password not chosen yet: the link sent by e-mail is waiting to be used.";
    ResendPasswordLink => "Renvoyer le lien de mot de passe", "Send the password link again";
    PasswordLinkResent => "Lien envoyé. Les liens précédents ne fonctionnent plus.", "Link sent. The previous links no longer work.";
    EditProfile => "Modifier la fiche", "Edit the profile";
    ProfileSaved => "Fiche enregistrée.", "Profile saved.";
    SetPasswordTitle => "Choisissez votre mot de passe", "Choose your password";
    SetPasswordIntro => "Votre compte est prêt. Choisissez un mot de passe pour vous connecter.", "Your account is ready. Choose a password to sign in.";
    SetPasswordButton => "ENREGISTRER ET SE CONNECTER", "SAVE AND SIGN IN";
    PasswordLinkClosedTitle => "Ce lien ne peut pas servir", "This link cannot be used";
    ErrRoleNotAllowed => "Vous ne pouvez pas donner ce rôle dans ce groupe.", "You cannot grant this role in this group.";
    ErrDeletionInPast => "La date de suppression doit être dans le futur.", "The deletion date must be in the future.";
    ErrMessageTooLong => "Le message est trop long (2 000 caractères au plus).", "The message is too long (2,000 characters at most).";
    ErrAddressInvited => "Une invitation est en attente pour cette adresse : la personne doit utiliser le lien reçu par e-mail.", "An invitation is pending for this address: the person must use the link they received by e-mail.";
    ErrInvalidDate => "Date invalide.", "Invalid date.";
    // Reasons an address is refused
    EmailEmpty => "adresse vide", "empty address";
    EmailWhitespace => "espace dans l'adresse", "space in the address";
    EmailMissingAt => "il manque le @", "the @ is missing";
    EmailMultipleAt => "plusieurs @", "more than one @";
    EmailEmptyLocal => "rien avant le @", "nothing before the @";
    EmailLocalTooLong => "partie avant le @ trop longue", "part before the @ too long";
    EmailInvalidChar => "caractère interdit", "forbidden character";
    EmailDotPlacement => "point mal placé", "misplaced dot";
    EmailEmptyDomain => "rien après le @", "nothing after the @";
    EmailDomainNoDot => "domaine incomplet (pas de point)", "incomplete domain (no dot)";
    EmailInvalidDomain => "domaine invalide", "invalid domain";
    EmailTooLong => "adresse trop longue", "address too long";
    // The invitee
    AcceptTitle => "Bienvenue sur Onboard", "Welcome to Onboard";
    AcceptIntro => "Complétez votre profil pour activer votre compte.", "Complete your profile to activate your account.";
    InvitedBy => "Invitation de", "Invited by";
    InvitedTo => "Groupes", "Groups";
    ValidUntil => "Valable jusqu'au", "Valid until";
    ActivateAccount => "ACTIVER MON COMPTE", "ACTIVATE MY ACCOUNT";
    PasswordHelp => "8 caractères au moins. Une phrase facile à retenir fait un bon mot de passe.", "At least 8 characters. A sentence you remember makes a good password.";
    InvitationInvalid => "Ce lien d'invitation n'est pas valable. Vérifiez qu'il est complet, ou demandez à la personne qui vous a invité de vous le renvoyer.", "This invitation link is not valid. Check that it is complete, or ask the person who invited you to send it again.";
    InvitationExpired => "Cette invitation a expiré. Demandez à la personne qui vous a invité de vous la renvoyer.", "This invitation has expired. Ask the person who invited you to send it again.";
    InvitationUsed => "Cette invitation a déjà été utilisée : votre compte existe. Connectez-vous.", "This invitation has already been used: your account exists. Please sign in.";
    InvitationCancelled => "Cette invitation a été annulée. Contactez la personne qui vous a invité.", "This invitation was cancelled. Contact the person who invited you.";
    InvitationReplaced => "Ce lien a été remplacé par un plus récent : utilisez le dernier e-mail d'invitation reçu.", "This link was replaced by a newer one: use the latest invitation e-mail you received.";
    InvitationClosedTitle => "Invitation indisponible", "Invitation unavailable";
    ErrResendTooSoon => "Cette invitation vient d'être envoyée : attendez une minute avant de la renvoyer.", "This invitation was just sent: wait a minute before sending it again.";
    // Invitations tab
    PanelInvitations => "Invitations", "Invitations";
    InvitationsTitle => "Invitations", "Invitations";
    Search => "Rechercher une adresse", "Search an address";
    FilterStatus => "Statut", "Status";
    FilterDelivery => "Envoi du mail", "Mail delivery";
    FilterGroup => "Groupe", "Group";
    FilterInviter => "Invité par", "Invited by";
    FilterSort => "Tri", "Sort";
    SortNewest => "Plus récentes d'abord", "Newest first";
    SortOldest => "Plus anciennes d'abord", "Oldest first";
    Any => "Tous", "Any";
    Filter => "FILTRER", "FILTER";
    StatusPendingShort => "En attente", "Pending";
    StatusExpired => "Expirée", "Expired";
    DeliveryQueued => "En file", "Queued";
    DeliverySent => "Envoyé", "Sent";
    DeliveryFailed => "Échec", "Failed";
    ColGroupsRoles => "Groupes et rôles", "Groups and roles";
    ColInvitedBy => "Invité par", "Invited by";
    ColFirstSent => "Envoyée le", "First sent";
    ColLastSent => "Dernier envoi", "Last sent";
    ColReminder => "Relance", "Reminder";
    ColExpiry => "Expiration", "Expiry";
    ColDeletion => "Suppression", "Deletion";
    ColDelivery => "Envoi", "Delivery";
    ColActions => "Actions", "Actions";
    EditMember => "Modifier", "Edit";
    EditMemberOf => "Modifier les rôles de", "Edit the roles of";
    RemoveFromGroup => "Retirer du groupe", "Remove from the group";
    RemoveFromGroupHelp => "Aucun rôle coché retire aussi la personne du groupe. Ses rôles dans les autres groupes ne changent pas.", "No role ticked also removes the person from the group. Their roles in other groups do not change.";
    MemberRolesSaved => "Rôles enregistrés.", "Roles saved.";
    MemberRemoved => "Retiré du groupe.", "Removed from the group.";
    SelectRow => "Sélectionner", "Select";
    SelectPage => "Sélectionner la page", "Select the page";
    Resend => "Renvoyer l'invitation", "Re-send the invitation";
    CancelInvitation => "Annuler l'invitation", "Cancel the invitation";
    CopyLink => "Copier le lien", "Copy the link";
    Copy => "COPIER", "COPY";
    Copied => "Copié.", "Copied.";
    LinkIssued => "Nouveau lien créé. Le lien envoyé précédemment ne fonctionne plus.", "New link issued. The previously mailed link no longer works.";
    Resent => "Invitation renvoyée.", "Invitation sent again.";
    CancelledDone => "Invitation annulée.", "Invitation cancelled.";
    Selected => "sélectionnée(s)", "selected";
    ResendSelection => "Renvoyer la sélection", "Re-send the selection";
    CancelSelection => "Annuler la sélection", "Cancel the selection";
    ResendMatching => "Renvoyer tout ce qui correspond", "Re-send everything matching";
    CancelMatching => "Annuler tout ce qui correspond", "Cancel everything matching";
    ConfirmResend => "Renvoyer ces invitations ?", "Re-send these invitations?";
    ConfirmCancel => "Annuler ces invitations ? Leurs liens ne fonctionneront plus.", "Cancel these invitations? Their links will stop working.";
    InvitationsCount => "invitation(s)", "invitation(s)";
    Confirm => "CONFIRMER", "CONFIRM";
    BulkDone => "traitée(s)", "done";
    BulkRateLimited => "ignorée(s) : envoyée(s) il y a moins d'une minute", "skipped: sent less than a minute ago";
    BulkSkipped => "ignorée(s) : déjà acceptée(s) ou annulée(s)", "skipped: already accepted or cancelled";
    NoInvitations => "Aucune invitation ne correspond.", "No invitation matches.";
    NoInvitationsHint => "Invitez des personnes depuis « Inviter ».", "Invite people from “Invite”.";
    Previous => "Précédent", "Previous";
    Next => "Suivant", "Next";
    Of => "sur", "of";
    PendingRowHint => "Voir l'onglet Invitations", "See the Invitations tab";
    // Development mailbox
    MenuMailbox => "Boîte de développement", "Development mailbox";
    NotFoundTitle => "Page introuvable", "Page not found";
    BackHome => "Retour à l'accueil", "Back to the home page";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regional_tags_fall_back_to_their_base_language() {
        assert_eq!(Lang::parse("fr-BE"), Some(Lang::Fr));
        assert_eq!(Lang::parse("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::parse("nl-BE"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn accept_language_picks_the_first_supported_language() {
        assert_eq!(
            Lang::from_accept_language("nl-BE,nl;q=0.9,en-US;q=0.8,fr;q=0.5"),
            Some(Lang::En)
        );
        assert_eq!(Lang::from_accept_language("de, it"), None);
    }

    #[test]
    fn french_and_english_texts_differ_where_words_differ() {
        assert_eq!(Lang::Fr.t(Msg::TabUsers), "UTILISATEURS");
        assert_eq!(Lang::En.t(Msg::TabUsers), "USERS");
    }
}
