//! How the closed lists of the domain (roles, account types, audit actions,
//! billing reasons) and the audit log's details read in each language —
//! shared by the pages and the exported files, so both say the same.

use super::{Arg, Lang, Msg};
use crate::contracts::LocalTime;
use crate::contracts::journal::Detail;
use crate::domain::audit::AuditAction;
use crate::domain::billing::{BillingReason, Month};
use crate::domain::custom_field::FieldDef;
use crate::domain::import::{RowProblem, Target, Verdict, VerdictKind};
use crate::domain::{AccountType, GroupRole};

pub fn role(role: GroupRole) -> Msg {
    match role {
        GroupRole::GroupAdmin => Msg::RoleGroupAdmin,
        GroupRole::UserAdmin => Msg::RoleUserAdmin,
        GroupRole::Trainer => Msg::RoleTrainer,
        GroupRole::Learner => Msg::RoleLearner,
    }
}

pub fn account_type(kind: AccountType) -> Msg {
    match kind {
        AccountType::Member => Msg::TypeMember,
        AccountType::Guest => Msg::TypeGuest,
    }
}

pub fn billing_reason(reason: Option<BillingReason>) -> Msg {
    match reason {
        Some(BillingReason::InvitationAccepted) => Msg::ReasonInvitationAccepted,
        Some(BillingReason::Created) => Msg::ReasonCreated,
        Some(BillingReason::ConvertedToMember) => Msg::ReasonConvertedToMember,
        Some(BillingReason::ConvertedToGuest) => Msg::ReasonConvertedToGuest,
        Some(BillingReason::Deleted) => Msg::ReasonDeleted,
        None => Msg::ReasonUnknown,
    }
}

/// The sentence the `Journal` writes for an action.
pub fn action(action: AuditAction) -> Msg {
    use AuditAction as A;
    match action {
        A::InvitationCreated => Msg::AuditInvitationCreated,
        A::InvitationMerged => Msg::AuditInvitationMerged,
        A::InvitationGrantsAdded => Msg::AuditInvitationGrantsAdded,
        A::InvitationGrantsWithdrawn => Msg::AuditInvitationGrantsWithdrawn,
        A::InvitationReinviteUnchanged => Msg::AuditInvitationReinviteUnchanged,
        A::InvitationReinviteResent => Msg::AuditInvitationReinviteResent,
        A::InvitationResent => Msg::AuditInvitationResent,
        A::InvitationLinkCopied => Msg::AuditInvitationLinkCopied,
        A::InvitationCancelled => Msg::AuditInvitationCancelled,
        A::InvitationExistingAccountAdded => Msg::AuditInvitationExistingAccountAdded,
        A::InvitationAccepted => Msg::AuditInvitationAccepted,
        A::InvitationAwaitingSeat => Msg::AuditInvitationAwaitingSeat,
        A::InvitationExpired => Msg::AuditInvitationExpired,
        A::InvitationDeletedAutomatically => Msg::AuditInvitationDeletedAutomatically,
        A::AccountCreated => Msg::AuditAccountCreated,
        A::AccountUpdated => Msg::AuditAccountUpdated,
        A::AccountGroupsAdded => Msg::AuditAccountGroupsAdded,
        A::AccountTypeChanged => Msg::AuditAccountTypeChanged,
        A::AccountPasswordLinkSent => Msg::AuditAccountPasswordLinkSent,
        A::AccountPasswordSet => Msg::AuditAccountPasswordSet,
        A::AccountDeletedAutomatically => Msg::AuditAccountDeletedAutomatically,
        A::MemberRolesChanged => Msg::AuditMemberRolesChanged,
        A::MemberRemoved => Msg::AuditMemberRemoved,
        A::GroupCreated => Msg::AuditGroupCreated,
        A::GroupUpdated => Msg::AuditGroupUpdated,
        A::GroupDeleted => Msg::AuditGroupDeleted,
        A::CustomFieldCreated => Msg::AuditCustomFieldCreated,
        A::CustomFieldDeleted => Msg::AuditCustomFieldDeleted,
        A::PlatformAdminCreated => Msg::AuditPlatformAdminCreated,
        A::PlatformDefaultLanguageSet => Msg::AuditPlatformDefaultLanguageSet,
        A::PlatformSeatLimitSet => Msg::AuditPlatformSeatLimitSet,
        A::PlatformTimeZoneSet => Msg::AuditPlatformTimeZoneSet,
        A::LoginThrottled => Msg::AuditLoginThrottled,
        A::ImportCompleted => Msg::AuditImportCompleted,
    }
}

