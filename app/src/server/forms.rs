//! Reading what a form posted (the `contracts` inputs, as typed) into what a
//! service takes: checkboxes present or absent, `YYYY-MM-DD` dates, lenient
//! codes. Server functions call one of these and hand the result on, so the
//! rules of reading a form live here and not in every server function.

use std::collections::HashMap;

use time::macros::format_description;
use time::{Date, PrimitiveDateTime, Time};

use super::error::{AppError, AppResult};
use super::services::accounts::{CreateRequest, IfInvited};
use super::services::groups::GroupInput;
use super::services::invitation_tab::{BulkAction, BulkTarget};
use super::services::invitations::{AcceptInput, InviteRequest};
use super::services::memberships::AddToGroupsRequest;
use super::services::profiles::ProfileUpdate;
use super::services::setup::AdminInput;
use crate::contracts::accounts::{
    AddToGroupsInput, ConvertInput, CreateAccountInput, ProfileInput, checked,
};
use crate::contracts::form::RoleChecks;
use crate::contracts::groups::{CreateGroupInput, UpdateGroupInput};
use crate::contracts::invitation_tab::{
    BulkInput, DeliveryFilter, ListInput, SortKey, StatusFilter, TabFilter,
};
use crate::contracts::invitations::{AcceptInvitationInput, InviteInput};
use crate::contracts::setup::FirstAdminInput;
use crate::domain::{AccountType, GroupId, GroupRole, UserId};
use crate::i18n::{Lang, Msg};

impl RoleChecks {
    /// The ticked roles, in the order group admin, user admin, trainer,
    /// learner.
    pub fn ticked(self) -> Vec<GroupRole> {
        [
            self.group_admin,
            self.user_admin,
            self.trainer,
            self.learner,
        ]
        .into_iter()
        .zip(GroupRole::ALL)
        .filter_map(|(checked, role)| checked.map(|_| role))
        .collect()
    }
}

/// The group chooser's ticked checkboxes (`input[groups][<id>]=on`), in id
/// order; keys that are not ids are dropped (the service judges the rest).
fn chosen_groups(groups: HashMap<String, String>) -> Vec<GroupId> {
    let mut ids: Vec<GroupId> = groups
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .filter_map(|(k, _)| k.parse().ok())
        .collect();
    ids.sort_unstable();
    ids
}

impl ConvertInput {
    /// The accounts (one, or the selection's comma-separated ids; what is
    /// not an id is dropped), the type asked, and whether the blocking
    /// roles are to be removed.
    pub fn into_request(self) -> AppResult<(Vec<UserId>, AccountType, bool)> {
        let mut ids: Vec<UserId> = self.user_id.into_iter().collect();
        ids.extend(
            self.user_ids
                .unwrap_or_default()
                .split(',')
                .filter_map(|id| id.trim().parse::<UserId>().ok()),
        );
        ids.sort_unstable();
        ids.dedup();
        let to = match self.to.trim() {
            "member" => AccountType::Member,
            "guest" => AccountType::Guest,
            _ => return Err(AppError::Invalid(Msg::ErrBadRequest)),
        };
        Ok((ids, to, checked(&self.remove_roles)))
    }
}

impl AddToGroupsInput {
    pub fn into_request(self) -> AddToGroupsRequest {
        AddToGroupsRequest {
            user_id: self.user_id,
            group_ids: chosen_groups(self.groups),
            roles: self.roles.ticked(),
        }
    }
}

impl CreateAccountInput {
    /// Fails only on a deletion date that is not a date; everything else is
    /// the service's to judge.
    pub fn into_request(self) -> AppResult<CreateRequest> {
        let group_ids = chosen_groups(self.groups);
        Ok(CreateRequest {
            origin_group: self.group_id,
            first_name: self.first_name,
            last_name: self.last_name,
            email: self.email.unwrap_or_default(),
            no_email: checked(&self.no_email),
            login_name: self.login_name.unwrap_or_default(),
            password: self.password.unwrap_or_default(),
            password_confirm: self.password_confirm.unwrap_or_default(),
            send_credentials: checked(&self.send_credentials),
            group_ids,
            roles: self.roles.ticked(),
            extra_info: self.extra_info.unwrap_or_default(),
            language: lang(&self.language),
            deletion_at: optional_date(self.deletion_date.as_deref())?,
            account_type: account_type(&self.account_type),
            custom: self.custom,
            if_invited: match self.if_invited.as_deref() {
                Some("create") => IfInvited::Create,
                Some("add") => IfInvited::AddGrants,
                _ => IfInvited::Ask,
            },
        })
    }
}

