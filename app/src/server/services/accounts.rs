//! `Créer un compte`: an admin creates an account directly. It is active
//! and billable at once, in every group chosen with every role ticked
//! (learner propagating upward from public groups). The password is typed
//! by the admin, or chosen by the person through a mailed one-time link;
//! an account without an address gets a login name and, if none was
//! typed, a generated password shown once.

use crate::domain::audit::AuditAction;
use std::collections::{HashMap, HashSet};

use crate::contracts::accounts::CreateOutcome;
use crate::contracts::error::FormField;
use crate::domain::billing::BillingReason;
use crate::domain::login_name::parse_login_name;
use crate::domain::policy::AccountReach;
use crate::domain::{AccountType, Email, FieldId, GroupId, GroupRole, GroupTree, UserId, policy};
use crate::i18n::{Lang, Msg};
use crate::server::auth::password as hashing;
use crate::server::error::{AppError, AppResult, Problems, is_unique_violation};
use crate::server::services::auth::CurrentUser;
use crate::server::services::directory::Directory;
use crate::server::services::invitations::{self as invitations_service, MailContext, Merge};
use crate::server::services::{custom_fields, grants, password_links, seats};
use crate::server::state::AppState;
use crate::server::store::invitations::InvitationRecord;
use crate::server::store::users::UserRecord;
use crate::server::store::{
    Conn, audit, custom_fields as field_store, invitations, memberships, users,
};

const MAX_EXTRA_INFO_CHARS: usize = 2_000;

#[derive(Clone, Debug, Default)]
pub struct CreateRequest {
    /// The group whose panel was used (for the audit log).
    pub origin_group: GroupId,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub no_email: bool,
    pub login_name: String,
    pub password: String,
    pub password_confirm: String,
    pub send_credentials: bool,
    pub group_ids: Vec<GroupId>,
    pub roles: Vec<GroupRole>,
    pub extra_info: String,
    pub language: Lang,
    pub deletion_at: Option<i64>,
    pub account_type: AccountType,
    /// Custom field values by key, as typed.
    pub custom: HashMap<String, String>,
    /// What to do when the address has a pending invitation.
    pub if_invited: IfInvited,
}

/// The admin's answer to "a pending invitation exists for this address".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum IfInvited {
    /// Nothing is created; the outcome says so and what may be done.
    #[default]
    Ask,
    /// Create anyway: the invitation is used up. Only for an actor who may
    /// hand out the whole invitation (`policy::may_handle_invitation`).
    Create,
    /// Add the chosen groups and roles to the invitation instead.
    AddGrants,
}

/// How the person will sign in, once the request is checked.
enum Identity {
    Email(String),
    LoginName(String),
}

/// Where the password comes from.
enum PasswordSource {
    Typed(String),
    Generated(String),
    MailedLink,
}

struct Checked {
    first_name: String,
    last_name: String,
    identity: Identity,
    password: PasswordSource,
    grants: Vec<(GroupId, GroupRole)>,
    custom: Vec<(FieldId, String)>,
}

fn check(
    me: &CurrentUser,
    tree: &GroupTree,
    defs: &[crate::domain::custom_field::FieldDef],
    req: &CreateRequest,
    now: i64,
) -> AppResult<Checked> {
    // Every input is checked before answering, so the form shows every
    // problem at once, each on its input.
    let mut problems = Problems::default();
    let names = problems.names(&req.first_name, &req.last_name);
    let identity = if req.no_email {
        problems
            .take(
                FormField::LoginName,
                parse_login_name(&req.login_name),
                Msg::ErrLoginNameInvalid,
            )
            .map(Identity::LoginName)
    } else {
        problems
            .take(
                FormField::Email,
                Email::parse(&req.email),
                Msg::ErrEmailInvalid,
            )
            .map(|email| Identity::Email(email.as_str().to_owned()))
    };
    let password = password_source(req, &mut problems);
    if req.group_ids.is_empty() && !me.actor.platform_admin {
        problems.add(FormField::Groups, Msg::ErrNoGroup);
    }
    if !req.group_ids.is_empty() && req.roles.is_empty() {
        problems.add(FormField::Roles, Msg::ErrNoRole);
    }
    let mut grants = Vec::new();
    for &group in &req.group_ids {
        if !policy::may_manage_users(&me.actor, tree, group) {
            return Err(AppError::Forbidden);
        }
        for &role in &req.roles {
            if !policy::may_grant(&me.actor, tree, group, role) {
                return Err(AppError::Invalid(Msg::ErrRoleNotAllowed));
            }
            grants.push((group, role));
        }
    }
    if !policy::roles_not_held_by(req.account_type, &req.roles).is_empty() {
        problems.add(FormField::Roles, Msg::ErrGuestLearnerOnly);
    }
    if req.deletion_at.is_some_and(|at| at <= now) {
        problems.add(FormField::DeletionDate, Msg::ErrDeletionInPast);
    }
    if req.extra_info.chars().count() > MAX_EXTRA_INFO_CHARS {
        problems.add(FormField::ExtraInfo, Msg::ErrExtraInfoTooLong);
    }
    let (custom, field_errors) = custom_fields::check_all(defs, &req.custom);
    for (key, msg) in field_errors {
        problems.add(FormField::Custom(key), msg);
    }
    let (Some((first_name, last_name)), Some(identity), Some(password)) =
        (names, identity, password)
    else {
        return Err(problems.into_error());
    };
    problems.check()?;
    let (first_name, last_name) = (first_name.into_string(), last_name.into_string());
    Ok(Checked {
        first_name,
        last_name,
        identity,
        password,
        grants,
        custom,
    })
}

