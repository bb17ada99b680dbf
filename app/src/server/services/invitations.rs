//! Invite by e-mail: `INVITER`, the first-login form, reminders.

use crate::domain::audit::AuditAction;
use std::collections::{HashMap, HashSet};

use crate::contracts::error::FormField;
use crate::contracts::invitations::{DroppedGrant, InviteLine, LinkView};
use crate::domain::billing::BillingReason;
use crate::domain::invitation::{self as rules, AddressState, InvitationState, InviteOutcome};
use crate::domain::{
    AccountType, GroupId, GroupRole, GroupTree, ListEntry, UserId, parse_email_list, policy,
};
use crate::i18n::{Lang, Msg};
use crate::server::auth::{password as hashing, token};
use crate::server::clock::{DAY, Millis};
use crate::server::error::{AppError, AppResult, Problems, is_unique_violation};
use crate::server::mail::templates::InvitationCopies;
use crate::server::mail::{InvitationMail, invitation as render_invitation};
use crate::server::services::auth::{CurrentUser, SignedIn, open_session};
use crate::server::services::directory::{self, Directory};
use crate::server::services::{custom_fields, grants, seats};
use crate::server::state::AppState;
use crate::server::store::invitations::{InvitationOptions, InvitationRecord};
use crate::server::store::{
    Conn, audit, custom_fields as field_store, invitations, outbox, settings, users,
};

pub const REMINDER_AFTER_KEY: &str = "invitation_reminder_after_ms";
pub const LIFETIME_KEY: &str = "invitation_lifetime_ms";
const DEFAULT_REMINDER_AFTER: Millis = 3 * DAY;
const DEFAULT_LIFETIME: Millis = 30 * DAY;

/// The two durations of the invitation lifecycle (settings, with defaults).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lifecycle {
    pub reminder_after: Millis,
    pub lifetime: Millis,
}

pub async fn lifecycle(conn: &mut Conn) -> AppResult<Lifecycle> {
    let read = |v: Option<String>, default| v.and_then(|v| v.parse().ok()).unwrap_or(default);
    Ok(Lifecycle {
        reminder_after: read(
            settings::get(conn, REMINDER_AFTER_KEY).await?,
            DEFAULT_REMINDER_AFTER,
        ),
        lifetime: read(settings::get(conn, LIFETIME_KEY).await?, DEFAULT_LIFETIME),
    })
}

#[derive(Clone, Debug, Default)]
pub struct InviteRequest {
    pub group_id: GroupId,
    pub emails: String,
    pub roles: Vec<GroupRole>,
    pub language: Lang,
    pub deletion_at: Option<i64>,
    pub message: String,
    pub account_type: AccountType,
    pub platform_admin: bool,
    /// Custom field values by key, as typed; copied to the account on
    /// acceptance.
    pub custom: HashMap<String, String>,
}

const MAX_MESSAGE_CHARS: usize = 2_000;

/// Checks what applies to the whole request; per-address problems are
/// outcomes, not errors.
fn authorize(me: &CurrentUser, tree: &GroupTree, req: &InviteRequest, now: i64) -> AppResult<()> {
    let group = req.group_id;
    super::groups::require_user_manager(me, tree, group)?;
    if req.roles.is_empty() {
        return Err(AppError::Invalid(Msg::ErrNoRole));
    }
    if req
        .roles
        .iter()
        .any(|r| !policy::may_grant(&me.actor, tree, group, *r))
    {
        return Err(AppError::Invalid(Msg::ErrRoleNotAllowed));
    }
    if req.platform_admin && !policy::may_grant_platform_admin(&me.actor) {
        return Err(AppError::Invalid(Msg::ErrRoleNotAllowed));
    }
    if !policy::roles_not_held_by(req.account_type, &req.roles).is_empty() {
        return Err(AppError::on(FormField::Roles, Msg::ErrGuestLearnerOnly));
    }
    if req.platform_admin && !policy::may_be_platform_admin(req.account_type) {
        return Err(AppError::Invalid(Msg::ErrGuestNotPlatformAdmin));
    }
    if req.deletion_at.is_some_and(|at| at <= now) {
        return Err(AppError::Invalid(Msg::ErrDeletionInPast));
    }
    if req.message.chars().count() > MAX_MESSAGE_CHARS {
        return Err(AppError::Invalid(Msg::ErrMessageTooLong));
    }
    Ok(())
}

/// Everything needed to write invitation mails during one request.
pub(crate) struct MailContext<'a> {
    pub(crate) state: &'a AppState,
    pub(crate) inviter: String,
    pub(crate) names: HashMap<GroupId, String>,
    pub(crate) tree: &'a GroupTree,
}

