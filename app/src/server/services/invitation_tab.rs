//! The Invitations tab: list pending invitations within the caller's scope,
//! cancel, re-send, copy a fresh link — one by one or in bulk.
//!
//! Scope: platform admins reach every invitation; group and user admins
//! those with at least one grant in a group they administer (sub-groups
//! included); everybody else none. An invitation out of scope, accepted or
//! cancelled answers `NotFound`, like a missing one.

use crate::domain::audit::AuditAction;
use std::collections::{BTreeSet, HashMap, HashSet};

use crate::contracts::invitation_tab::{
    BulkSummary, COUNT_CAP, CancelOutcome, DeliveryFilter, PER_PAGE, SortKey, StatusFilter,
    TabFilter, TabPage, TabRow,
};
use crate::domain::invitation::InvitationStatus;
use crate::domain::policy::InvitationScope;
use crate::domain::{GroupId, GroupRole, GroupTree, InvitationId, UserId, paging, policy};
use crate::i18n::Msg;
use crate::server::auth::token;
use crate::server::clock::{Millis, SECOND};
use crate::server::error::{AppError, AppResult};
use crate::server::services::auth::CurrentUser;
use crate::server::services::directory::{self, Directory};
use crate::server::services::invitations::{Lifecycle, MailContext, lifecycle};
use crate::server::state::AppState;
use crate::server::store::groups::GroupRecord;
use crate::server::store::invitation_tab::{self as tab, Criteria, Delivery, Expiry, Scope};
use crate::server::store::invitations::InvitationRecord;
use crate::server::store::{Conn, audit, invitations, users};

/// An invitation is not re-sent more often than this.
pub const RESEND_GAP: Millis = 60 * SECOND;
/// Bulk actions commit every this many invitations, so that acting on
/// everything matching (possibly tens of thousands) holds no long
/// transaction; what is done stays done if a later chunk fails.
pub const BULK_CHUNK: usize = 500;

pub enum BulkAction {
    Cancel,
    Resend,
}

impl BulkAction {
    /// As the API names it.
    pub fn name(&self) -> &'static str {
        match self {
            BulkAction::Cancel => "cancel",
            BulkAction::Resend => "resend",
        }
    }
}

pub enum BulkTarget {
    Ids(Vec<InvitationId>),
    Matching(TabFilter),
}

/// The invitations `me` reaches (`policy::invitation_scope`), as the store
/// filters them; `None` when none.
fn scope_of(me: &CurrentUser, tree: &GroupTree) -> Option<Scope> {
    match policy::invitation_scope(&me.actor, tree) {
        InvitationScope::All => Some(Scope::All),
        InvitationScope::Groups(groups) => Some(Scope::Groups(groups.into_iter().collect())),
        InvitationScope::Nothing => None,
    }
}

/// Whether the store's scope (built from the policy's) covers one group.
fn covers(scope: &Scope, group_id: GroupId) -> bool {
    match scope {
        Scope::All => true,
        Scope::Groups(groups) => groups.contains(&group_id),
    }
}

/// The listing criteria of `filter` within `scope`; `None` when the filter
/// names a group outside the scope (nothing can match).
fn criteria(scope: Scope, filter: &TabFilter, now: i64) -> Option<Criteria> {
    if let Some(group) = filter.group_id
        && !covers(&scope, group)
    {
        return None;
    }
    let search = filter.search.trim().to_lowercase();
    Some(Criteria {
        scope,
        search: (!search.is_empty()).then_some(search),
        expiry: match filter.status {
            StatusFilter::Pending => Some(Expiry::Open),
            StatusFilter::Expired => Some(Expiry::Expired),
            StatusFilter::AwaitingSeat => Some(Expiry::AwaitingSeat),
            StatusFilter::Any => None,
        },
        delivery: match filter.delivery {
            DeliveryFilter::Queued => Some(Delivery::Queued),
            DeliveryFilter::Sent => Some(Delivery::Sent),
            DeliveryFilter::Failed => Some(Delivery::Failed),
            DeliveryFilter::Any => None,
        },
        group_id: filter.group_id,
        inviter_id: filter.inviter_id,
        now,
    })
}