/// How the account gets its password: typed, mailed as a link, or
/// generated (accounts without an address). `None` when the form's choice
/// is refused (the problem is noted).
fn password_source(req: &CreateRequest, problems: &mut Problems) -> Option<PasswordSource> {
    let typed = !req.password.is_empty() || !req.password_confirm.is_empty();
    let refused = |problems: &mut Problems, field, msg| {
        problems.add(field, msg);
        None
    };
    match (typed, req.send_credentials, req.no_email) {
        (_, true, true) => refused(problems, FormField::Credentials, Msg::ErrNoEmailNoMail),
        (true, true, _) => refused(problems, FormField::Credentials, Msg::ErrPasswordOrMail),
        (false, true, _) => Some(PasswordSource::MailedLink),
        (true, false, _) => problems
            .password(&req.password, &req.password_confirm)
            .then(|| PasswordSource::Typed(req.password.clone())),
        (false, false, true) => Some(PasswordSource::Generated(hashing::generate())),
        (false, false, false) => refused(
            problems,
            FormField::Credentials,
            Msg::ErrPasswordOrMailMissing,
        ),
    }
}

/// An account as every door that creates one directly writes it: `CRÉER
/// COMPTE` and the import.
pub(crate) struct NewAccount<'a> {
    pub(crate) email: Option<String>,
    pub(crate) login_name: Option<String>,
    pub(crate) first_name: String,
    pub(crate) last_name: String,
    pub(crate) password_hash: Option<String>,
    pub(crate) account_type: AccountType,
    pub(crate) language: Lang,
    pub(crate) extra_info: &'a str,
    pub(crate) deletion_at: Option<i64>,
    pub(crate) custom: &'a [(FieldId, String)],
    pub(crate) grants: &'a [(GroupId, GroupRole)],
    /// The group whose panel was used (for the audit log).
    pub(crate) origin_group: GroupId,
    /// Queue the set-password link (with the login) to the address.
    pub(crate) mail_link: bool,
    pub(crate) consumed_invitation: Option<crate::domain::InvitationId>,
}

/// Inserts an active account in the caller's transaction: grants with
/// propagation, the seat check (`SeatsFull` when none is free — the caller
/// drops what it wrote), the set-password mail, the audit entry.
pub(crate) async fn insert_account(
    state: &AppState,
    tx: &mut Conn,
    me: &CurrentUser,
    tree: &GroupTree,
    new: &NewAccount<'_>,
    now: i64,
) -> AppResult<UserRecord> {
    let mut written = insert_accounts(state, tx, me, tree, std::slice::from_ref(new), now).await?;
    written
        .pop()
        .ok_or_else(|| AppError::internal("no account written"))
}

