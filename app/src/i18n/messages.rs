//! The message catalogue: typed keys in Rust, texts in `locales/*.ftl`.
//!
//! Each `Msg` variant names one Fluent message of the same id. The texts —
//! with their plural rules and named arguments — live in one file per
//! language, which a translator edits without touching Rust. `app/build.rs`
//! compiles the files into static tables (`write_pattern`), so the server, the
//! mails and the browser read the same catalogue with no Fluent runtime.
//! The tests below keep the guarantees: every key exists in every
//! language, every language uses exactly the arguments the code passes,
//! and every message reads exactly as Fluent itself would format it.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::Lang;
#[cfg(feature = "ssr")]
use super::catalogue::pattern;
use super::markers::{KEY, SELECT, SELECT_END, VAR, VAR_END, VARIANT};
use super::numbers;
#[cfg(not(feature = "ssr"))]
use super::shipped::pattern;

macro_rules! messages {
    ($($(#[$doc:meta])* $key:ident $(($($arg:ident),*))?,)*) => {
        /// A translatable message; `Lang::t` gives the text of one without
        /// arguments, `Lang::fmt` of one with. It travels and is stored by
        /// its name (see the serde impls below).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key,)* }

        impl Msg {
            /// Every message, in catalogue order.
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];
            const IDS: &'static [&'static str] = &[$(stringify!($key),)*];
            const ARGS: &'static [&'static [&'static str]] = &[$(&[$($(stringify!($arg)),*)?],)*];
        }
    };
}

messages! {
    AppName,
    SkipToContent,
    Language,
    // Sign-in
    LoginTitle,
    LoginIntro,
    EmailOrLogin,
    Password,
    PasswordConfirm,
    SignIn,
    SigningIn,
    SignOut,
    InvalidCredentials,
    TooManyAttempts,
    // First admin
    SetupTitle,
    SetupIntro,
    SetupDone,
    SetupInvalidLink,
    FirstName,
    LastName,
    Email,
    CreateAdmin,
    // Frame
    Groups,
    NoGroupsYet,
    NoGroupsAdminHint,
    NoGroupsMemberHint,
    AddMenu,
    MenuUser,
    MenuGroup,
    ExpandGroup(name),
    CollapseGroup(name),
    ToggleSidebar,
    Welcome,
    HomeIntro,
    WelcomeName(name),
    MemberHomeIntro,
    YourGroups,
    YourProfile,
    FullName,
    YourLanguageHelp,
    PlatformAdmin,
    // Group page
    Public,
    Private,
    PublicLong,
    PrivateLong,
    TabUsers,
    TabSettings,
    ColName,
    ColEmail,
    ColRoles,
    ColType,
    ColStatus,
    ColActivated,
    StatusActive,
    StatusPending,
    StatusNoPassword,
    NoMembers,
    NoMembersHint,
    MembersCount(count),
    // Roles and account types
    RolePlatformAdmin,
    RoleGroupAdmin,
    RoleUserAdmin,
    RoleTrainer,
    RoleLearner,
    TypeMember,
    TypeGuest,
    // Group management
    NewGroup,
    GroupName,
    ParentGroup,
    NoParent,
    Visibility,
    CreateGroup,
    Save,
    DeleteGroup,
    DeleteGroupConfirm,
    DangerZone,
    GroupSaved,
    Cancel,
    Working,
    // Errors (public messages; causes are logged, never shown)
    ErrInternal,
    ErrUnauthenticated,
    ErrForbidden,
    ErrNotFound,
    ErrNetwork,
    ErrBadRequest,
    ErrCrossSite,
    ErrUnsupportedMediaType,
    ErrTooLarge,
    ErrNameRequired,
    ErrNameTooLong,
    ErrGroupNameTaken,
    ErrGroupHasChildren,
    ErrMoveIntoItself,
    ErrMoveIntoDescendant,
    ErrUnknownParent,
    ErrEmailInvalid,
    ErrEmailTaken,
    ErrPasswordTooShort,
    ErrPasswordTooLong,
    ErrPasswordCommon,
    ErrPasswordMismatch,
    ErrFirstNameRequired,
    ErrLastNameRequired,
    // The user panel (+ → Utilisateur)
    PanelTitle,
    PanelInvite,
    Emails,
    EmailsHelp,
    Roles,
    Options,
    InviteeLanguage,
    DeletionDate,
    DeletionDateHelp,
    PersonalMessage,
    AccountTypeLabel,
    MemberHelp,
    GuestHelp,
    PlatformAdminOnAccept,
    InviteButton,
    Inviting,
    ResultsTitle,
    OutcomeInvited,
    OutcomeMergedAdded(group, roles),
    OutcomeMergedOptions,
    OutcomeAlreadyInvited(minutes),
    OutcomeResent,
    OutcomeDuplicate,
    SummaryInvited(count),
    SummaryUpdated(count),
    SummaryAlready(count),
    SummaryAdded(count),
    SummaryDuplicate(count),
    SummaryRefused(count),
    SummaryInvalid(count),
    InvalidKeptHelp,
    NoAddresses,
    ChooseGroupFirst,
    ErrNoRole,
    ErrOwnRoles,
    // Who may act on what (the security model)
    ErrTooManyAddresses,
    ErrInvitationBeyondYou,
    GrantsWithdrawn,
    BulkPartial(count),
    WithdrawMyGrants,
    InvitationPartlyYours,
    WelcomeTitle,
    WelcomeDroppedIntro,
    Continue,
    ExistingAccountElsewhere,
    PendingInvitationElsewhere,
    AddToInvitation,
    AddedToInvitation,
    AccountPartlyYours,
    ErrNotAMember,
    ErrFieldKey,
    ErrFieldKeyTaken,
    ErrFieldLabel,
    ErrFieldType,
    ErrFieldChoices,
    ErrFieldRequired,
    ErrFieldTooLong,
    ErrFieldNumber,
    ErrFieldDate,
    ErrFieldChoice,
    ErrLoginNameInvalid,
    ErrLoginNameTaken,
    ErrNoEmailNoMail,
    ErrPasswordOrMail,
    ErrPasswordOrMailMissing,
    ErrPasswordAlreadyChosen,
    ErrNoGroup,
    ErrExtraInfoTooLong,
    ErrFixFields,
    PasswordLinkInvalid,
    PasswordLinkUsed,
    PasswordLinkExpired,
    PanelCreate,
    NoEmail,
    LoginName,
    LoginNameHelp,
    SendCredentials,
    SendCredentialsHelp,
    PasswordChoiceHelp,
    AddGroups,
    SearchGroup,
    Validate,
    RemoveChip,
    NoGroupChosen,
    RolesApplyAll,
    ExtraInfo,
    CreateButton,
    Creating,
    AccountCreated(name),
    OpenAccount,
    SignsInWith,
    CredentialsMailed,
    GeneratedPasswordOnce,
    ExistingAccountLong,
    ExistingAccountHint,
    PendingInvitationLong,
    CreateAnyway,
    CustomFields,
    CustomFieldsIntro,
    FieldKey,
    FieldKeyHelp,
    FieldTypeLabel,
    FieldTypeText,
    FieldTypeNumber,
    FieldTypeDate,
    FieldTypeChoice,
    FieldChoices,
    FieldRequired,
    AddField,
    NewFieldHeading,
    Dismiss,
    CancelEdit,
    ConfirmRemoveMember(name),
    PlatformSettingsTitle,
    DefaultLanguage,
    DefaultLanguageHelp,
    SettingsSaved,
    ErrUnknownLanguage,
    FieldAdded,
    FieldDeleted,
    DeleteField,
    DeleteFieldOf,
    NoFields,
    NoFieldsHint,
    ChooseOne,
    Yes,
    No,
    ActivatedOn,
    CreatedOn,
    NoDeletion,
    GroupsAndRoles,
    NoGroups,
    PasswordNotSet,
    ResendPasswordLink,
    PasswordLinkResent,
    EditProfile,
    ProfileSaved,
    SetPasswordTitle,
    SetPasswordIntro,
    SetPasswordButton,
    PasswordLinkClosedTitle,
    ErrRoleNotAllowed,
    ErrDeletionInPast,
    ErrMessageTooLong,
    ErrAddressInvited,
    ErrInvalidDate,
    // Reasons an address is refused
    EmailEmpty,
    EmailWhitespace,
    EmailMissingAt,
    EmailMultipleAt,
    EmailEmptyLocal,
    EmailLocalTooLong,
    EmailDotPlacement,
    EmailEmptyDomain,
    EmailDomainNoDot,
    EmailInvalidDomain,
    EmailTooLong,
    // The invitee
    AcceptTitle,
    AcceptIntro,
    InvitedBy,
    InvitedTo,
    ValidUntil,
    ActivateAccount,
    PasswordHelp,
    InvitationInvalid,
    InvitationExpired,
    InvitationUsed,
    InvitationCancelled,
    InvitationReplaced,
    InvitationClosedTitle,
    ErrResendTooSoon,
    // Invitations tab
    PanelInvitations,
    InvitationsTitle,
    Search,
    FilterStatus,
    FilterDelivery,
    FilterGroup,
    FilterInviter,
    FilterSort,
    SortNewest,
    SortOldest,
    Any,
    Filter,
    StatusPendingShort,
    StatusExpired,
    DeliveryQueued,
    DeliverySent,
    DeliveryFailed,
    ColGroupsRoles,
    ColDelivery,
    ColActions,
    ColHistory,
    SentOn(date),
    SentOnBy(date, name),
    LastSentOn(date, count),
    ReminderOn(date),
    ExpiresOn(date),
    ExpiredOn(date),
    DeletionOn(date),
    InvitationsOfGroup(group),
    EditMember,
    EditMemberOf,
    RemoveFromGroup,
    RemoveFromGroupHelp,
    MemberRolesSaved,
    MemberRemoved,
    SelectRow,
    SelectPage,
    Resend,
    CancelInvitation,
    CopyLink,
    Copy,
    Copied,
    LinkIssued,
    Resent,
    CancelledDone,
    Selected(count),
    ResendSelection,
    CancelSelection,
    ResendMatching,
    CancelMatching,
    ConfirmResend,
    ConfirmCancel,
    InvitationsCount(count),
    ConfirmCancelOne(email),
    ConfirmWithdrawOne(email),
    KeepIt,
    Confirm,
    BulkDone(count),
    BulkRateLimited(count),
    BulkSkipped(count),
    NoInvitations,
    NoInvitationsHint,
    Previous,
    Next,
    PendingRowHint,
    MorePendingInvitations,
    // Development mailbox
    MenuMailbox,
    NotFoundTitle,
    BackHome,
    // Sentences with values
    PageRange(first, last, total),
    MoreThan(count),
    InvitationsCountMore(count),
    OutcomeExistingAddedTo(group, roles),
    OutcomeInvalidBecause(reason),
    EmailInvalidCharIs(char),
    FieldErrorOn(label, reason),
    FieldLabel,
    FieldLabelIn(language),
    FieldLabelHelp,
    // Mails
    MailHello,
    MailHelloName(name),
    MailInviteSubject(inviter),
    MailReminderSubject(inviter),
    MailReminderLine,
    MailInviteSentence(count, inviter, groups),
    MailGroupName(name),
    MailListAnd,
    MailMessageLabel,
    MailAcceptButton,
    MailOpenInviteLink,
    MailCopyLink,
    MailInviteValidUntil(date),
    MailInviteUnexpected,
    MailSetPasswordSubject,
    MailAccountCreatedBy(sender),
    MailYourLogin,
    MailOpenPasswordLink,
    MailChoosePasswordButton,
    MailPasswordLinkValidUntil(date),
    MailPasswordUnexpected,
    // Development mailbox
    MailboxTitle,
    MailboxIntro,
    MailboxEmpty,
    MailboxEmptyHint,
    MailboxTo,
    MailboxDate,
    MailboxStatus,
    MailboxQueued,
    MailboxSending,
    MailboxSent,
    MailboxFailed,
    MailboxLastError,
    MailboxPlainVersion,
    MailboxFrameTitle(to),
    MailboxDateTime(day, time),
    // Language names, in the reader's language
    LanguageFr,
    LanguageEn,
    LanguageNl,
    // The user's page: adding to groups
    AddToGroupsTitle,
    AddToGroupsHelp,
    AddToGroupsButton,
    AddingToGroups,
    AddedToGroupAs(group, roles),
    AlreadyInGroups,
    ErrAddSelfToGroups,
    ErrAddGroupOutOfReach,
    ErrAddRoleNotGrantable,
    // Guests and seats
    ErrGuestLearnerOnly,
    ErrGuestNotPlatformAdmin,
    ErrNoSeat,
    ErrSeatsFull(limit, used),
    ErrSeatLimitInvalid,
    ErrNotWaitingForSeat,
    ErrOwnAccountType,
    ErrNothingSelected,
    ErrTooManySelected,
    OutcomeGuestCannotHold(roles),
    GuestRolesHint,
    SeatLimit,
    SeatLimitHelp,
    SeatsUsage(used, limit),
    SeatsUsageUnlimited(used),
    SeatsThisUses(count),
    SeatsNoneFree,
    AwaitingSeatTitle,
    AwaitingSeatBody,
    AwaitingSeatAdmins,
    StatusAwaitingSeat,
    AwaitingSeatSince(date),
    ActivateWaiting,
    ActivatedWaiting,
    AccountTypeSection,
    ToMember,
    ToGuest,
    ConvertBlockedIntro,
    ConvertRemoveRolesAndGo,
    ConvertedToMember,
    ConvertedToGuest,
    ConvertedRolesRemoved(roles),
    ConvertSelection(count),
    ConfirmConvert(count),
    ConvertNoSeat(limit, used),
    MailSeatWaitingSubject,
    MailSeatWaitingLine(name, email, limit),
    MailSeatWaitingHow,
    MailSeatWaitingButton,
    MailAccountOpenedSubject,
    MailAccountOpenedLine,
    MailSignInButton,
    ConvertTo,
    ConvertAlsoRemoveRoles,
    ConvertLineBlocked(roles),
    ConvertResultsTitle,
    AuditInvitationCreated,
    AuditInvitationMerged,
    AuditInvitationGrantsAdded,
    AuditInvitationGrantsWithdrawn,
    AuditInvitationReinviteUnchanged,
    AuditInvitationReinviteResent,
    AuditInvitationResent,
    AuditInvitationLinkCopied,
    AuditInvitationCancelled,
    AuditInvitationExistingAccountAdded,
    AuditInvitationAccepted,
    AuditInvitationAwaitingSeat,
    AuditInvitationExpired,
    AuditInvitationDeletedAutomatically,
    AuditAccountCreated,
    AuditAccountUpdated,
    AuditAccountGroupsAdded,
    AuditAccountTypeChanged,
    AuditAccountPasswordLinkSent,
    AuditAccountPasswordSet,
    AuditAccountDeletedAutomatically,
    AuditMemberRolesChanged,
    AuditMemberRemoved,
    AuditGroupCreated,
    AuditGroupUpdated,
    AuditGroupDeleted,
    AuditCustomFieldCreated,
    AuditCustomFieldDeleted,
    AuditPlatformAdminCreated,
    AuditPlatformDefaultLanguageSet,
    AuditPlatformSeatLimitSet,
    AuditPlatformTimeZoneSet,
    AuditLoginThrottled,
    // Import wizard
    AuditImportCompleted,
    ErrImportTooLarge,
    ErrImportTooManyRows,
    ErrImportTooManyColumns,
    ErrImportEmpty,
    ErrImportUnsupported,
    ErrImportNotWhatItSays,
    ErrImportCorrupt,
    ErrImportZipBomb,
    ErrImportSheetNotFound,
    ErrImportNoFile,
    ErrImportNotDraft,
    ErrImportNoEmailColumn,
    ImportTargetGroups,
    ImportTargetRoles,
    ImportTargetAdmin,
    ImportTargetType,
    ImportTargetDeletion,
    ImportHelpEmail,
    ImportHelpName,
    ImportHelpLanguage,
    ImportHelpGroups,
    ImportHelpRoles,
    ImportHelpAdmin,
    ImportHelpType,
    ImportHelpDate,
    ImportHelpCustom(kind),
    ImportKindInvite,
    ImportKindCreate,
    ImportKindUpdate,
    ImportKindAdd,
    ImportKindMerge,
    ImportKindUnchanged,
    ImportKindDuplicate,
    ImportKindError,
    ImportVerdictInvite,
    ImportVerdictCreate,
    ImportVerdictUpdate(fields),
    ImportVerdictAdd,
    ImportVerdictMerge,
    ImportVerdictAlreadyInvited,
    ImportVerdictUpToDate,
    ImportVerdictDuplicate(line),
    ImportRowMissingEmail,
    ImportRowInvalidEmail(why),
    ImportRowUnknownLanguage(value),
    ImportRowUnknownRole(value),
    ImportRowBadBool(value),
    ImportRowUnknownType(value),
    ImportRowBadDate(value),
    ImportRowUnknownGroup(value),
    ImportRowAmbiguousGroup(value),
    ImportRowNoGroup,
    ImportRowRoleNotAllowed(role),
    ImportRowAdminRefused,
    ImportRowGuestHeldRoles(roles),
    ImportRowNamesMissing,
    ImportRowNameInvalid,
    ImportRowField(field, why),
    ImportRowOwnAccount,
    ImportRowAddressInUse,
    ImportRowNoSeat,
    ImportColLine,
    ImportColOutcome,
    ImportColWhy,
    ImportColColumn,
    ImportColMeaning,
    ImportColValues,
    ImportExampleFalse,
    PanelImport,
    PanelImports,
    ImportTitle,
    ImportTemplateTitle,
    ImportTemplateHelp,
    ImportTemplateXlsx,
    ImportTemplateCsv,
    ImportFileTitle,
    ImportDrop,
    ImportLimits,
    ImportSend,
    ImportHistoryTitle,
    ImportHistoryEmpty,
    ImportStepFile,
    ImportStepColumns,
    ImportStepPreview,
    ImportStepOptions,
    ImportStepReport,
    ImportSteps,
    ImportReadAs,
    ImportFormat,
    ImportEncoding,
    ImportSeparator,
    ImportSheet,
    ImportDetect,
    ImportSepComma,
    ImportSepSemicolon,
    ImportSepTab,
    ImportApply,
    ImportRowsCount(count),
    ImportColumnHeader,
    ImportColumnSample,
    ImportColumnTarget,
    ImportIgnore,
    ImportSaveColumns,
    ImportFilterAll,
    ImportFilterLabel,
    ImportVerdictHeader,
    ImportOutcomeHeader,
    ImportCorrect,
    ImportRecheck,
    ImportCancelEdit,
    ImportPreviewHelp,
    ImportSeats(used, limit, needed),
    ImportSeatsUnlimited(used, needed),
    ImportMode,
    ImportModeInvite,
    ImportModeCreate,
    ImportModeCreateOrUpdate,
    ImportDefaultsHelp,
    ImportSendCredentials,
    ImportRun,
    ImportRunSkips(count),
    ImportRunning(done, total),
    ImportRunningHelp,
    ImportFailedText,
    ImportDoneText,
    ImportReportCsv,
    ImportReportXlsx,
    ImportErrorsFile,
    ImportErrorsFileXlsx,
    ImportColWhen,
    ImportColWho,
    ImportColFile,
    ImportStatusDraft,
    ImportStatusRunning,
    ImportStatusDone,
    ImportStatusFailed,
    ImportNext,
    ImportPagePrev,
    ImportPageNext,
    ImportPageOf(page, pages),
    ReasonInvitationAccepted,
    ReasonCreated,
    ReasonConvertedToMember,
    ReasonConvertedToGuest,
    ReasonDeleted,
    ReasonUnknown,
    NoRole,
    Unlimited,
    Dash,
    Pagination,
    Breadcrumb,
    ExportCsv,
    ExportXlsx,
    DetailRoles(roles),
    DetailRolesChange(from, to),
    DetailGrants(grants),
    DetailPropagated(grants),
    DetailRolesRemoved(grants),
    DetailAccountType(kind),
    DetailChange(from, to),
    DetailDeletionDate(date),
    DetailName(name),
    DetailLoginName(name),
    DetailFieldKey(key),
    DetailWaitedForSeat,
    DetailCredentialsMailed,
    DetailClient(address),
    ErrJournalAction,
    ErrJournalGroup,
    ErrJournalDate,
    ErrJournalDateOrder,
    ErrTimeZoneUnknown,
    ErrBillingMonth,
    ErrResendAwaitingSeat,
    JournalTitle,
    JournalIntro,
    JournalWhen,
    JournalWho,
    JournalAction,
    JournalTarget,
    JournalGroup,
    JournalDetails,
    JournalFilterActor,
    JournalFilterPerson,
    JournalFrom,
    JournalTo,
    JournalCount(count),
    JournalCountMore(count),
    JournalZone(zone),
    JournalEmpty,
    JournalUnknownPerson,
    JournalNewest,
    JournalOlder,
    JournalSystem,
    BillingTitle,
    BillingBillableNow,
    BillingZone(zone),
    BillingHistory,
    BillingChartCaption,
    BillingMonth,
    BillingStarted,
    BillingStopped,
    BillingNetEnd,
    BillingListTitle(month, count),
    BillingListEmpty,
    BillingListMore(count),
    BillingName,
    BillingSince,
    BillingHow,
    BillingThisMonth,
    TimeZone,
    TimeZoneHelp,
}

impl Msg {
    /// The Fluent message id (the variant's name).
    pub fn id(self) -> &'static str {
        Self::IDS[self as usize]
    }

    /// The named arguments the message takes, as declared above.
    pub fn args(self) -> &'static [&'static str] {
        Self::ARGS[self as usize]
    }

    /// The text of a message without arguments.
    pub fn text(self, lang: Lang) -> &'static str {
        debug_assert!(
            self.args().is_empty(),
            "{} takes arguments: use Lang::fmt",
            self.id()
        );
        TEXTS[lang as usize][self as usize]
    }
}