#[tracing::instrument(
    name = "invitation_tab::list",
    skip_all,
    fields(
        actor = %me.user.id,
        group = ?filter.group_id,
        inviter = ?filter.inviter_id,
        page = filter.page,
    )
)]
pub async fn list(
    state: &AppState,
    me: &CurrentUser,
    filter: &TabFilter,
    directory: &directory::Shared,
) -> AppResult<TabPage> {
    let now = state.now();
    let page = filter.page.max(1);
    let mut result = TabPage {
        rows: Vec::new(),
        total: 0,
        capped: false,
        page,
        per_page: PER_PAGE,
        groups: Vec::new(),
        inviters: Vec::new(),
    };
    let mut conn = state.db.pool.acquire().await?;
    let dir = directory.get(&mut conn).await?;
    let tree = &dir.tree;
    let Some(scope) = scope_of(me, tree) else {
        return Ok(result);
    };
    result.groups = dir
        .groups
        .iter()
        .filter(|g| covers(&scope, g.id))
        .map(|g| (g.id, dir.path(g.id)))
        .collect();
    result
        .groups
        .sort_by_cached_key(|(_, path)| path.to_lowercase());
    result.inviters = tab::inviters(&mut conn, &scope)
        .await?
        .into_iter()
        .collect();
    let Some(criteria) = criteria(scope, filter, now) else {
        return Ok(result);
    };
    let offset = paging::offset(page, PER_PAGE);
    // Counting 100,000 matches costs more than the page itself: past the
    // cap (or the page asked for) the tab says "more than". A search is
    // counted whole: its matches are few or found by an index, and with a
    // LIMIT PostgreSQL walked the table in order instead (100 ms).
    let cap = criteria
        .search
        .is_none()
        .then(|| COUNT_CAP.max(offset.saturating_add(PER_PAGE)));
    let counted = tab::count(&mut conn, &criteria, cap.map(|c| c + 1)).await?;
    result.total = cap.map_or(counted, |c| counted.min(c));
    result.capped = cap.is_some_and(|c| counted > c);
    if offset >= result.total {
        return Ok(result);
    }
    let records = tab::page(
        &mut conn,
        &criteria,
        filter.sort != SortKey::Oldest,
        PER_PAGE,
        offset,
    )
    .await?;
    let ids: Vec<InvitationId> = records.iter().map(|r| r.id).collect();
    let mut grants: HashMap<InvitationId, Vec<(GroupId, GroupRole)>> = HashMap::new();
    for (invitation, group, role) in tab::grants_of(&mut conn, &ids).await? {
        grants.entry(invitation).or_default().push((group, role));
    }
    let inviter_ids: Vec<UserId> = records
        .iter()
        .filter_map(|r| r.invited_by)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let names = tab::user_names(&mut conn, &inviter_ids).await?;
    // Grants are shown in the groups the caller may see; a hidden group's
    // name is not revealed by an invitation that also points elsewhere.
    let visible = policy::visible_groups(&me.actor, tree);
    result.rows = records
        .into_iter()
        .map(|r| {
            let held = grants.remove(&r.id).unwrap_or_default();
            let whole = policy::may_handle_invitation(&me.actor, tree, &held, r.platform_admin);
            let mut shown: Vec<(String, GroupRole)> = held
                .iter()
                .filter(|(g, _)| visible.contains(g))
                .filter_map(|&(g, role)| dir.names.get(&g).map(|name| (name.clone(), role)))
                .collect();
            shown.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.as_str().cmp(b.1.as_str())));
            TabRow {
                id: r.id,
                email: r.email,
                grants: shown,
                invited_by: r.invited_by.and_then(|id| names.get(&id).cloned()),
                created_at: r.created_at,
                last_sent_at: r.last_sent_at,
                send_count: r.send_count,
                reminder_sent_at: r.reminder_sent_at,
                expires_at: r.expires_at,
                deletion_at: r.deletion_at,
                delivery: r.delivery_status,
                delivery_error: r.delivery_error,
                expired: r.expires_at <= now && r.seat_wait_since.is_none(),
                awaiting_seat_since: r.seat_wait_since,
                whole,
            }
        })
        .collect();
    Ok(result)
}

/// What one action did to one invitation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Applied,
    /// The caller's own grants were withdrawn; the rest stays pending.
    Withdrawn,
    /// It carries rights the caller may not grant: left alone.
    BeyondCaller,
    RateLimited,
    /// Not pending any more (accepted or cancelled meanwhile).
    Gone,
    /// Its form is completed and waits for a seat: a new link would only
    /// show the waiting page again.
    AwaitingSeat,
}

/// What an action needs for the whole request: the tree, the scope, the
/// mail context (for re-sends), the lifecycle settings.
struct Session<'a> {
    me: &'a CurrentUser,
    /// The invitations the caller reaches (`policy::invitation_scope`).
    reach: InvitationScope,
    ctx: MailContext<'a>,
    life: Lifecycle,
    inviter_names: HashMap<Option<UserId>, String>,
    now: i64,
}