impl MailContext<'_> {
    pub(crate) fn group_label(&self, id: GroupId) -> String {
        directory::path(self.tree, &self.names, id)
    }

    pub(crate) fn link(&self, raw_token: &str) -> String {
        let mut link = self
            .state
            .config
            .public_url
            .join("/invitation")
            .expect("a static path joins any base URL");
        link.query_pairs_mut().append_pair("token", raw_token);
        link.to_string()
    }

    /// Adds a fresh link to the invitation and queues its mail.
    pub(crate) async fn send(
        &self,
        conn: &mut Conn,
        invitation: &InvitationRecord,
        reminder: bool,
        now: i64,
    ) -> AppResult<()> {
        let raw = token::generate();
        invitations::add_link(conn, invitation.id, &token::hash(&raw), now).await?;
        let mut group_ids: Vec<GroupId> = invitations::grants(conn, invitation.id)
            .await?
            .into_iter()
            .map(|(g, _)| g)
            .collect();
        group_ids.dedup();
        let labels: Vec<String> = group_ids.iter().map(|g| self.group_label(*g)).collect();
        let link = self.link(&raw);
        let rendered = render_invitation(&InvitationMail {
            lang: invitation.language,
            inviter: &self.inviter,
            groups: &labels,
            message: &invitation.message,
            link: &link,
            expires_at: invitation.expires_at,
            reminder,
        });
        outbox::enqueue(
            conn,
            &outbox::NewMail {
                kind: if reminder {
                    "invitation_reminder"
                } else {
                    "invitation"
                },
                recipient: invitation.email.clone(),
                subject: rendered.subject,
                body_text: rendered.text,
                body_html: rendered.html,
                invitation_id: Some(invitation.id),
                user_id: None,
            },
            self.state.config.public_url.host_str().unwrap_or("onboard"),
            now,
        )
        .await?;
        Ok(())
    }
}

/// One `INVITER` takes at most this many addresses: a bigger list is the
/// import's job (its own limits, progress and report).
pub const MAX_ADDRESSES: usize = 1_000;
/// Addresses written per transaction, so a long list never holds the
/// database's write lock for long (SQLite has one writer).
const ADDRESSES_PER_TRANSACTION: usize = 500;
/// An invalid entry is echoed back cut to this many characters.
const MAX_ECHOED_CHARS: usize = 80;

/// `INVITER`: one outcome per address, in the order typed. Valid addresses
/// go through whatever the others are. The list is written in short
/// transactions of `ADDRESSES_PER_TRANSACTION` addresses; each is checked
/// against the policy as the database stands then.
#[tracing::instrument(
    name = "invitations::invite",
    skip_all,
    fields(
        actor = %me.user.id,
        group = %req.group_id,
        roles = req.roles.len(),
        addresses = tracing::field::Empty,
    )
)]
pub async fn invite(
    state: &AppState,
    me: &CurrentUser,
    req: InviteRequest,
) -> AppResult<Vec<InviteLine>> {
    let entries = parse_email_list(&req.emails);
    tracing::Span::current().record("addresses", entries.len());
    if entries.len() > MAX_ADDRESSES {
        return Err(AppError::Invalid(Msg::ErrTooManyAddresses));
    }
    let mut lines = Vec::with_capacity(entries.len());
    let mut queued = false;
    let mut entries = entries.into_iter().peekable();
    // An empty list still goes through the checks once, so its answer is
    // the same as for a list (no role, forbidden group…).
    let mut first = true;
    while first || entries.peek().is_some() {
        first = false;
        let chunk: Vec<ListEntry> = entries.by_ref().take(ADDRESSES_PER_TRANSACTION).collect();
        queued |= invite_chunk(state, me, &req, chunk, &mut lines).await?;
    }
    if queued {
        state.mail_wakeup.notify_one();
    }
    Ok(lines)
}

/// One transaction of `invite`; true when a mail was queued.
async fn invite_chunk(
    state: &AppState,
    me: &CurrentUser,
    req: &InviteRequest,
    chunk: Vec<ListEntry>,
    lines: &mut Vec<InviteLine>,
) -> AppResult<bool> {
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let Directory {
        groups: all, tree, ..
    } = Directory::load(&mut tx).await?;
    authorize(me, &tree, req, now)?;
    let defs = field_store::list(&mut tx).await?;
    let values = custom_fields::check(&defs, &req.custom)?;
    let custom_json = (!values.is_empty()).then(|| custom_fields::to_json(&defs, &values));
    let life = lifecycle(&mut tx).await?;
    let ctx = MailContext {
        state,
        inviter: me.user.display_name(),
        names: all.iter().map(|g| (g.id, g.name.clone())).collect(),
        tree: &tree,
    };
    let options = InvitationOptions {
        language: req.language,
        account_type: req.account_type,
        platform_admin: req.platform_admin,
        message: req.message.trim().to_owned(),
        deletion_at: req.deletion_at,
    };
    let expires_at = now + life.lifetime;
    let grants: Vec<(GroupId, GroupRole)> = req.roles.iter().map(|r| (req.group_id, *r)).collect();
    let ask = Ask {
        group_id: req.group_id,
        grants: &grants,
        options: &options,
        custom_json: custom_json.as_deref(),
        expires_at,
        now,
        resend_unchanged: true,
    };
    // The chunk's addresses are looked up at once: the free ones are
    // invited together (`create_many`), the others one by one.
    let valid: Vec<String> = chunk
        .iter()
        .filter_map(|e| match e {
            ListEntry::Valid { email, .. } => Some(email.as_str().to_owned()),
            _ => None,
        })
        .collect();
    let mut taken: HashSet<String> = users::by_emails(&mut tx, &valid)
        .await?
        .into_iter()
        .filter_map(|u| u.email)
        .collect();
    taken.extend(
        invitations::pending_by_emails(&mut tx, &valid)
            .await?
            .into_iter()
            .map(|(i, _)| i.email),
    );
    let mut queued = false;
    let mut free: Vec<String> = Vec::new();
    for entry in chunk {
        let (address, outcome) = match entry {
            ListEntry::Invalid { raw, error } => (echo(&raw), InviteOutcome::Invalid(error)),
            ListEntry::Duplicate { email } => (email.into_string(), InviteOutcome::Duplicate),
            ListEntry::Valid { email, .. } if !taken.contains(email.as_str()) => {
                let address = email.into_string();
                free.push(address.clone());
                (address, rules::decide(AddressState::Unknown, &req.roles))
            }
            ListEntry::Valid { email, .. } => {
                let address = email.into_string();
                let (outcome, mailed) =
                    invite_address(&mut tx, &ctx, me, &tree, &address, &ask).await?;
                queued |= mailed;
                (address, outcome)
            }
        };
        lines.push(InviteLine { address, outcome });
    }
    let fresh: Vec<Fresh> = free
        .iter()
        .map(|address| Fresh { address, ask: &ask })
        .collect();
    create_many(&mut tx, &ctx, me, &fresh).await?;
    queued |= !fresh.is_empty();
    tx.commit().await?;
    Ok(queued)
}