/// A message is written as its name (`"ErrEmailInvalid"`), as the
/// derived impls wrote it in JSON, and as a plain string, so a format
/// without field names (postcard, to the browser) writes the name too: import reports stored in the database hold such
/// names, and a name survives variants added before it, which an index
/// would not. The impls are written by hand because the derived
/// deserialiser is a string match over every variant, repeated for each
/// deserialiser it meets: about 84 KB of the browser's first wasm piece
/// before optimisation. This one looks the name up in `IDS`.
impl Serialize for Msg {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Msg {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Name;

        impl serde::de::Visitor<'_> for Name {
            type Value = Msg;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("the name of a message")
            }

            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<Msg, E> {
                Msg::from_id(name).ok_or_else(|| E::unknown_variant(name, &[]))
            }
        }

        deserializer.deserialize_str(Name)
    }
}

impl Msg {
    /// The message of a Fluent id (a variant's name).
    pub fn from_id(id: &str) -> Option<Msg> {
        Self::IDS
            .iter()
            .position(|known| *known == id)
            .map(|i| Self::ALL[i])
    }
}

/// A value given to a message: a count (which also picks the plural form,
/// and is written the reader's way: `1 000`, `1,000`, `1.000`) or a text.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Count(i64),
    Text(String),
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Count(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<i32> for Arg {
    fn from(n: i32) -> Self {
        Arg::Count(i64::from(n))
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Count(i64::from(n))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}

/// The CLDR cardinal plural category of a whole number: French counts 0
/// and 1 as `one` (and round millions as `many`), English and Dutch only 1.
fn plural_category(lang: Lang, n: i64) -> &'static str {
    let n = n.unsigned_abs();
    match lang {
        Lang::Fr if n <= 1 => "one",
        Lang::Fr if n.is_multiple_of(1_000_000) => "many",
        Lang::En | Lang::Nl if n == 1 => "one",
        _ => "other",
    }
}

/// The texts of the messages without arguments, formatted once and kept for
/// the life of the process, so `Lang::t` stays a `&'static str` lookup.
static TEXTS: [LazyLock<Vec<&'static str>>; 3] = [
    LazyLock::new(|| texts_of(Lang::Fr)),
    LazyLock::new(|| texts_of(Lang::En)),
    LazyLock::new(|| texts_of(Lang::Nl)),
];

fn texts_of(lang: Lang) -> Vec<&'static str> {
    Msg::ALL
        .iter()
        .map(|&msg| match msg.args() {
            [] => &*String::leak(format(lang, msg, &[])),
            _ => msg.id(),
        })
        .collect()
}