impl<'a> Session<'a> {
    /// `None` when the caller reaches no invitation at all.
    async fn open(
        state: &'a AppState,
        me: &'a CurrentUser,
        conn: &mut Conn,
        all: &[GroupRecord],
        tree: &'a GroupTree,
    ) -> AppResult<Option<Session<'a>>> {
        let reach = policy::invitation_scope(&me.actor, tree);
        if reach == InvitationScope::Nothing {
            return Ok(None);
        }
        Ok(Some(Session {
            me,
            reach,
            ctx: MailContext {
                state,
                inviter: String::new(),
                names: all.iter().map(|g| (g.id, g.name.clone())).collect(),
                tree,
            },
            life: lifecycle(conn).await?,
            inviter_names: HashMap::new(),
            now: state.now(),
        }))
    }

    fn in_scope(&self, grants: &[(GroupId, GroupRole)]) -> bool {
        self.reach.reaches(grants)
    }

    /// The pending invitation `id` and its grants, if the caller reaches it.
    async fn load(&self, conn: &mut Conn, id: InvitationId) -> AppResult<Loaded> {
        let invitation = invitations::by_id(conn, id)
            .await?
            .filter(|i| i.status == InvitationStatus::Pending)
            .ok_or(AppError::NotFound)?;
        let grants = invitations::grants(conn, id).await?;
        if !self.in_scope(&grants) {
            return Err(AppError::NotFound);
        }
        Ok(Loaded { invitation, grants })
    }

    /// Whether the caller may act on the whole invitation.
    fn whole(&self, loaded: &Loaded) -> bool {
        policy::may_handle_invitation(
            &self.me.actor,
            self.ctx.tree,
            &loaded.grants,
            loaded.invitation.platform_admin,
        )
    }

    async fn audit(
        &self,
        conn: &mut Conn,
        action: AuditAction,
        invitation: &InvitationRecord,
        grants: &[(GroupId, GroupRole)],
    ) -> AppResult<()> {
        audit::record(
            conn,
            action,
            audit::Entry {
                actor_user_id: Some(self.me.user.id),
                target_email: Some(invitation.email.clone()),
                // The first group it grants a role in: what a group admin's
                // view of the log finds it by.
                group_id: grants.iter().map(|(g, _)| *g).min(),
                details: serde_json::json!({ "invitation": invitation.id }).to_string(),
                ..Default::default()
            },
            self.now,
        )
        .await?;
        Ok(())
    }

    /// Cancels the invitation if the caller may act on all of it;
    /// otherwise takes out the grants they could have given, and cancels it
    /// only if nothing else is left.
    async fn cancel(&self, conn: &mut Conn, loaded: &Loaded) -> AppResult<Outcome> {
        let invitation = &loaded.invitation;
        if !self.whole(loaded) {
            let mine = policy::withdrawable_grants(&self.me.actor, self.ctx.tree, &loaded.grants);
            if mine.is_empty() {
                return Ok(Outcome::BeyondCaller);
            }
            if mine.len() < loaded.grants.len() || invitation.platform_admin {
                for (group, role) in &mine {
                    invitations::remove_grant(conn, invitation.id, *group, *role).await?;
                }
                audit::record(
                    conn,
                    AuditAction::InvitationGrantsWithdrawn,
                    audit::Entry {
                        actor_user_id: Some(self.me.user.id),
                        target_email: Some(invitation.email.clone()),
                        group_id: mine.iter().map(|(g, _)| *g).min(),
                        details: serde_json::json!({
                            "invitation": invitation.id,
                            "grants": mine.iter().map(|(g, r)| (g.0, r.as_str())).collect::<Vec<_>>(),
                        })
                        .to_string(),
                        ..Default::default()
                    },
                    self.now,
                )
                .await?;
                return Ok(Outcome::Withdrawn);
            }
        }
        if !tab::cancel(conn, invitation.id, self.now).await? {
            return Ok(Outcome::Gone);
        }
        invitations::revoke_links(conn, invitation.id, self.now).await?;
        self.audit(
            conn,
            AuditAction::InvitationCancelled,
            invitation,
            &loaded.grants,
        )
        .await?;
        Ok(Outcome::Applied)
    }

    /// The mail names whoever sent the invitation first, like reminders;
    /// the caller's name if that account is gone.
    async fn inviter_name(
        &mut self,
        conn: &mut Conn,
        invited_by: Option<UserId>,
    ) -> AppResult<String> {
        if let Some(name) = self.inviter_names.get(&invited_by) {
            return Ok(name.clone());
        }
        let name = match invited_by {
            Some(id) => users::by_id(conn, id).await?.map(|u| u.display_name()),
            None => None,
        }
        .unwrap_or_else(|| self.me.user.display_name());
        self.inviter_names.insert(invited_by, name.clone());
        Ok(name)
    }

    async fn resend(&mut self, conn: &mut Conn, loaded: &Loaded) -> AppResult<Outcome> {
        // The mail goes to the invitee only, but its link is a bearer
        // token carrying every grant: only who may hand it out re-sends.
        if !self.whole(loaded) {
            return Ok(Outcome::BeyondCaller);
        }
        let invitation = &loaded.invitation;
        if invitation.seat_wait_since.is_some() {
            return Ok(Outcome::AwaitingSeat);
        }
        let claimed = tab::claim_resend(
            conn,
            invitation.id,
            self.now - RESEND_GAP,
            self.now + self.life.lifetime,
            self.now,
        )
        .await?;
        if !claimed {
            let still_pending = invitations::by_id(conn, invitation.id)
                .await?
                .is_some_and(|i| i.status == InvitationStatus::Pending);
            return Ok(if still_pending {
                Outcome::RateLimited
            } else {
                Outcome::Gone
            });
        }
        invitations::revoke_links(conn, invitation.id, self.now).await?;
        let renewed = invitations::by_id(conn, invitation.id)
            .await?
            .ok_or(AppError::NotFound)?;
        self.ctx.inviter = self.inviter_name(conn, renewed.invited_by).await?;
        self.ctx.send(conn, &renewed, false, self.now).await?;
        self.audit(
            conn,
            AuditAction::InvitationResent,
            &renewed,
            &loaded.grants,
        )
        .await?;
        Ok(Outcome::Applied)
    }
}