/// One address's invitation as a door asks it: `INVITER` (the panel's
/// group and roles), the import (a row's groups and roles). Every door
/// that invites goes through here, so the rules for an existing account,
/// a pending invitation and one's own address are the same everywhere.
pub(crate) struct Ask<'a> {
    /// The group the audit log names (the panel's, a row's first).
    pub(crate) group_id: GroupId,
    pub(crate) grants: &'a [(GroupId, GroupRole)],
    pub(crate) options: &'a InvitationOptions,
    pub(crate) custom_json: Option<&'a str>,
    pub(crate) expires_at: i64,
    pub(crate) now: i64,
    /// Whether an unchanged pending invitation whose last mail is old is
    /// sent again. `INVITER` does (someone asked again by hand); an import
    /// does not, so running the same file twice mails nobody twice.
    pub(crate) resend_unchanged: bool,
}

impl Ask<'_> {
    fn roles(&self) -> Vec<GroupRole> {
        let mut roles: Vec<GroupRole> = self.grants.iter().map(|(_, r)| *r).collect();
        roles.sort();
        roles.dedup();
        roles
    }
}

/// Invites one valid address (or merges into its pending invitation, or
/// adds its account to the groups) inside the caller's transaction; true
/// when a mail was queued.
pub(crate) async fn invite_address(
    tx: &mut Conn,
    ctx: &MailContext<'_>,
    me: &CurrentUser,
    tree: &GroupTree,
    address: &str,
    ask: &Ask<'_>,
) -> AppResult<(InviteOutcome, bool)> {
    let roles = ask.roles();
    let account = users::by_email(tx, address).await?;
    let pending = match account {
        Some(_) => None,
        None => invitations::pending_by_email(tx, address).await?,
    };
    let known = match (&account, &pending) {
        (Some(_), _) => AddressState::Account,
        (None, Some(_)) => AddressState::PendingInvitation,
        (None, None) => AddressState::Unknown,
    };
    let outcome = rules::decide(known, &roles);
    Ok(match (outcome, account, pending) {
        (InviteOutcome::ExistingAccountAdded { .. }, Some(user), _)
            if !policy::may_change_grants_of(&me.actor, user.id) =>
        {
            (InviteOutcome::OwnAccount, false)
        }
        (InviteOutcome::ExistingAccountAdded { .. }, Some(user), _)
            if !policy::roles_not_held_by(user.account_type, &roles).is_empty() =>
        {
            let roles = policy::roles_not_held_by(user.account_type, &roles);
            (InviteOutcome::GuestCannotHold { roles }, false)
        }
        (outcome @ InviteOutcome::ExistingAccountAdded { .. }, Some(user), _) => {
            grants::apply(tx, tree, user.id, ask.grants, Some(me.user.id), ask.now).await?;
            record(
                tx,
                me,
                AuditAction::InvitationExistingAccountAdded,
                Some(user.id),
                address,
                ask,
            )
            .await?;
            (outcome, false)
        }
        (InviteOutcome::Merged { .. }, None, Some(invitation)) => {
            let merged = reinvite_pending(tx, ctx, me, &invitation, ask).await?;
            let mailed = !matches!(merged, InviteOutcome::AlreadyInvited { .. });
            (merged, mailed)
        }
        (outcome, _, _) => {
            create_many(tx, ctx, me, &[Fresh { address, ask }]).await?;
            (outcome, true)
        }
    })
}