/// The sentence of a stored action code, or the code itself when this
/// version does not know it.
pub fn action_text(stored: &Result<AuditAction, String>, lang: Lang) -> String {
    match stored {
        Ok(known) => lang.t(action(*known)).to_owned(),
        Err(code) => code.clone(),
    }
}

fn roles(list: &[GroupRole], lang: Lang) -> String {
    if list.is_empty() {
        return lang.t(Msg::NoRole).to_owned();
    }
    list.iter()
        .map(|r| lang.t(role(*r)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn grants(list: &[(String, GroupRole)], lang: Lang) -> String {
    list.iter()
        .map(|(group, r)| format!("{} ({group})", lang.t(role(*r))))
        .collect::<Vec<_>>()
        .join(", ")
}

fn limit(value: Option<i64>, lang: Lang) -> String {
    match value {
        Some(n) => lang.count(n),
        None => lang.t(Msg::Unlimited).to_owned(),
    }
}

fn text(value: impl Into<String>) -> Arg {
    Arg::Text(value.into())
}

/// One fact of an entry's details as a short sentence.
pub fn detail(detail: &Detail, lang: Lang) -> String {
    match detail {
        Detail::Roles(list) => lang.fmt(Msg::DetailRoles, &[("roles", text(roles(list, lang)))]),
        Detail::RolesChange { from, to } => lang.fmt(
            Msg::DetailRolesChange,
            &[
                ("from", text(roles(from, lang))),
                ("to", text(roles(to, lang))),
            ],
        ),
        Detail::Grants(list) => {
            lang.fmt(Msg::DetailGrants, &[("grants", text(grants(list, lang)))])
        }
        Detail::Propagated(list) => lang.fmt(
            Msg::DetailPropagated,
            &[("grants", text(grants(list, lang)))],
        ),
        Detail::RolesRemoved(list) => lang.fmt(
            Msg::DetailRolesRemoved,
            &[("grants", text(grants(list, lang)))],
        ),
        Detail::AccountType(kind) => lang.fmt(
            Msg::DetailAccountType,
            &[("kind", text(lang.t(account_type(*kind))))],
        ),
        Detail::TypeChange { from, to } => lang.fmt(
            Msg::DetailChange,
            &[
                ("from", text(lang.t(account_type(*from)))),
                ("to", text(lang.t(account_type(*to)))),
            ],
        ),
        Detail::PlatformAdmin => lang.t(Msg::PlatformAdmin).to_owned(),
        Detail::LanguageChange { from, to } => lang.fmt(
            Msg::DetailChange,
            &[
                ("from", text(from.name_in(lang))),
                ("to", text(to.name_in(lang))),
            ],
        ),
        Detail::SeatLimitChange { from, to } => lang.fmt(
            Msg::DetailChange,
            &[
                ("from", text(limit(*from, lang))),
                ("to", text(limit(*to, lang))),
            ],
        ),
        Detail::NoSeat { limit, used } => lang.fmt(
            Msg::SeatsUsage,
            &[("used", (*used).into()), ("limit", (*limit).into())],
        ),
        Detail::TextChange { from, to } => lang.fmt(
            Msg::DetailChange,
            &[("from", text(from.clone())), ("to", text(to.clone()))],
        ),
        Detail::DeletionDate(at) => lang.fmt(
            Msg::DetailDeletionDate,
            &[(
                "date",
                text(super::date(at.ms + i64::from(at.offset_s) * 1000, lang)),
            )],
        ),
        Detail::Name(name) => lang.fmt(Msg::DetailName, &[("name", text(name.clone()))]),
        Detail::LoginName(name) => lang.fmt(Msg::DetailLoginName, &[("name", text(name.clone()))]),
        Detail::FieldKey(key) => lang.fmt(Msg::DetailFieldKey, &[("key", text(key.clone()))]),
        Detail::WaitedForSeat => lang.t(Msg::DetailWaitedForSeat).to_owned(),
        Detail::CredentialsMailed => lang.t(Msg::DetailCredentialsMailed).to_owned(),
        Detail::Client(address) => {
            lang.fmt(Msg::DetailClient, &[("address", text(address.clone()))])
        }
    }
}

const MONTHS: [[&str; 12]; 3] = [
    [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ],
    [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    [
        "jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.",
        "dec.",
    ],
];

/// A month as the reader names it: `nov. 2026`, `Nov 2026`, `nov. 2026`.
pub fn month(month: Month, lang: Lang) -> String {
    let name = MONTHS[lang as usize][usize::from(month.month.clamp(1, 12) - 1)];
    format!("{name} {}", month.year)
}

/// Date and time in the reader's zone: `04/12/2026 18:11` in French,
/// `Dec 4, 2026, 18:11` in English, `04-12-2026 18:11` in Dutch.
pub fn date_time(at: LocalTime, lang: Lang) -> String {
    let local = at.ms + i64::from(at.offset_s) * 1000;
    let minutes = local.div_euclid(60_000);
    let (hour, minute) = (
        minutes.div_euclid(60).rem_euclid(24),
        minutes.rem_euclid(60),
    );
    let day = super::date(local, lang);
    match lang {
        Lang::En => format!("{day}, {hour:02}:{minute:02}"),
        Lang::Fr | Lang::Nl => format!("{day} {hour:02}:{minute:02}"),
    }
}

/// `UTC+1`, `UTC−5:30`: the zone's offset at that instant, for a title.
pub fn offset(at: LocalTime) -> String {
    let s = at.offset_s;
    let sign = if s < 0 { '−' } else { '+' };
    let (h, m) = (s.abs() / 3600, (s.abs() % 3600) / 60);
    if m == 0 {
        format!("UTC{sign}{h}")
    } else {
        format!("UTC{sign}{h}:{m:02}")
    }
}

/// Why an address is refused, in words.
pub fn email_error(e: crate::domain::EmailError, lang: Lang) -> String {
    use crate::domain::EmailError;
    let msg = match e {
        EmailError::Empty => Msg::EmailEmpty,
        EmailError::Whitespace => Msg::EmailWhitespace,
        EmailError::MissingAt => Msg::EmailMissingAt,
        EmailError::MultipleAt => Msg::EmailMultipleAt,
        EmailError::EmptyLocal => Msg::EmailEmptyLocal,
        EmailError::LocalTooLong => Msg::EmailLocalTooLong,
        EmailError::InvalidLocalChar(c) => {
            return lang.fmt(Msg::EmailInvalidCharIs, &[("char", c.to_string().into())]);
        }
        EmailError::DotPlacement => Msg::EmailDotPlacement,
        EmailError::EmptyDomain => Msg::EmailEmptyDomain,
        EmailError::DomainNoDot => Msg::EmailDomainNoDot,
        EmailError::InvalidDomain => Msg::EmailInvalidDomain,
        EmailError::TooLong => Msg::EmailTooLong,
    };
    lang.t(msg).to_owned()
}

pub fn field_error(e: crate::domain::custom_field::FieldError) -> Msg {
    use crate::domain::custom_field::FieldError;
    match e {
        FieldError::Required => Msg::ErrFieldRequired,
        FieldError::TooLong => Msg::ErrFieldTooLong,
        FieldError::NotANumber => Msg::ErrFieldNumber,
        FieldError::NotADate => Msg::ErrFieldDate,
        FieldError::NotAChoice => Msg::ErrFieldChoice,
    }
}

fn field_label(key: &str, defs: &[FieldDef], lang: Lang) -> String {
    defs.iter()
        .find(|d| d.key == key)
        .map_or_else(|| key.to_owned(), |d| d.labels.get(lang).to_owned())
}

/// A column of an import file, as the wizard names it.
pub fn import_target(target: &Target, defs: &[FieldDef], lang: Lang) -> String {
    let msg = match target {
        Target::Email => Msg::Email,
        Target::FirstName => Msg::FirstName,
        Target::LastName => Msg::LastName,
        Target::Language => Msg::Language,
        Target::Groups => Msg::ImportTargetGroups,
        Target::Roles => Msg::ImportTargetRoles,
        Target::Admin => Msg::ImportTargetAdmin,
        Target::AccountType => Msg::ImportTargetType,
        Target::DeletionDate => Msg::ImportTargetDeletion,
        Target::Custom(key) => return field_label(key, defs, lang),
    };
    lang.t(msg).to_owned()
}

/// What a column of the template takes (its second sheet).
pub fn import_target_help(target: &Target, defs: &[FieldDef], lang: Lang) -> String {
    let msg = match target {
        Target::Email => Msg::ImportHelpEmail,
        Target::FirstName | Target::LastName => Msg::ImportHelpName,
        Target::Language => Msg::ImportHelpLanguage,
        Target::Groups => Msg::ImportHelpGroups,
        Target::Roles => Msg::ImportHelpRoles,
        Target::Admin => Msg::ImportHelpAdmin,
        Target::AccountType => Msg::ImportHelpType,
        Target::DeletionDate => Msg::ImportHelpDate,
        Target::Custom(key) => {
            let kind = defs
                .iter()
                .find(|d| &d.key == key)
                .map(|d| d.field_type.as_str())
                .unwrap_or("text");
            return lang.fmt(Msg::ImportHelpCustom, &[("kind", kind.to_owned().into())]);
        }
    };
    lang.t(msg).to_owned()
}

pub fn verdict_kind(kind: VerdictKind) -> Msg {
    match kind {
        VerdictKind::Invite => Msg::ImportKindInvite,
        VerdictKind::Create => Msg::ImportKindCreate,
        VerdictKind::Update => Msg::ImportKindUpdate,
        VerdictKind::AddToGroups => Msg::ImportKindAdd,
        VerdictKind::Merge => Msg::ImportKindMerge,
        VerdictKind::Unchanged => Msg::ImportKindUnchanged,
        VerdictKind::Duplicate => Msg::ImportKindDuplicate,
        VerdictKind::Error => Msg::ImportKindError,
    }
}

/// A row's verdict as a sentence (preview, report, downloaded files).
pub fn verdict(verdict: &Verdict, defs: &[FieldDef], lang: Lang) -> String {
    match verdict {
        Verdict::Invite => lang.t(Msg::ImportVerdictInvite).to_owned(),
        Verdict::Create => lang.t(Msg::ImportVerdictCreate).to_owned(),
        Verdict::Update(fields) => {
            let names: Vec<String> = fields
                .iter()
                .map(|t| import_target(t, defs, lang))
                .collect();
            lang.fmt(
                Msg::ImportVerdictUpdate,
                &[("fields", names.join(", ").into())],
            )
        }
        Verdict::AddToGroups => lang.t(Msg::ImportVerdictAdd).to_owned(),
        Verdict::Merge => lang.t(Msg::ImportVerdictMerge).to_owned(),
        Verdict::AlreadyInvited => lang.t(Msg::ImportVerdictAlreadyInvited).to_owned(),
        Verdict::UpToDate => lang.t(Msg::ImportVerdictUpToDate).to_owned(),
        Verdict::Duplicate(line) => lang.fmt(
            Msg::ImportVerdictDuplicate,
            &[("line", (*line as i64).into())],
        ),
        Verdict::Error(problems) => problems
            .iter()
            .map(|p| row_problem(p, defs, lang))
            .collect::<Vec<_>>()
            .join(" · "),
    }
}

fn row_problem(problem: &RowProblem, defs: &[FieldDef], lang: Lang) -> String {
    let with = |msg, name: &str, value: &str| lang.fmt(msg, &[(name, value.to_owned().into())]);
    match problem {
        RowProblem::MissingEmail => lang.t(Msg::ImportRowMissingEmail).to_owned(),
        RowProblem::InvalidEmail(e) => {
            with(Msg::ImportRowInvalidEmail, "why", &email_error(*e, lang))
        }
        RowProblem::UnknownLanguage(v) => with(Msg::ImportRowUnknownLanguage, "value", v),
        RowProblem::UnknownRole(v) => with(Msg::ImportRowUnknownRole, "value", v),
        RowProblem::BadBool(v) => with(Msg::ImportRowBadBool, "value", v),
        RowProblem::UnknownType(v) => with(Msg::ImportRowUnknownType, "value", v),
        RowProblem::BadDate(v) => with(Msg::ImportRowBadDate, "value", v),
        RowProblem::DeletionInPast => lang.t(Msg::ErrDeletionInPast).to_owned(),
        RowProblem::UnknownGroup(v) => with(Msg::ImportRowUnknownGroup, "value", v),
        RowProblem::AmbiguousGroup(v) => with(Msg::ImportRowAmbiguousGroup, "value", v),
        RowProblem::NoGroup => lang.t(Msg::ImportRowNoGroup).to_owned(),
        RowProblem::NoRole => lang.t(Msg::ErrNoRole).to_owned(),
        RowProblem::RoleNotAllowed(r) => {
            with(Msg::ImportRowRoleNotAllowed, "role", lang.t(role(*r)))
        }
        RowProblem::AdminRefused => lang.t(Msg::ImportRowAdminRefused).to_owned(),
        RowProblem::GuestRole(_) => lang.t(Msg::ErrGuestLearnerOnly).to_owned(),
        RowProblem::GuestAdmin => lang.t(Msg::ErrGuestNotPlatformAdmin).to_owned(),
        RowProblem::GuestHeldRoles(roles) => with(
            Msg::ImportRowGuestHeldRoles,
            "roles",
            &roles
                .iter()
                .map(|r| lang.t(role(*r)))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        RowProblem::NamesMissing => lang.t(Msg::ImportRowNamesMissing).to_owned(),
        RowProblem::NameInvalid => lang.t(Msg::ImportRowNameInvalid).to_owned(),
        RowProblem::Field(key, e) => lang.fmt(
            Msg::ImportRowField,
            &[
                ("field", field_label(key, defs, lang).into()),
                ("why", lang.t(field_error(*e)).to_owned().into()),
            ],
        ),
        RowProblem::OwnAccount => lang.t(Msg::ImportRowOwnAccount).to_owned(),
        RowProblem::AddressInUse => lang.t(Msg::ImportRowAddressInUse).to_owned(),
        RowProblem::NoSeat => lang.t(Msg::ImportRowNoSeat).to_owned(),
        RowProblem::Refused(msg) => lang.t(*msg).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_and_time_are_written_in_the_reader_zone_and_language() {
        // 2026-11-30T23:30Z is already December in Paris (UTC+1).
        let at = LocalTime {
            ms: 1_796_081_400_000,
            offset_s: 3600,
        };
        assert_eq!(date_time(at, Lang::Fr), "01/12/2026 00:30");
        assert_eq!(date_time(at, Lang::En), "Dec 1, 2026, 00:30");
        assert_eq!(
            date_time(LocalTime { offset_s: 0, ..at }, Lang::Nl),
            "30-11-2026 23:30"
        );
        assert_eq!(offset(at), "UTC+1");
        assert_eq!(
            offset(LocalTime {
                ms: 0,
                offset_s: -19_800
            }),
            "UTC−5:30"
        );
    }

    #[test]
    fn every_action_has_its_own_sentence_in_every_language() {
        for lang in Lang::ALL {
            let mut seen = std::collections::BTreeSet::new();
            for &a in AuditAction::ALL {
                let sentence = lang.t(action(a));
                assert!(!sentence.is_empty());
                assert!(
                    seen.insert(sentence),
                    "{a} reads like another action in {lang:?}"
                );
            }
        }
    }
}