impl ProfileInput {
    pub fn into_update(self) -> AppResult<ProfileUpdate> {
        Ok(ProfileUpdate {
            extra_info: self.extra_info.unwrap_or_default(),
            deletion_at: optional_date(self.deletion_date.as_deref())?,
            custom: self.custom,
        })
    }
}

impl CreateGroupInput {
    pub fn parse(&self) -> AppResult<GroupInput> {
        GroupInput::parse(&self.name, &self.parent, &self.visibility)
    }
}

impl UpdateGroupInput {
    pub fn parse(&self) -> AppResult<GroupInput> {
        GroupInput::parse(&self.name, &self.parent, &self.visibility)
    }
}

impl crate::contracts::imports::RunInput {
    /// The mode and the defaults; a deletion date that is not a date is
    /// refused.
    pub fn into_request(self) -> AppResult<crate::server::services::imports::RunRequest> {
        use crate::domain::import::{Defaults, Mode};
        let deletion_date = self
            .deletion_date
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(|d| {
                optional_date(Some(d))?;
                Ok::<_, AppError>(d.to_owned())
            })
            .transpose()?;
        Ok(crate::server::services::imports::RunRequest {
            mode: Mode::parse(&self.mode).unwrap_or_default(),
            defaults: Defaults {
                language: lang(&self.language),
                roles: self.roles.ticked(),
                groups: Vec::new(),
                account_type: account_type(&self.account_type),
                deletion_date,
                custom: self.custom,
                message: self.message.unwrap_or_default(),
                send_credentials: self.send_credentials.is_some(),
            },
        })
    }
}

impl crate::contracts::imports::DialectInput {
    pub fn dialect(&self) -> crate::server::spreadsheet::Dialect {
        use crate::server::spreadsheet::{Dialect, Encoding, Separator};
        let given = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        Dialect {
            encoding: given(&self.encoding).as_deref().and_then(Encoding::parse),
            separator: given(&self.separator).as_deref().and_then(Separator::parse),
            sheet: given(&self.sheet),
        }
    }
}

/// `input[columns][<index>]` or `input[cells][<index>]`: by column index;
/// keys that are not indexes are dropped.
pub fn by_index(map: HashMap<String, String>) -> HashMap<usize, String> {
    map.into_iter()
        .filter_map(|(k, v)| Some((k.parse().ok()?, v)))
        .collect()
}

impl InviteInput {
    /// Fails only on a deletion date that is not a date.
    pub fn into_request(self) -> AppResult<InviteRequest> {
        Ok(InviteRequest {
            group_id: self.group_id,
            emails: self.emails,
            roles: self.roles.ticked(),
            language: lang(&self.language),
            deletion_at: optional_date(self.deletion_date.as_deref())?,
            message: self.message.unwrap_or_default(),
            account_type: account_type(&self.account_type),
            platform_admin: self.platform_admin.is_some(),
            custom: self.custom,
        })
    }
}

impl AcceptInvitationInput {
    /// The link's token, and the form.
    pub fn into_request(self) -> (String, AcceptInput) {
        let form = AcceptInput {
            first_name: self.first_name,
            last_name: self.last_name,
            password: self.password,
            password_confirm: self.password_confirm,
            language: lang(&self.language),
        };
        (self.token, form)
    }
}

impl FirstAdminInput {
    /// The setup link's token, and the admin to create, who gets the
    /// language the page was shown in.
    pub fn into_request(self, language: Lang) -> (String, AdminInput) {
        let admin = AdminInput {
            email: self.email,
            first_name: self.first_name,
            last_name: self.last_name,
            password: self.password,
            password_confirm: self.password_confirm,
            language,
        };
        (self.token, admin)
    }
}

impl ListInput {
    /// Unknown values mean "any" (or the default order): people edit URLs.
    pub fn filter(self) -> TabFilter {
        TabFilter {
            search: self.search.trim().to_owned(),
            status: StatusFilter::from_query(&self.status),
            // A mail being sent shows as queued: the two are one filter.
            delivery: match self.delivery.trim() {
                "sending" => DeliveryFilter::Queued,
                other => DeliveryFilter::from_query(other),
            },
            group_id: self.group.trim().parse().ok(),
            inviter_id: self.inviter.trim().parse().ok(),
            sort: SortKey::from_query(&self.sort),
            page: self.page.max(1),
        }
    }
}