/// An address already invited and still pending (`rules::reinvite`): new
/// grants or options are merged in and the invitation sent again; asked
/// again unchanged, it is left alone while its last mail is recent (a new
/// mail would end the link on its way) and re-sent otherwise. Only an
/// actor who may hand out the whole invitation changes its options; a
/// narrower one only adds their grants, so the merge widens nobody's reach.
async fn reinvite_pending(
    conn: &mut Conn,
    ctx: &MailContext<'_>,
    me: &CurrentUser,
    invitation: &InvitationRecord,
    asked: &Ask<'_>,
) -> AppResult<InviteOutcome> {
    let whole = may_handle(conn, me, ctx.tree, invitation).await?;
    let held = invitations::grants(conn, invitation.id).await?;
    let new_grants: Vec<(GroupId, GroupRole)> = asked
        .grants
        .iter()
        .copied()
        .filter(|grant| !held.contains(grant))
        .collect();
    let added: Vec<GroupRole> = new_grants.iter().map(|&(_, r)| r).collect();
    // A narrower admin keeps the invitation's type; a whole one sets it.
    let kind = if whole {
        asked.options.account_type
    } else {
        invitation.account_type
    };
    let held_roles: Vec<GroupRole> = held.iter().map(|&(_, r)| r).collect();
    let beyond = policy::roles_not_held_by(kind, &[held_roles, added.clone()].concat());
    if !beyond.is_empty() {
        return Ok(InviteOutcome::GuestCannotHold { roles: beyond });
    }
    let changes_options = whole && options_differ(conn, invitation, asked).await?;
    let since = asked.now - invitation.last_sent_at;
    // Without re-sends, an unchanged invitation reads as just sent.
    let since_for_rule = if asked.resend_unchanged { since } else { 0 };
    let (rule, address) = (
        rules::reinvite(!added.is_empty(), changes_options, since_for_rule),
        invitation.email.as_str(),
    );
    if rule == rules::Reinvite::Unchanged {
        record(
            conn,
            me,
            AuditAction::InvitationReinviteUnchanged,
            None,
            address,
            asked,
        )
        .await?;
        return Ok(InviteOutcome::AlreadyInvited {
            minutes_ago: since / 60_000,
        });
    }
    let merge = Merge {
        grants: &new_grants,
        options: whole.then_some(asked.options),
        expires_at: asked.expires_at,
        now: asked.now,
    };
    merge_into(conn, ctx, me, invitation, merge).await?;
    if whole && let Some(json) = asked.custom_json {
        invitations::set_custom_values(conn, invitation.id, json).await?;
    }
    let (action, outcome) = match (rule, whole) {
        (rules::Reinvite::Resend, _) => {
            (AuditAction::InvitationReinviteResent, InviteOutcome::Resent)
        }
        (_, true) => (
            AuditAction::InvitationMerged,
            InviteOutcome::Merged { added },
        ),
        (_, false) => (
            AuditAction::InvitationGrantsAdded,
            InviteOutcome::Merged { added },
        ),
    };
    record(conn, me, action, None, address, asked).await?;
    Ok(outcome)
}

/// Whether what `INVITER` asks differs from what the invitation carries
/// (language, type, platform admin, message, deletion date, field values).
async fn options_differ(
    conn: &mut Conn,
    invitation: &InvitationRecord,
    asked: &Ask<'_>,
) -> AppResult<bool> {
    let o = asked.options;
    let carried = (
        invitation.language,
        invitation.account_type,
        invitation.platform_admin,
        invitation.message.as_str(),
        invitation.deletion_at,
    );
    if carried
        != (
            o.language,
            o.account_type,
            o.platform_admin,
            o.message.as_str(),
            o.deletion_at,
        )
    {
        return Ok(true);
    }
    Ok(match asked.custom_json {
        Some(json) => invitations::custom_values(conn, invitation.id).await? != json,
        None => false,
    })
}

/// Whether `me` may act on the whole pending invitation
/// (`policy::may_handle_invitation` over its grants as stored now).
pub(crate) async fn may_handle(
    conn: &mut Conn,
    me: &CurrentUser,
    tree: &GroupTree,
    invitation: &InvitationRecord,
) -> AppResult<bool> {
    let held: Vec<(GroupId, GroupRole)> = invitations::grants(conn, invitation.id).await?;
    Ok(policy::may_handle_invitation(
        &me.actor,
        tree,
        &held,
        invitation.platform_admin,
    ))
}

/// What `merge_into` adds to an invitation.
pub(crate) struct Merge<'a> {
    pub(crate) grants: &'a [(GroupId, GroupRole)],
    /// The new options, from an actor who may act on the whole invitation.
    pub(crate) options: Option<&'a InvitationOptions>,
    pub(crate) expires_at: i64,
    pub(crate) now: i64,
}

/// Adds `grants`, written by `me`, to a pending invitation, renews it and
/// mails it again with a fresh link (the earlier links die). `options`
/// replace the invitation's own only when given: only an actor who may
/// act on the whole invitation changes what it carries besides their own
/// grants.
pub(crate) async fn merge_into(
    conn: &mut Conn,
    ctx: &MailContext<'_>,
    me: &CurrentUser,
    invitation: &InvitationRecord,
    merge: Merge<'_>,
) -> AppResult<()> {
    let Merge {
        grants,
        options,
        expires_at,
        now,
    } = merge;
    for &(group, role) in grants {
        invitations::add_grant(conn, invitation.id, group, role, me.user.id).await?;
    }
    let kept = InvitationOptions {
        language: invitation.language,
        account_type: invitation.account_type,
        platform_admin: false,
        message: invitation.message.clone(),
        deletion_at: None,
    };
    let options = options.unwrap_or(&kept);
    let held: Vec<GroupRole> = invitations::grants(conn, invitation.id)
        .await?
        .into_iter()
        .map(|(_, r)| r)
        .collect();
    if !policy::roles_not_held_by(options.account_type, &held).is_empty() {
        return Err(AppError::on(FormField::Roles, Msg::ErrGuestLearnerOnly));
    }
    invitations::merge(conn, invitation.id, options, me.user.id, expires_at, now).await?;
    invitations::revoke_links(conn, invitation.id, now).await?;
    let merged = invitations::by_id(conn, invitation.id)
        .await?
        .ok_or(AppError::NotFound)?;
    ctx.send(conn, &merged, false, now).await
}