/// Formats `msg` in `lang`, falling back to French, then to the bare id, if
/// a catalogue lacks it (the catalogue test forbids that; a release must
/// still show something).
pub(super) fn format(lang: Lang, msg: Msg, args: &[(&str, Arg)]) -> String {
    debug_assert_eq!(
        {
            let mut given: Vec<&str> = args.iter().map(|(name, _)| *name).collect();
            given.sort_unstable();
            given
        },
        {
            let mut declared = msg.args().to_vec();
            declared.sort_unstable();
            declared
        },
        "the arguments given to {} differ from its declaration",
        msg.id()
    );
    let Some(pattern) = pattern(lang, msg) else {
        return match lang {
            Lang::Fr => msg.id().to_owned(),
            _ => format(Lang::Fr, msg, args),
        };
    };
    let mut out = String::new();
    write_pattern(&mut out, true, pattern, lang, args);
    out
}

/// Writes (when `write`) the pattern at the start of `src` and returns what
/// follows it: the rest of an enclosing selection, or "". The grammar:
///
/// ```text
/// pattern   = { text | VAR name VAR_END | selection }
/// selection = SELECT name { KEY ["*"] key } { VARIANT pattern } SELECT_END
/// ```
///
/// with one key per variant, in order, `*` marking the default, a key being
/// a plural category (`one`), a word to equal, or a whole number (`0`).
fn write_pattern<'a>(
    out: &mut String,
    write: bool,
    mut src: &'a str,
    lang: Lang,
    args: &[(&str, Arg)],
) -> &'a str {
    let arg = |name: &str| args.iter().find(|(n, _)| *n == name).map(|(_, a)| a);
    loop {
        let Some(at) = src.find([VAR, SELECT, VARIANT, SELECT_END]) else {
            if write {
                out.push_str(src);
            }
            return "";
        };
        if write {
            out.push_str(&src[..at]);
        }
        // Every marker is one byte.
        let rest = &src[at + 1..];
        match src.as_bytes()[at] as char {
            VAR => {
                let (name, after) = rest.split_once(VAR_END).unwrap_or((rest, ""));
                if write {
                    match arg(name) {
                        Some(Arg::Count(n)) => out.push_str(&numbers::grouped(*n, lang)),
                        Some(Arg::Text(text)) => out.push_str(text),
                        // What Fluent writes for a missing argument.
                        None => {
                            out.push_str("{$");
                            out.push_str(name);
                            out.push('}');
                        }
                    }
                }
                src = after;
            }
            SELECT => {
                let header_end = rest.find(VARIANT).unwrap_or(rest.len());
                let mut header = rest[..header_end].split(KEY);
                let name = header.next().unwrap_or_default();
                let value = arg(name);
                let mut default = 0;
                let mut chosen = None;
                for (i, key) in header.enumerate() {
                    let key = key
                        .strip_prefix('*')
                        .inspect(|_| default = i)
                        .unwrap_or(key);
                    let matches = match (key.parse::<i64>(), value) {
                        (Ok(k), Some(Arg::Count(n))) => k == *n,
                        (Err(_), Some(Arg::Count(n))) => key == plural_category(lang, *n),
                        (Err(_), Some(Arg::Text(text))) => key == text,
                        _ => false,
                    };
                    if matches && chosen.is_none() {
                        chosen = Some(i);
                    }
                }
                let chosen = chosen.unwrap_or(default);
                let mut variants = &rest[header_end..];
                let mut i = 0;
                while let Some(variant) = variants.strip_prefix(VARIANT) {
                    variants = write_pattern(out, write && i == chosen, variant, lang, args);
                    i += 1;
                }
                src = variants.strip_prefix(SELECT_END).unwrap_or(variants);
            }
            // The end of a variant: the enclosing selection goes on.
            _ => return &src[at..],
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
    use fluent_syntax::ast;
    use fluent_syntax::parser;

    use super::*;

    fn source(lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => include_str!("../../../locales/fr.ftl"),
            Lang::En => include_str!("../../../locales/en.ftl"),
            Lang::Nl => include_str!("../../../locales/nl.ftl"),
        }
    }

    /// The ids of a catalogue and, for each, the variables it references.
    fn catalogue(lang: Lang) -> Vec<(String, BTreeSet<String>)> {
        let resource = parser::parse(source(lang))
            .unwrap_or_else(|(_, errors)| panic!("locales/{}.ftl: {errors:?}", lang.code()));
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                ast::Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    if let Some(value) = &m.value {
                        pattern_vars(value, &mut vars);
                    }
                    Some((m.id.name.to_owned(), vars))
                }
                _ => None,
            })
            .collect()
    }

    fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_vars(expression, vars);
            }
        }
    }

    fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, vars);
                for variant in variants {
                    pattern_vars(&variant.value, vars);
                }
            }
            ast::Expression::Inline(inline) => inline_vars(inline, vars),
        }
    }

    fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_owned());
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
            _ => {}
        }
    }

    #[test]
    fn every_key_exists_in_every_language_with_exactly_the_declared_arguments() {
        for lang in Lang::ALL {
            let catalogue = catalogue(lang);
            let ids: Vec<&str> = catalogue.iter().map(|(id, _)| id.as_str()).collect();
            let code_ids: Vec<&str> = Msg::ALL.iter().map(|m| m.id()).collect();
            let missing: Vec<_> = code_ids.iter().filter(|id| !ids.contains(id)).collect();
            let unknown: Vec<_> = ids.iter().filter(|id| !code_ids.contains(id)).collect();
            assert!(missing.is_empty(), "{}.ftl lacks {missing:?}", lang.code());
            assert!(
                unknown.is_empty(),
                "{}.ftl has unknown ids {unknown:?}",
                lang.code()
            );
            let unique: BTreeSet<&str> = ids.iter().copied().collect();
            assert_eq!(unique.len(), ids.len(), "{}.ftl repeats an id", lang.code());
            for (id, vars) in &catalogue {
                let msg = Msg::ALL.iter().find(|m| m.id() == id).unwrap();
                let declared: BTreeSet<String> =
                    msg.args().iter().map(|a| (*a).to_owned()).collect();
                assert_eq!(vars, &declared, "{id} in {}.ftl", lang.code());
            }
        }
    }

    #[test]
    fn every_message_formats_without_error_in_every_language() {
        for lang in Lang::ALL {
            for &msg in Msg::ALL {
                let args: Vec<(&str, Arg)> =
                    msg.args().iter().map(|a| (*a, Arg::Count(2))).collect();
                let text = lang.fmt(msg, &args);
                assert!(
                    !text.trim().is_empty(),
                    "{} is empty in {}",
                    msg.id(),
                    lang.code()
                );
                assert!(
                    !text.contains('{'),
                    "{} in {}: {text}",
                    msg.id(),
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn plurals_follow_each_language_rules() {
        // French counts 0 and 1 as singular; English and Dutch only 1.
        assert_eq!(
            Lang::Fr.fmt(Msg::MembersCount, &[("count", 0.into())]),
            "0 utilisateur"
        );
        assert_eq!(
            Lang::Fr.fmt(Msg::MembersCount, &[("count", 1.into())]),
            "1 utilisateur"
        );
        assert_eq!(
            Lang::Fr.fmt(Msg::MembersCount, &[("count", 2.into())]),
            "2 utilisateurs"
        );
        assert_eq!(
            Lang::En.fmt(Msg::MembersCount, &[("count", 0.into())]),
            "0 users"
        );
        assert_eq!(
            Lang::En.fmt(Msg::MembersCount, &[("count", 1.into())]),
            "1 user"
        );
        assert_eq!(
            Lang::Nl.fmt(Msg::MembersCount, &[("count", 1.into())]),
            "1 gebruiker"
        );
        assert_eq!(
            Lang::Nl.fmt(Msg::MembersCount, &[("count", 3.into())]),
            "3 gebruikers"
        );
    }

    #[test]
    fn counts_are_written_the_reader_way() {
        let n = [("count", Arg::Count(12_500))];
        assert_eq!(
            Lang::Fr.fmt(Msg::MembersCount, &n),
            "12\u{202f}500 utilisateurs"
        );
        assert_eq!(Lang::En.fmt(Msg::MembersCount, &n), "12,500 users");
        assert_eq!(Lang::Nl.fmt(Msg::MembersCount, &n), "12.500 gebruikers");
    }

    #[test]
    fn values_are_placed_in_each_language_own_typography() {
        let args = [
            ("label", Arg::from("Matricule")),
            ("reason", Arg::from("x")),
        ];
        assert_eq!(Lang::Fr.fmt(Msg::FieldErrorOn, &args), "Matricule : x");
        assert_eq!(Lang::En.fmt(Msg::FieldErrorOn, &args), "Matricule: x");
    }

    /// Fluent's own resolver, with the options the product wants: no
    /// isolation marks, whole numbers grouped the reader's way.
    fn fluent_bundle(lang: Lang) -> FluentBundle<FluentResource> {
        fn grouped(value: &FluentValue, lang: Lang) -> Option<String> {
            match value {
                FluentValue::Number(n) if n.value.fract() == 0.0 => {
                    Some(numbers::grouped(n.value as i64, lang))
                }
                _ => None,
            }
        }
        fn fr<M>(value: &FluentValue, _: &M) -> Option<String> {
            grouped(value, Lang::Fr)
        }
        fn en<M>(value: &FluentValue, _: &M) -> Option<String> {
            grouped(value, Lang::En)
        }
        fn nl<M>(value: &FluentValue, _: &M) -> Option<String> {
            grouped(value, Lang::Nl)
        }
        let resource = FluentResource::try_new(source(lang).to_owned()).unwrap();
        let mut bundle = FluentBundle::new(vec![lang.code().parse().unwrap()]);
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(match lang {
            Lang::Fr => fr,
            Lang::En => en,
            Lang::Nl => nl,
        }));
        bundle.add_resource(resource).unwrap();
        bundle
    }

    fn fluent_format(
        bundle: &FluentBundle<FluentResource>,
        msg: Msg,
        args: &[(&str, Arg)],
    ) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Count(n) => fluent.set(*name, FluentValue::from(*n)),
                Arg::Text(s) => fluent.set(*name, FluentValue::from(s.as_str())),
            }
        }
        let pattern = bundle.get_message(msg.id()).unwrap().value().unwrap();
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent), &mut errors);
        assert!(errors.is_empty(), "{}: {errors:?}", msg.id());
        text.into_owned()
    }

    #[test]
    fn every_message_reads_as_fluent_formats_it() {
        let counts = [0, 1, 2, 5, 21, 1_000, 12_500, 1_000_000, -1];
        let mut compared = 0;
        for lang in Lang::ALL {
            let bundle = fluent_bundle(lang);
            for &msg in Msg::ALL {
                let mut cases: Vec<Vec<(&str, Arg)>> = counts
                    .iter()
                    .map(|&n| msg.args().iter().map(|a| (*a, Arg::Count(n))).collect())
                    .collect();
                cases.push(msg.args().iter().map(|a| (*a, Arg::from("Acme"))).collect());
                cases.push(msg.args().iter().map(|a| (*a, Arg::from("one"))).collect());
                for args in cases {
                    assert_eq!(
                        format(lang, msg, &args),
                        fluent_format(&bundle, msg, &args),
                        "{} in {} with {args:?}",
                        msg.id(),
                        lang.code()
                    );
                    compared += 1;
                }
            }
        }
        assert!(compared > 3 * 500 * 11, "{compared} cases");
    }

    #[test]
    fn a_message_travels_and_is_stored_by_its_name() {
        // The form the derived impls wrote, which stored reports hold.
        assert_eq!(
            serde_json::to_string(&Msg::ErrEmailInvalid).unwrap(),
            r#""ErrEmailInvalid""#
        );
        for &msg in Msg::ALL {
            let json = serde_json::to_string(&msg).unwrap();
            assert_eq!(serde_json::from_str::<Msg>(&json).unwrap(), msg);
        }
        let nested: Vec<Option<Msg>> =
            serde_json::from_str(r#"[null, "TabUsers", "AppName"]"#).unwrap();
        assert_eq!(nested, [None, Some(Msg::TabUsers), Some(Msg::AppName)]);
        assert!(serde_json::from_str::<Msg>(r#""NoSuchMessage""#).is_err());
        assert!(serde_json::from_str::<Msg>("3").is_err());
    }

    #[test]
    fn texts_without_arguments_are_the_catalogue_ones() {
        assert_eq!(Lang::Fr.t(Msg::TabUsers), "UTILISATEURS");
        assert_eq!(Lang::En.t(Msg::TabUsers), "USERS");
        assert_ne!(Lang::Nl.t(Msg::TabUsers), Lang::En.t(Msg::TabUsers));
    }
}