/// Every door that creates accounts directly comes here — `CRÉER COMPTE`
/// with one, the import with up to 500 at a time: the accounts, their
/// custom values and grants with propagation, the seat check for all of
/// them at once (`SeatsFull` when they do not all fit — the caller drops
/// what it wrote), billing, the set-password mails and the audit entries,
/// in a few multi-row statements. An address or identifiant already taken
/// refuses the whole batch (`ErrEmailTaken`, `ErrLoginNameTaken`).
pub(crate) async fn insert_accounts(
    state: &AppState,
    tx: &mut Conn,
    me: &CurrentUser,
    tree: &GroupTree,
    news: &[NewAccount<'_>],
    now: i64,
) -> AppResult<Vec<UserRecord>> {
    let rows: Vec<users::NewUser> = news
        .iter()
        .map(|new| users::NewUser {
            email: new.email.clone(),
            login_name: new.login_name.clone(),
            first_name: new.first_name.clone(),
            last_name: new.last_name.clone(),
            password_hash: new.password_hash.clone(),
            platform_admin: false,
            account_type: new.account_type,
            language: new.language,
            activated_at: Some(now),
            created_by: Some(me.user.id),
            extra_info: new.extra_info.to_owned(),
            deletion_at: new.deletion_at,
        })
        .collect();
    let ids = users::insert_many(tx, &rows, now).await.map_err(|e| {
        if !is_unique_violation(&e) {
            e.into()
        } else if news.iter().all(|n| n.login_name.is_some()) {
            AppError::Invalid(Msg::ErrLoginNameTaken)
        } else {
            AppError::Invalid(Msg::ErrEmailTaken)
        }
    })?;
    // The records as written, without reading them back.
    let written: Vec<UserRecord> = rows
        .into_iter()
        .zip(&ids)
        .map(|(row, id)| UserRecord {
            id: *id,
            email: row.email,
            login_name: row.login_name,
            first_name: row.first_name,
            last_name: row.last_name,
            password_hash: row.password_hash,
            platform_admin: false,
            account_type: row.account_type,
            language: row.language,
            activated_at: row.activated_at,
            deletion_at: row.deletion_at,
            created_at: now,
        })
        .collect();
    for (new, id) in news.iter().zip(&ids) {
        if let Some(invitation_id) = new.consumed_invitation {
            invitations::set_accepted_user(tx, invitation_id, *id).await?;
        }
    }
    let values: Vec<(UserId, FieldId, &str)> = news
        .iter()
        .zip(&ids)
        .flat_map(|(new, id)| new.custom.iter().map(|(f, v)| (*id, *f, v.as_str())))
        .collect();
    field_store::insert_values(tx, &values).await?;
    let granted: Vec<grants::Granted> = news
        .iter()
        .zip(&ids)
        .map(|(new, id)| grants::Granted {
            user_id: *id,
            account_type: new.account_type,
            grants: new.grants,
        })
        .collect();
    let applied = grants::apply_many(tx, tree, &granted, Some(me.user.id), now).await?;
    let billed: Vec<(UserId, AccountType)> = news
        .iter()
        .zip(&ids)
        .map(|(new, id)| (*id, new.account_type))
        .collect();
    seats::start_billing_many(tx, &billed, BillingReason::Created, now).await?;
    let mailed: Vec<UserRecord> = news
        .iter()
        .zip(&written)
        .filter(|(new, _)| new.mail_link)
        .map(|(_, user)| user.clone())
        .collect();
    if !mailed.is_empty() {
        password_links::issue_many(state, tx, &mailed, &me.user.display_name(), now).await?;
    }
    let entries: Vec<(AuditAction, audit::Entry)> = news
        .iter()
        .zip(&ids)
        .zip(&applied)
        .map(|((new, id), applied)| {
            let granted: HashSet<(GroupId, &str)> =
                applied.iter().map(|(g, r)| (*g, r.as_str())).collect();
            let entry = audit::Entry {
                actor_user_id: Some(me.user.id),
                target_user_id: Some(*id),
                target_email: new.email.clone(),
                group_id: Some(new.origin_group),
                details: serde_json::json!({
                    "login_name": new.login_name,
                    "grants": granted,
                    "credentials_mailed": new.mail_link,
                    "consumed_invitation": new.consumed_invitation,
                    "account_type": new.account_type.as_str(),
                })
                .to_string(),
            };
            (AuditAction::AccountCreated, entry)
        })
        .collect();
    audit::record_many(tx, &entries, now).await?;
    Ok(written)
}

/// "Add my groups and roles to the invitation": the create form's grants
/// merged into the pending invitation, as `INVITER` would merge them.
async fn add_to_invitation(
    state: &AppState,
    conn: &mut Conn,
    me: &CurrentUser,
    tree: &GroupTree,
    invitation: &InvitationRecord,
    checked: &Checked,
    now: i64,
) -> AppResult<()> {
    let ctx = MailContext {
        state,
        inviter: me.user.display_name(),
        names: Directory::load(conn).await?.names,
        tree,
    };
    let expires_at = now + invitations_service::lifecycle(conn).await?.lifetime;
    invitations_service::merge_into(
        conn,
        &ctx,
        me,
        invitation,
        Merge {
            grants: &checked.grants,
            options: None,
            expires_at,
            now,
        },
    )
    .await?;
    audit::record(
        conn,
        AuditAction::InvitationGrantsAdded,
        audit::Entry {
            actor_user_id: Some(me.user.id),
            target_email: Some(invitation.email.clone()),
            details: serde_json::json!({
                "invitation": invitation.id,
                "grants": checked.grants.iter().map(|(g, r)| (g, r.as_str())).collect::<Vec<_>>(),
            })
            .to_string(),
            ..Default::default()
        },
        now,
    )
    .await?;
    Ok(())
}

#[tracing::instrument(
    name = "accounts::create",
    skip_all,
    fields(
        actor = %me.user.id,
        group = %req.origin_group,
        groups = req.group_ids.len(),
        roles = req.roles.len(),
    )
)]
pub async fn create(
    state: &AppState,
    me: &CurrentUser,
    req: CreateRequest,
) -> AppResult<CreateOutcome> {
    let checked = {
        let mut conn = state.db.pool.acquire().await?;
        let tree = Directory::load(&mut conn).await?.tree;
        let defs = field_store::list(&mut conn).await?;
        check(me, &tree, &defs, &req, state.now())?
    };
    // Hashing is slow: done before the transaction, never inside it.
    let (password_hash, generated) = match &checked.password {
        PasswordSource::Typed(p) => (Some(hashing::hash(p.clone()).await?), None),
        PasswordSource::Generated(p) => (Some(hashing::hash(p.clone()).await?), Some(p.clone())),
        PasswordSource::MailedLink => (None, None),
    };
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let tree = Directory::load(&mut tx).await?.tree;
    let (email, login_name) = match &checked.identity {
        Identity::Email(e) => (Some(e.clone()), None),
        Identity::LoginName(n) => (None, Some(n.clone())),
    };
    let mut consumed_invitation = None;
    if let Some(email) = &email {
        if let Some(user) = users::by_email(&mut tx, email).await? {
            // Who the account is, only to an admin who reaches it.
            let memberships = memberships::roles_of_user(&mut tx, user.id).await?;
            let reach =
                policy::account_reach(&me.actor, &tree, user.id, user.platform_admin, &memberships);
            return Ok(CreateOutcome::ExistingAccount {
                account: (reach != AccountReach::None).then(|| (user.id, user.display_name())),
            });
        }
        if let Some(invitation) = invitations::pending_by_email(&mut tx, email).await? {
            let whole = invitations_service::may_handle(&mut tx, me, &tree, &invitation).await?;
            match req.if_invited {
                IfInvited::Create if whole => {
                    if !invitations::consume(&mut tx, invitation.id, now).await? {
                        return Err(AppError::Invalid(Msg::InvitationUsed));
                    }
                    consumed_invitation = Some(invitation.id);
                }
                IfInvited::AddGrants if !checked.grants.is_empty() => {
                    add_to_invitation(state, &mut tx, me, &tree, &invitation, &checked, now)
                        .await?;
                    tx.commit().await?;
                    state.mail_wakeup.notify_one();
                    return Ok(CreateOutcome::AddedToInvitation {
                        email: email.clone(),
                    });
                }
                _ => {
                    return Ok(CreateOutcome::PendingInvitation {
                        invitation_id: whole.then_some(invitation.id),
                        email: email.clone(),
                    });
                }
            }
        }
    }
    let mailed = matches!(checked.password, PasswordSource::MailedLink);
    let user = insert_account(
        state,
        &mut tx,
        me,
        &tree,
        &NewAccount {
            email: email.clone(),
            login_name: login_name.clone(),
            first_name: checked.first_name.clone(),
            last_name: checked.last_name.clone(),
            password_hash,
            account_type: req.account_type,
            language: req.language,
            extra_info: req.extra_info.trim(),
            deletion_at: req.deletion_at,
            custom: &checked.custom,
            grants: &checked.grants,
            origin_group: req.origin_group,
            mail_link: mailed,
            consumed_invitation,
        },
        now,
    )
    .await?;
    let user_id = user.id;
    tx.commit().await?;
    if mailed {
        state.mail_wakeup.notify_one();
    }
    Ok(CreateOutcome::Created {
        user_id,
        name: user.display_name(),
        login: email.or(login_name).unwrap_or_default(),
        generated_password: generated,
        credentials_mailed: mailed,
    })
}