/// What is said back of an entry that is not an address: enough to find it
/// in the list, never a whole pasted blob.
fn echo(raw: &str) -> String {
    if raw.chars().count() <= MAX_ECHOED_CHARS {
        return raw.to_owned();
    }
    let mut cut: String = raw.chars().take(MAX_ECHOED_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// The audit entry of one address of an `Ask`.
fn entry_of(
    me: &CurrentUser,
    target_user_id: Option<UserId>,
    email: &str,
    ask: &Ask<'_>,
) -> audit::Entry {
    let roles: Vec<&str> = ask.roles().iter().map(|r| r.as_str()).collect();
    audit::Entry {
        actor_user_id: Some(me.user.id),
        target_user_id,
        target_email: Some(email.to_owned()),
        group_id: Some(ask.group_id),
        details: serde_json::json!({ "roles": roles,
            "account_type": ask.options.account_type.as_str(),
            "platform_admin": ask.options.platform_admin })
        .to_string(),
    }
}

async fn record(
    conn: &mut Conn,
    me: &CurrentUser,
    action: AuditAction,
    target_user_id: Option<UserId>,
    email: &str,
    ask: &Ask<'_>,
) -> AppResult<()> {
    audit::record(
        conn,
        action,
        entry_of(me, target_user_id, email, ask),
        ask.now,
    )
    .await?;
    Ok(())
}

/// A new invitation to write: its address and what is asked of it.
pub(crate) struct Fresh<'a> {
    pub(crate) address: &'a str,
    pub(crate) ask: &'a Ask<'a>,
}

/// Writes new invitations for addresses the caller found free in this
/// transaction (no account, no pending invitation): the rows, their
/// grants, a link and a mail each, and an audit entry each, in a few
/// multi-row statements per 500. Every door that invites a new address
/// comes here — `invite_address` with one, `INVITER` and the import with
/// many — so one path writes an invitation.
pub(crate) async fn create_many(
    tx: &mut Conn,
    ctx: &MailContext<'_>,
    me: &CurrentUser,
    fresh: &[Fresh<'_>],
) -> AppResult<()> {
    let Some(first) = fresh.first() else {
        return Ok(());
    };
    let now = first.ask.now;
    // Each invitation is written naming its mail, reserved first.
    let mail_ids = outbox::reserve_ids(tx, fresh.len()).await?;
    let rows: Vec<invitations::NewInvitation> = fresh
        .iter()
        .zip(&mail_ids)
        .map(|(f, mail)| invitations::NewInvitation {
            email: f.address,
            options: f.ask.options,
            custom_values: f.ask.custom_json,
            expires_at: f.ask.expires_at,
            delivery_mail_id: Some(*mail),
        })
        .collect();
    let ids = invitations::insert_many(tx, &rows, me.user.id, now).await?;
    let grants: Vec<(crate::domain::InvitationId, GroupId, GroupRole)> = ids
        .iter()
        .zip(fresh)
        .flat_map(|(id, f)| f.ask.grants.iter().map(move |&(g, r)| (*id, g, r)))
        .collect();
    invitations::add_grants_many(tx, &grants, me.user.id).await?;
    let tokens: Vec<String> = fresh.iter().map(|_| token::generate()).collect();
    let links: Vec<(crate::domain::InvitationId, String)> = ids
        .iter()
        .zip(&tokens)
        .map(|(id, raw)| (*id, token::hash(raw)))
        .collect();
    invitations::add_links_many(tx, &links, now).await?;
    // Rows of a file share their language, groups and message: each such
    // mail is rendered once, then copied with each row's link.
    type Same = (crate::i18n::Lang, Vec<GroupId>, String, i64);
    let mut rendered_for: HashMap<Same, InvitationCopies> = HashMap::new();
    let mut mails = Vec::with_capacity(fresh.len());
    for ((id, f), raw) in ids.iter().zip(fresh).zip(&tokens) {
        let mut groups: Vec<GroupId> = f.ask.grants.iter().map(|(g, _)| *g).collect();
        groups.dedup();
        let same = (
            f.ask.options.language,
            groups,
            f.ask.options.message.clone(),
            f.ask.expires_at,
        );
        let copies = rendered_for.entry(same).or_insert_with_key(|same| {
            let labels: Vec<String> = same.1.iter().map(|g| ctx.group_label(*g)).collect();
            InvitationCopies::new(
                &InvitationMail {
                    lang: same.0,
                    inviter: &ctx.inviter,
                    groups: &labels,
                    message: &same.2,
                    link: "",
                    expires_at: same.3,
                    reminder: false,
                },
                format!("\u{1}{}\u{1}", token::generate()),
            )
        });
        let rendered = copies.with_link(&ctx.link(raw));
        mails.push(outbox::NewMail {
            kind: "invitation",
            recipient: f.address.to_owned(),
            subject: rendered.subject,
            body_text: rendered.text,
            body_html: rendered.html,
            invitation_id: Some(*id),
            user_id: None,
        });
    }
    let domain = ctx.state.config.public_url.host_str().unwrap_or("onboard");
    outbox::insert_reserved(tx, &mails, &mail_ids, domain, now).await?;
    let entries: Vec<(AuditAction, audit::Entry)> = fresh
        .iter()
        .map(|f| {
            (
                AuditAction::InvitationCreated,
                entry_of(me, None, f.address, f.ask),
            )
        })
        .collect();
    audit::record_many(tx, &entries, now).await?;
    Ok(())
}

/// Every door that creates an account other than the invitation itself
/// calls this: an invited address must use its invitation, so nobody can
/// register with another invitee's address.
pub async fn ensure_not_invited(conn: &mut Conn, email: &str) -> AppResult<()> {
    match invitations::pending_by_email(conn, email).await? {
        Some(_) => Err(AppError::Invalid(Msg::ErrAddressInvited)),
        None => Ok(()),
    }
}

/// Why a link cannot be used, as the person following it should read it.
fn closed_link_message(state: InvitationState, revoked: bool) -> Option<Msg> {
    match state {
        InvitationState::Cancelled => Some(Msg::InvitationCancelled),
        InvitationState::Accepted => Some(Msg::InvitationUsed),
        _ if revoked => Some(Msg::InvitationReplaced),
        InvitationState::Pending | InvitationState::AwaitingSeat => None,
        InvitationState::Expired => Some(Msg::InvitationExpired),
    }
}

async fn find_link(conn: &mut Conn, raw: &str, now: i64) -> AppResult<InvitationRecord> {
    let Some((invitation, revoked)) = invitations::by_link(conn, &token::hash(raw)).await? else {
        return Err(AppError::Invalid(Msg::InvitationInvalid));
    };
    let state = rules::state(
        invitation.status,
        invitation.expires_at,
        invitation.seat_wait_since.is_some(),
        now,
    );
    match closed_link_message(state, revoked) {
        Some(msg) => Err(AppError::Invalid(msg)),
        None => Ok(invitation),
    }
}

/// The language the admin chose for the invitation a link belongs to, for
/// rendering its page before the visitor picks one; `None` for a link that
/// matches no invitation. Open or closed alike: a closed link's page is
/// read by the same person.
#[tracing::instrument(name = "invitations::link_language", skip_all)]
pub async fn link_language(state: &AppState, raw: &str) -> AppResult<Option<Lang>> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(invitations::by_link(&mut conn, &token::hash(raw))
        .await?
        .map(|(invitation, _)| invitation.language))
}

/// What the first-login form shows (GET): nothing changes.
#[tracing::instrument(name = "invitations::open_link", skip_all)]
pub async fn open_link(state: &AppState, raw: &str) -> AppResult<LinkView> {
    let mut conn = state.db.pool.acquire().await?;
    let invitation = find_link(&mut conn, raw, state.now()).await?;
    let names = Directory::load(&mut conn).await?.names;
    let mut group_names: Vec<String> = invitations::grants(&mut conn, invitation.id)
        .await?
        .into_iter()
        .filter_map(|(g, _)| names.get(&g).cloned())
        .collect();
    group_names.dedup();
    let inviter = match invitation.invited_by {
        Some(id) => users::by_id(&mut conn, id).await?.map(|u| u.display_name()),
        None => None,
    };
    Ok(LinkView {
        email: invitation.email,
        language: invitation.language,
        groups: group_names,
        inviter,
        expires_at: invitation.expires_at,
        awaiting_seat: invitation.seat_wait_since.is_some(),
    })
}

#[derive(Clone, Debug)]
pub struct AcceptInput {
    pub first_name: String,
    pub last_name: String,
    pub password: String,
    pub password_confirm: String,
    pub language: Lang,
}

/// What accepting gave: the signed-in person, and what the invitation
/// promised that no longer holds (its granter lost the right to give it).
#[derive(Clone, Debug)]
pub struct Accepted {
    pub user: users::UserRecord,
    pub session_token: String,
    pub dropped: Vec<DroppedGrant>,
}

impl Accepted {
    pub fn signed_in(&self) -> SignedIn {
        SignedIn {
            user: self.user.clone(),
            session_token: self.session_token.clone(),
        }
    }
}

/// What the first-login form gives the account: kept on the invitation
/// (as JSON) while it waits for a seat, so the invitee types nothing
/// twice.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub(crate) struct CompletedForm {
    pub(crate) first_name: String,
    pub(crate) last_name: String,
    pub(crate) language: String,
    pub(crate) password_hash: String,
}