/// A pending invitation the caller reaches, with its grants.
struct Loaded {
    invitation: InvitationRecord,
    grants: Vec<(GroupId, GroupRole)>,
}

async fn tree_of(conn: &mut Conn) -> AppResult<(Vec<GroupRecord>, GroupTree)> {
    let Directory {
        groups: all, tree, ..
    } = Directory::load(conn).await?;
    Ok((all, tree))
}

#[tracing::instrument(
    name = "invitation_tab::cancel",
    skip_all,
    fields(actor = %me.user.id, invitation = %invitation)
)]
pub async fn cancel(
    state: &AppState,
    me: &CurrentUser,
    invitation: InvitationId,
) -> AppResult<CancelOutcome> {
    let id = invitation;
    let mut tx = state.db.begin().await?;
    let (all, tree) = tree_of(&mut tx).await?;
    let session = Session::open(state, me, &mut tx, &all, &tree)
        .await?
        .ok_or(AppError::NotFound)?;
    let loaded = session.load(&mut tx, id).await?;
    let outcome = match session.cancel(&mut tx, &loaded).await? {
        Outcome::Applied => CancelOutcome::Cancelled,
        Outcome::Withdrawn => CancelOutcome::Withdrawn,
        Outcome::BeyondCaller => return Err(AppError::Invalid(Msg::ErrInvitationBeyondYou)),
        Outcome::RateLimited | Outcome::Gone | Outcome::AwaitingSeat => {
            return Err(AppError::NotFound);
        }
    };
    tx.commit().await?;
    Ok(outcome)
}

#[tracing::instrument(
    name = "invitation_tab::resend",
    skip_all,
    fields(actor = %me.user.id, invitation = %invitation)
)]
pub async fn resend(state: &AppState, me: &CurrentUser, invitation: InvitationId) -> AppResult<()> {
    let id = invitation;
    let mut tx = state.db.begin().await?;
    let (all, tree) = tree_of(&mut tx).await?;
    let mut session = Session::open(state, me, &mut tx, &all, &tree)
        .await?
        .ok_or(AppError::NotFound)?;
    let loaded = session.load(&mut tx, id).await?;
    match session.resend(&mut tx, &loaded).await? {
        Outcome::Applied => {
            tx.commit().await?;
            state.mail_wakeup.notify_one();
            Ok(())
        }
        Outcome::RateLimited => Err(AppError::Invalid(Msg::ErrResendTooSoon)),
        Outcome::AwaitingSeat => Err(AppError::Invalid(Msg::ErrResendAwaitingSeat)),
        Outcome::BeyondCaller => Err(AppError::Invalid(Msg::ErrInvitationBeyondYou)),
        Outcome::Withdrawn | Outcome::Gone => Err(AppError::NotFound),
    }
}