impl BulkInput {
    /// An unknown action is `NotFound`; ids that are not numbers are
    /// skipped.
    pub fn into_request(self) -> AppResult<(BulkAction, BulkTarget)> {
        let action = match self.action.as_str() {
            "cancel" => BulkAction::Cancel,
            "resend" => BulkAction::Resend,
            _ => return Err(AppError::NotFound),
        };
        let target = if self.all_matching {
            let query = ListInput {
                search: self.search,
                status: self.status,
                delivery: self.delivery,
                group: self.group,
                inviter: self.inviter,
                sort: String::new(),
                page: 1,
            };
            BulkTarget::Matching(query.filter())
        } else {
            BulkTarget::Ids(
                self.ids
                    .split(',')
                    .filter_map(|id| id.trim().parse().ok())
                    .collect(),
            )
        };
        Ok((action, target))
    }
}

/// A language code; anything else is the default language.
fn lang(code: &str) -> Lang {
    Lang::parse(code).unwrap_or_default()
}

/// `member` / `guest` (or their French labels); anything else is a member.
fn account_type(value: &str) -> AccountType {
    AccountType::parse(value).unwrap_or(AccountType::Member)
}

/// `YYYY-MM-DD` (what `<input type="date">` sends) → midnight UTC in
/// milliseconds; empty or absent → `None`.
pub fn optional_date(value: Option<&str>) -> AppResult<Option<i64>> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let date = Date::parse(value, format_description!("[year]-[month]-[day]"))
        .map_err(|_| AppError::Invalid(Msg::ErrInvalidDate))?;
    let instant = PrimitiveDateTime::new(date, Time::MIDNIGHT).assume_utc();
    Ok(Some((instant.unix_timestamp_nanos() / 1_000_000) as i64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::accounts::{AddToGroups, CreateAccount};
    use crate::api::auth::Login;
    use crate::api::groups::{RemoveMember, SetMemberRoles, UpdateGroup};
    use crate::api::invitation_tab::{BulkInvitations, GetInvitations};
    use crate::api::invitations::{AcceptInvitation, InviteUsers};
    use crate::domain::{InvitationId, UserId};
    use serde::Serialize;
    use serde::de::DeserializeOwned;

    /// A form body read as the server reads it (`server_fn`'s `PostUrl`:
    /// serde_qs, depth 5, not strict, so `%5B`/`%5D` count as brackets).
    fn decode<T: DeserializeOwned>(body: &str) -> T {
        serde_qs::Config::new(5, false)
            .deserialize_str(body)
            .unwrap_or_else(|e| panic!("{body}: {e}"))
    }

    /// What the hydrated client does with a form: read it into the
    /// arguments, then post them again; nothing may change on the way.
    /// (Compared as JSON: the arguments' structs have no `PartialEq`.)
    fn round_trip<T: Serialize + DeserializeOwned>(args: &T) {
        let body = serde_qs::to_string(args).unwrap();
        let json = |value: &T| serde_json::to_value(value).unwrap();
        assert_eq!(json(&decode::<T>(&body)), json(args), "{body}");
    }

    /// As a browser posts `CRÉER COMPTE`: brackets percent-encoded,
    /// unticked checkboxes absent, empty fields empty.
    const CREATE_BODY: &str = "input%5Bgroup_id%5D=12&input%5Bif_invited%5D=\
        &input%5Bfirst_name%5D=Marie&input%5Blast_name%5D=Curie\
        &input%5Bemail%5D=&input%5Bno_email%5D=on&input%5Blogin_name%5D=mcurie\
        &input%5Bpassword%5D=&input%5Bpassword_confirm%5D=\
        &input%5Bgroups%5D%5B12%5D=on&input%5Bgroups%5D%5B7%5D=on\
        &input%5Broles%5D%5Btrainer%5D=on&input%5Broles%5D%5Blearner%5D=on\
        &input%5Bextra_info%5D=&input%5Blanguage%5D=en&input%5Bdeletion_date%5D=2030-01-31\
        &input%5Baccount_type%5D=guest&input%5Bcustom%5D%5Bmatricule%5D=1+234";

    #[test]
    fn a_create_account_form_reads_into_its_request() {
        let args: CreateAccount = decode(CREATE_BODY);
        assert_eq!(args.input.group_id, GroupId(12));
        assert_eq!(args.input.email, None, "an empty field is absent");
        assert_eq!(args.input.send_credentials, None);
        round_trip(&args);
        let req = args.input.into_request().unwrap();
        assert_eq!(req.origin_group, GroupId(12));
        assert_eq!(
            (req.first_name.as_str(), req.last_name.as_str()),
            ("Marie", "Curie")
        );
        assert!(req.no_email && !req.send_credentials);
        assert_eq!(req.login_name, "mcurie");
        assert_eq!(req.group_ids, vec![GroupId(7), GroupId(12)]);
        assert_eq!(req.roles, vec![GroupRole::Trainer, GroupRole::Learner]);
        assert_eq!(req.language, Lang::En);
        assert_eq!(req.deletion_at, Some(1_896_048_000_000));
        assert_eq!(req.account_type, AccountType::Guest);
        assert_eq!(
            req.custom.get("matricule").map(String::as_str),
            Some("1 234")
        );
        assert_eq!(req.if_invited, IfInvited::Ask);
    }

    #[test]
    fn a_minimal_create_account_form_reads_with_lenient_defaults() {
        let args: CreateAccount = decode(
            "input[group_id]=1&input[first_name]=A&input[last_name]=B\
             &input[language]=xx&input[account_type]=?&input[if_invited]=add",
        );
        round_trip(&args);
        let req = args.input.into_request().unwrap();
        assert!(req.group_ids.is_empty() && req.roles.is_empty() && req.custom.is_empty());
        assert_eq!(req.language, Lang::default());
        assert_eq!(req.account_type, AccountType::Member);
        assert_eq!(req.deletion_at, None);
        assert_eq!(req.if_invited, IfInvited::AddGrants);
        let bad_date: CreateAccount = decode(
            "input[group_id]=1&input[first_name]=A&input[last_name]=B\
             &input[language]=fr&input[account_type]=member&input[deletion_date]=31/01/2030",
        );
        assert!(bad_date.input.into_request().is_err());
    }

    #[test]
    fn a_form_with_the_old_top_level_names_does_not_parse() {
        let old = "group_id=1&first_name=A&last_name=B&language=fr&account_type=member";
        assert!(
            serde_qs::Config::new(5, false)
                .deserialize_str::<CreateAccount>(old)
                .is_err()
        );
    }

    #[test]
    fn an_invite_form_reads_into_its_request() {
        let args: InviteUsers = decode(
            "input%5Bgroup_id%5D=3&input%5Bemails%5D=a%40b.fr%3B+c%40d.fr\
             &input%5Broles%5D%5Bgroup_admin%5D=on&input%5Blanguage%5D=fr\
             &input%5Bdeletion_date%5D=&input%5Baccount_type%5D=member\
             &input%5Bmessage%5D=Bienvenue&input%5Bplatform_admin%5D=on&input%5Bcustom%5D%5Bville%5D=Lyon",
        );
        round_trip(&args);
        let req = args.input.into_request().unwrap();
        assert_eq!(req.group_id, GroupId(3));
        assert_eq!(req.emails, "a@b.fr; c@d.fr");
        assert_eq!(req.roles, vec![GroupRole::GroupAdmin]);
        assert_eq!(req.deletion_at, None);
        assert_eq!(req.message, "Bienvenue");
        assert!(req.platform_admin);
        assert_eq!(req.custom.get("ville").map(String::as_str), Some("Lyon"));
    }

    #[test]
    fn member_forms_read_ids_and_ticked_roles() {
        let none: SetMemberRoles = decode("input[group_id]=4&input[user_id]=9");
        round_trip(&none);
        assert_eq!(
            (none.input.group_id, none.input.user_id),
            (GroupId(4), UserId(9))
        );
        assert!(none.input.roles.ticked().is_empty(), "none ticked: removed");
        let some: SetMemberRoles =
            decode("input[group_id]=4&input[user_id]=9&input[roles][user_admin]=on");
        assert_eq!(some.input.roles.ticked(), vec![GroupRole::UserAdmin]);
        let remove: RemoveMember = decode("input%5Bgroup_id%5D=4&input%5Buser_id%5D=9");
        assert_eq!(
            (remove.input.group_id, remove.input.user_id),
            (GroupId(4), UserId(9))
        );
        let update: UpdateGroup =
            decode("input[id]=5&input[name]=Ventes&input[parent]=&input[visibility]=public");
        round_trip(&update);
        let parsed = update.input.parse().unwrap();
        assert_eq!((parsed.name.as_str(), parsed.parent), ("Ventes", None));
    }

    #[test]
    fn the_add_to_groups_form_reads_its_groups_and_roles() {
        let args: AddToGroups = decode(
            "input%5Buser_id%5D=9&input%5Bgroups%5D%5B12%5D=on&input%5Bgroups%5D%5B7%5D=on\
             &input%5Broles%5D%5Blearner%5D=on",
        );
        round_trip(&args);
        let req = args.input.into_request();
        assert_eq!(req.user_id, UserId(9));
        assert_eq!(req.group_ids, vec![GroupId(7), GroupId(12)]);
        assert_eq!(req.roles, vec![GroupRole::Learner]);
        let empty: AddToGroups = decode("input[user_id]=9");
        let req = empty.input.into_request();
        assert!(req.group_ids.is_empty() && req.roles.is_empty());
    }

    #[test]
    fn the_tab_filter_and_bulk_forms_read_leniently() {
        let list: GetInvitations = decode(
            "input[search]=+marie+&input[status]=expired&input[delivery]=sending\
             &input[group]=7&input[inviter]=x&input[sort]=oldest&input[page]=0",
        );
        round_trip(&list);
        let filter = list.input.filter();
        assert_eq!(filter.search, "marie");
        assert_eq!(filter.status, StatusFilter::Expired);
        assert_eq!(filter.delivery, DeliveryFilter::Queued);
        assert_eq!(
            (filter.group_id, filter.inviter_id),
            (Some(GroupId(7)), None)
        );
        assert_eq!((filter.sort, filter.page), (SortKey::Oldest, 1));

        let bulk: BulkInvitations = decode(
            "input[action]=cancel&input[ids]=3,+4,x&input[all_matching]=false\
             &input[search]=&input[status]=&input[delivery]=&input[group]=&input[inviter]=",
        );
        round_trip(&bulk);
        match bulk.input.into_request().unwrap() {
            (BulkAction::Cancel, BulkTarget::Ids(ids)) => {
                assert_eq!(ids, vec![InvitationId(3), InvitationId(4)])
            }
            _ => panic!("cancel the selection"),
        }
        let all: BulkInvitations = decode(
            "input[action]=resend&input[ids]=&input[all_matching]=true\
             &input[search]=&input[status]=pending&input[delivery]=&input[group]=2&input[inviter]=",
        );
        match all.input.into_request().unwrap() {
            (BulkAction::Resend, BulkTarget::Matching(f)) => {
                assert_eq!(
                    (f.status, f.group_id, f.page),
                    (StatusFilter::Pending, Some(GroupId(2)), 1)
                )
            }
            _ => panic!("re-send everything matching"),
        }
        let unknown: BulkInvitations = decode(
            "input[action]=delete&input[ids]=1&input[all_matching]=false\
             &input[search]=&input[status]=&input[delivery]=&input[group]=&input[inviter]=",
        );
        assert!(matches!(
            unknown.input.into_request(),
            Err(AppError::NotFound)
        ));
    }

    #[test]
    fn sign_in_and_first_login_forms_read_as_typed() {
        let login: Login =
            decode("input%5Bidentifier%5D=ada%40exemple.fr&input%5Bpassword%5D=a+b%26c");
        round_trip(&login);
        assert_eq!(login.input.identifier, "ada@exemple.fr");
        assert_eq!(login.input.password, "a b&c");
        let accept: AcceptInvitation = decode(
            "input[token]=abc&input[first_name]=Yves&input[last_name]=Dupont\
             &input[password]=p&input[password_confirm]=p&input[language]=en-GB",
        );
        round_trip(&accept);
        let (token, form) = accept.input.into_request();
        assert_eq!(token, "abc");
        assert_eq!(form.language, Lang::En);
    }

    #[test]
    fn dates_are_midnight_utc_and_blank_means_none() {
        assert_eq!(
            optional_date(Some("2026-11-22")).unwrap(),
            Some(1_795_305_600_000)
        );
        assert_eq!(optional_date(Some("  ")).unwrap(), None);
        assert_eq!(optional_date(None).unwrap(), None);
        assert!(optional_date(Some("22/11/2026")).is_err());
    }
}