/// What the first-login form led to.
#[derive(Clone, Debug)]
pub enum AcceptOutcome {
    /// The account is open and its holder signed in.
    Active(Box<Accepted>),
    /// No seat was free: the form is kept, the invitation waits, and the
    /// account opens as soon as a seat frees.
    AwaitingSeat,
}

/// The first-login form (POST): in one transaction the invitation is
/// consumed (once: a conditional update), the active account created, its
/// grants checked again against what each granter may give *now* and the
/// ones that still hold applied with propagation; then the user is signed
/// in. When the seat check refuses a member, nothing of that is kept: the
/// completed form is stored on the invitation instead, which waits for a
/// seat (`seats`, `activate_waiting`).
#[tracing::instrument(
    name = "invitations::accept",
    skip_all,
    fields(invitation = tracing::field::Empty, user = tracing::field::Empty)
)]
pub async fn accept(state: &AppState, raw: &str, input: AcceptInput) -> AppResult<AcceptOutcome> {
    let mut problems = Problems::default();
    let names = problems.names(&input.first_name, &input.last_name);
    let password_ok = problems.password(&input.password, &input.password_confirm);
    let (Some((first_name, last_name)), true) = (names, password_ok) else {
        return Err(problems.into_error());
    };
    {
        // Fail fast on a dead link before spending a password hash.
        let mut conn = state.db.pool.acquire().await?;
        let invitation = find_link(&mut conn, raw, state.now()).await?;
        if invitation.seat_wait_since.is_some() {
            return Ok(AcceptOutcome::AwaitingSeat);
        }
    }
    let form = CompletedForm {
        first_name: first_name.into_string(),
        last_name: last_name.into_string(),
        language: input.language.code().to_owned(),
        password_hash: hashing::hash(input.password).await?,
    };
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let invitation = find_link(&mut tx, raw, now).await?;
    tracing::Span::current().record("invitation", tracing::field::display(invitation.id));
    let opened = match open_account(&mut tx, &invitation, &form, now).await {
        Err(AppError::SeatsFull { limit, used }) => {
            drop(tx);
            wait_for_seat(state, &invitation, &form, (limit, used), now).await?;
            return Ok(AcceptOutcome::AwaitingSeat);
        }
        other => other?,
    };
    tx.commit().await?;
    let Opened {
        user_id,
        tree,
        dropped,
    } = opened;
    tracing::Span::current().record("user", tracing::field::display(user_id));
    let mut conn = state.db.pool.acquire().await?;
    let session_token = open_session(state, &mut conn, user_id).await?;
    let user = users::by_id(&mut conn, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let names = Directory::load(&mut conn).await?.names;
    let dropped = dropped
        .into_iter()
        .map(|d| match d {
            Dropped::Grant(g, role) => DroppedGrant::Role {
                group: directory::path(&tree, &names, g),
                role,
            },
            Dropped::PlatformAdmin => DroppedGrant::PlatformAdmin,
        })
        .collect();
    Ok(AcceptOutcome::Active(Box::new(Accepted {
        user,
        session_token,
        dropped,
    })))
}

/// An account opened from an invitation.
pub(crate) struct Opened {
    pub(crate) user_id: UserId,
    tree: GroupTree,
    dropped: Vec<Dropped>,
}

/// Opens the account an invitation becomes, with the completed form, in
/// the caller's transaction: the first-login form and the activation of a
/// waiting invitee share it. `AppError::SeatsFull` when no seat is free
/// for a member (drop the transaction: nothing is kept).
pub(crate) async fn open_account(
    tx: &mut Conn,
    invitation: &InvitationRecord,
    form: &CompletedForm,
    now: i64,
) -> AppResult<Opened> {
    if !invitations::consume(tx, invitation.id, now).await? {
        return Err(AppError::Invalid(Msg::InvitationUsed));
    }
    let tree = Directory::load(tx).await?.tree;
    let (wanted, platform_admin, dropped) = still_held(tx, &tree, invitation).await?;
    let new_user = users::NewUser {
        email: Some(invitation.email.clone()),
        login_name: None,
        first_name: form.first_name.clone(),
        last_name: form.last_name.clone(),
        password_hash: Some(form.password_hash.clone()),
        platform_admin,
        account_type: invitation.account_type,
        language: Lang::decode(&form.language).unwrap_or(invitation.language),
        activated_at: Some(now),
        created_by: invitation.invited_by,
        extra_info: String::new(),
        deletion_at: None,
    };
    let user_id = users::insert(tx, &new_user, now).await.map_err(|e| {
        if is_unique_violation(&e) {
            AppError::Invalid(Msg::InvitationUsed)
        } else {
            e.into()
        }
    })?;
    invitations::set_accepted_user(tx, invitation.id, user_id).await?;
    invitations::clear_waiting_form(tx, invitation.id).await?;
    // What the invitation carried for the account: custom values and the
    // automatic deletion date.
    let typed = invitations::custom_values(tx, invitation.id).await?;
    let values = custom_fields::from_invitation(tx, &typed).await?;
    field_store::set_user_values(tx, user_id, &values).await?;
    if invitation.deletion_at.is_some() {
        users::set_extras(tx, user_id, "", invitation.deletion_at, now).await?;
    }
    let applied = grants::apply(tx, &tree, user_id, &wanted, invitation.invited_by, now).await?;
    seats::start_billing(
        tx,
        user_id,
        invitation.account_type,
        BillingReason::InvitationAccepted,
        now,
    )
    .await?;
    let dropped_audit: Vec<serde_json::Value> = dropped
        .iter()
        .map(|d| match d {
            Dropped::Grant(g, r) => serde_json::json!({ "group": g, "role": r.as_str() }),
            Dropped::PlatformAdmin => serde_json::json!("platform_admin"),
        })
        .collect();
    audit::record(
        tx,
        AuditAction::InvitationAccepted,
        audit::Entry {
            actor_user_id: Some(user_id),
            target_user_id: Some(user_id),
            target_email: Some(invitation.email.clone()),
            details: serde_json::json!({
                "invitation": invitation.id,
                "grants": applied.iter().map(|(g, r)| (g, r.as_str())).collect::<Vec<_>>(),
                "platform_admin": platform_admin,
                "dropped": dropped_audit,
                "waited_for_seat": invitation.seat_wait_since.is_some(),
            })
            .to_string(),
            ..Default::default()
        },
        now,
    )
    .await?;
    Ok(Opened {
        user_id,
        tree,
        dropped,
    })
}

/// No seat was free when the invitee completed the form: the form is kept
/// on the invitation, which now waits (audited), and the platform's
/// admins are mailed — once, when it starts waiting.
async fn wait_for_seat(
    state: &AppState,
    invitation: &InvitationRecord,
    form: &CompletedForm,
    (limit, used): (i64, i64),
    now: i64,
) -> AppResult<()> {
    let json = serde_json::to_string(form).map_err(AppError::internal)?;
    let mut tx = state.db.begin().await?;
    if !invitations::wait_for_seat(&mut tx, invitation.id, &json, now).await? {
        // Already waiting (a second submission): its first form stands.
        return Ok(());
    }
    audit::record(
        &mut tx,
        AuditAction::InvitationAwaitingSeat,
        audit::Entry {
            target_email: Some(invitation.email.clone()),
            details: serde_json::json!({
                "invitation": invitation.id,
                "limit": limit,
                "used": used,
            })
            .to_string(),
            ..Default::default()
        },
        now,
    )
    .await?;
    let name = format!("{} {}", form.first_name, form.last_name);
    seats::mail_admins_someone_waits(state, &mut tx, &invitation.email, &name, limit, now).await?;
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(())
}

/// What an invitation promised that no longer holds at acceptance.
enum Dropped {
    Grant(GroupId, GroupRole),
    PlatformAdmin,
}

/// Granters' current rights, each loaded once.
#[derive(Default)]
struct Granters(HashMap<UserId, Option<crate::domain::Actor>>);

impl Granters {
    async fn get(
        &mut self,
        conn: &mut Conn,
        id: Option<UserId>,
    ) -> AppResult<Option<crate::domain::Actor>> {
        let Some(id) = id else { return Ok(None) };
        if let Some(known) = self.0.get(&id) {
            return Ok(known.clone());
        }
        let actor = grants::actor_of(conn, id).await?;
        self.0.insert(id, actor.clone());
        Ok(actor)
    }
}

/// The invitation's grants (and platform-admin flag) that still hold: each
/// checked against what its granter may give now (GitLab issue 26801: an
/// admin removed from a group must not keep granting in it through the
/// invitations they sent before).
async fn still_held(
    conn: &mut Conn,
    tree: &GroupTree,
    invitation: &InvitationRecord,
) -> AppResult<(Vec<(GroupId, GroupRole)>, bool, Vec<Dropped>)> {
    let mut granters = Granters::default();
    let mut kept = Vec::new();
    let mut dropped = Vec::new();
    for grant in invitations::grants_with_granters(conn, invitation.id).await? {
        let by = granters.get(conn, grant.granted_by).await?;
        if policy::grant_still_holds(by.as_ref(), tree, grant.group_id, grant.role)
            && policy::may_hold(invitation.account_type, grant.role)
        {
            kept.push((grant.group_id, grant.role));
        } else {
            dropped.push(Dropped::Grant(grant.group_id, grant.role));
        }
    }
    let mut platform_admin = false;
    if invitation.platform_admin {
        let by = granters.get(conn, invitation.platform_admin_by).await?;
        platform_admin = policy::platform_admin_still_holds(by.as_ref())
            && policy::may_be_platform_admin(invitation.account_type);
        if !platform_admin {
            dropped.push(Dropped::PlatformAdmin);
        }
    }
    Ok((kept, platform_admin, dropped))
}

/// Mails the one reminder of every invitation whose time has come. Safe to
/// run on several instances at once: each reminder is claimed first.
#[tracing::instrument(name = "invitations::send_due_reminders", skip_all)]
/// Writes the audit entry of every invitation whose expiry has passed since
/// the last pass (once each, whichever instance claims it first).
pub async fn log_expiries(state: &AppState) -> AppResult<usize> {
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let due = invitations::expired_unlogged(&mut tx, now, 500).await?;
    let mut logged = 0;
    for invitation in due {
        if !invitations::mark_expiry_logged(&mut tx, invitation.id, now).await? {
            continue;
        }
        let grants = invitations::grants(&mut tx, invitation.id).await?;
        audit::record(
            &mut tx,
            AuditAction::InvitationExpired,
            audit::Entry {
                target_email: Some(invitation.email.clone()),
                group_id: grants.iter().map(|(g, _)| *g).min(),
                details: serde_json::json!({ "invitation": invitation.id }).to_string(),
                ..Default::default()
            },
            // When the job noticed (within a minute): entries keep the
            // order they were written in, which the log pages by.
            now,
        )
        .await?;
        logged += 1;
    }
    tx.commit().await?;
    Ok(logged)
}

pub async fn send_due_reminders(state: &AppState) -> AppResult<usize> {
    let now = state.now();
    let mut conn = state.db.pool.acquire().await?;
    let life = lifecycle(&mut conn).await?;
    let due = invitations::due_for_reminder(&mut conn, now - life.reminder_after, now, 500).await?;
    drop(conn);
    if due.is_empty() {
        return Ok(0);
    }
    let mut tx = state.db.begin().await?;
    let Directory {
        groups: all, tree, ..
    } = Directory::load(&mut tx).await?;
    let mut inviters: HashMap<Option<UserId>, String> = HashMap::new();
    let mut sent = 0;
    for invitation in due {
        if !invitations::mark_reminded(&mut tx, invitation.id, now).await? {
            continue;
        }
        let inviter = match inviters.get(&invitation.invited_by) {
            Some(name) => name.clone(),
            None => {
                let name = match invitation.invited_by {
                    Some(id) => users::by_id(&mut tx, id).await?.map(|u| u.display_name()),
                    None => None,
                }
                .unwrap_or_else(|| "Onboard".to_owned());
                inviters.insert(invitation.invited_by, name.clone());
                name
            }
        };
        let ctx = MailContext {
            state,
            inviter,
            names: all.iter().map(|g| (g.id, g.name.clone())).collect(),
            tree: &tree,
        };
        ctx.send(&mut tx, &invitation, true, now).await?;
        sent += 1;
    }
    tx.commit().await?;
    if sent > 0 {
        state.mail_wakeup.notify_one();
    }
    Ok(sent)
}