/// A fresh link to hand over another way: the links already sent keep
/// working (nothing is destroyed by surprise), no mail goes, the expiry is
/// renewed only if it had passed.
#[tracing::instrument(
    name = "invitation_tab::copy_link",
    skip_all,
    fields(actor = %me.user.id, invitation = %invitation)
)]
pub async fn copy_link(
    state: &AppState,
    me: &CurrentUser,
    invitation: InvitationId,
) -> AppResult<String> {
    let id = invitation;
    let mut tx = state.db.begin().await?;
    let (all, tree) = tree_of(&mut tx).await?;
    let session = Session::open(state, me, &mut tx, &all, &tree)
        .await?
        .ok_or(AppError::NotFound)?;
    let loaded = session.load(&mut tx, id).await?;
    if !session.whole(&loaded) {
        return Err(AppError::Invalid(Msg::ErrInvitationBeyondYou));
    }
    let invitation = loaded.invitation;
    let now = session.now;
    if !tab::reopen_if_expired(&mut tx, id, now + session.life.lifetime, now).await? {
        return Err(AppError::NotFound);
    }
    // One more live link: the mailed one keeps working (the person may
    // already have it open). Re-sending is what replaces every link.
    let raw = token::generate();
    invitations::add_link(&mut tx, id, &token::hash(&raw), now).await?;
    session
        .audit(
            &mut tx,
            AuditAction::InvitationLinkCopied,
            &invitation,
            &loaded.grants,
        )
        .await?;
    tx.commit().await?;
    Ok(session.ctx.link(&raw))
}

/// Cancels or re-sends each targeted invitation, skipping what is out of
/// scope, accepted or cancelled, and re-sends refused by the rate limit.
/// Committed every `BULK_CHUNK` invitations.
#[tracing::instrument(
    name = "invitation_tab::bulk",
    skip_all,
    fields(
        actor = %me.user.id,
        action = action.name(),
        matching = matches!(target, BulkTarget::Matching(_)),
        ids = tracing::field::Empty,
    )
)]
pub async fn bulk(
    state: &AppState,
    me: &CurrentUser,
    action: BulkAction,
    target: BulkTarget,
) -> AppResult<BulkSummary> {
    let mut summary = BulkSummary::default();
    let mut conn = state.db.pool.acquire().await?;
    let (all, tree) = tree_of(&mut conn).await?;
    let ids: Vec<InvitationId> = match target {
        BulkTarget::Ids(ids) => {
            let mut seen = HashSet::new();
            ids.into_iter().filter(|id| seen.insert(*id)).collect()
        }
        BulkTarget::Matching(filter) => {
            match scope_of(me, &tree).and_then(|scope| criteria(scope, &filter, state.now())) {
                Some(criteria) => tab::ids(&mut conn, &criteria).await?,
                None => Vec::new(),
            }
        }
    };
    tracing::Span::current().record("ids", ids.len());
    let Some(mut session) = Session::open(state, me, &mut conn, &all, &tree).await? else {
        summary.skipped = ids.len();
        return Ok(summary);
    };
    drop(conn);
    for chunk in ids.chunks(BULK_CHUNK) {
        let done_before = summary.done;
        let mut tx = state.db.begin().await?;
        let mut grants: HashMap<InvitationId, Vec<(GroupId, GroupRole)>> = HashMap::new();
        for (invitation, group, role) in tab::grants_of(&mut tx, chunk).await? {
            grants.entry(invitation).or_default().push((group, role));
        }
        for id in chunk {
            let held = grants.remove(id).unwrap_or_default();
            let reachable = session.in_scope(&held);
            let loaded = match invitations::by_id(&mut tx, *id).await? {
                Some(invitation) if reachable && invitation.status == InvitationStatus::Pending => {
                    Loaded {
                        invitation,
                        grants: held,
                    }
                }
                _ => {
                    summary.skipped += 1;
                    continue;
                }
            };
            let done = match action {
                BulkAction::Cancel => session.cancel(&mut tx, &loaded).await?,
                BulkAction::Resend => session.resend(&mut tx, &loaded).await?,
            };
            match done {
                Outcome::Applied => summary.done += 1,
                Outcome::RateLimited => summary.rate_limited += 1,
                Outcome::Withdrawn | Outcome::BeyondCaller => summary.partial += 1,
                Outcome::Gone | Outcome::AwaitingSeat => summary.skipped += 1,
            }
        }
        tx.commit().await?;
        if matches!(action, BulkAction::Resend) && summary.done > done_before {
            state.mail_wakeup.notify_one();
        }
    }
    Ok(summary)
}
