//! Seats: the one check every door runs when it makes a billable member
//! active, and the invitees who wait for a free seat.
//!
//! `start_billing` is the only way billing starts (accepting an
//! invitation, `CRÉER COMPTE`, guest → member, and every door added
//! later): it takes the seats' turn (`store::seats::take_turn`), counts
//! the billable members as committed before that turn, and refuses when
//! none is free — inside the caller's transaction, so a refusal leaves
//! nothing of the activation behind.

use crate::contracts::seats::SeatUse;
use crate::domain::billing::BillingReason;
use crate::domain::{AccountType, InvitationId, UserId, policy};
use crate::i18n::Msg;
use crate::server::error::{AppError, AppResult};
use crate::server::mail::{
    AccountOpenedMail, Rendered, SeatWaitingMail, account_opened, message_id_domain, seat_waiting,
};
use crate::server::services::auth::CurrentUser;
use crate::server::services::directory::Directory;
use crate::server::services::invitations::{
    self as invitation_service, CompletedForm, open_account,
};
use crate::server::state::AppState;
use crate::server::store::invitations::InvitationRecord;
use crate::server::store::{Conn, invitations, outbox, seats, users};

/// Billable members now and the limit.
pub async fn usage(conn: &mut Conn) -> AppResult<SeatUse> {
    Ok(SeatUse {
        used: seats::billable_count(conn, &[]).await?,
        limit: seats::limit(conn).await?,
    })
}

/// Billing starts for `user_id`, active as `account_type` from `now`:
/// for a member, one seat is taken or `AppError::SeatsFull` is returned
/// (the caller's transaction must then be dropped); a guest takes none.
pub async fn start_billing(
    conn: &mut Conn,
    user_id: UserId,
    account_type: AccountType,
    reason: BillingReason,
    now: i64,
) -> AppResult<()> {
    start_billing_many(conn, &[(user_id, account_type)], reason, now).await
}

/// `start_billing` for accounts activated together: they all fit, or none
/// does (`SeatsFull`; the caller drops what it wrote). The turn is taken
/// once; without a limit, nothing is counted.
pub async fn start_billing_many(
    conn: &mut Conn,
    accounts: &[(UserId, AccountType)],
    reason: BillingReason,
    now: i64,
) -> AppResult<()> {
    let billable: Vec<UserId> = accounts
        .iter()
        .filter(|(_, t)| t.is_billable())
        .map(|(id, _)| *id)
        .collect();
    if billable.is_empty() {
        return Ok(());
    }
    if let Some(limit) = seats::take_turn(conn).await? {
        let used = seats::billable_count(conn, &billable).await?;
        if !policy::seats_available(Some(limit), used, billable.len() as i64) {
            return Err(AppError::SeatsFull { limit, used });
        }
    }
    users::record_billing_starts(conn, accounts, reason, now).await?;
    Ok(())
}

/// Mails every platform admin, each in their language, that `email` waits
/// for a seat (in the caller's transaction; the caller rings the worker).
pub(crate) async fn mail_admins_someone_waits(
    state: &AppState,
    conn: &mut Conn,
    email: &str,
    name: &str,
    limit: i64,
    now: i64,
) -> AppResult<()> {
    let link = page_link(state, "/settings/platform");
    for admin in users::platform_admins(conn).await? {
        let Some(recipient) = admin.email.clone() else {
            continue;
        };
        let rendered = seat_waiting(&SeatWaitingMail {
            lang: admin.language,
            name,
            email,
            limit,
            link: link.as_str(),
        });
        queue(
            state,
            conn,
            "seat_waiting",
            recipient,
            rendered,
            admin.id,
            now,
        )
        .await?;
    }
    Ok(())
}

/// Opens the accounts of the invitees waiting for a seat, first completed
/// first, while seats are free; each is mailed. Run by the minute job and
/// right after a seat frees or the limit is raised. Safe on several
/// instances: consuming an invitation is a conditional update and the
/// seat check takes its turn, so each opens once and never beyond the
/// limit. Returns how many opened.
#[tracing::instrument(name = "seats::activate_waiting", skip_all)]
pub async fn activate_waiting(state: &AppState) -> AppResult<usize> {
    let mut opened = 0;
    loop {
        let waiting = {
            let mut conn = state.db.pool.acquire().await?;
            invitations::waiting_for_seat(&mut conn, 50).await?
        };
        if waiting.is_empty() {
            break;
        }
        let batch = waiting.len();
        for invitation in waiting {
            match activate_one(state, &invitation).await {
                Ok(true) => opened += 1,
                Ok(false) => {}
                Err(AppError::SeatsFull { .. }) => return finish(state, opened),
                Err(e) => return Err(e),
            }
        }
        if batch < 50 {
            break;
        }
    }
    finish(state, opened)
}

fn finish(state: &AppState, opened: usize) -> AppResult<usize> {
    if opened > 0 {
        state.mail_wakeup.notify_one();
    }
    Ok(opened)
}

/// Opens one waiting invitee's account with the form they completed, and
/// mails them. False when it no longer waits (opened or cancelled
/// meanwhile); `SeatsFull` when no seat is free.
async fn activate_one(state: &AppState, invitation: &InvitationRecord) -> AppResult<bool> {
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let Some(json) = invitations::waiting_form(&mut tx, invitation.id).await? else {
        return Ok(false);
    };
    let form: CompletedForm = serde_json::from_str(&json).map_err(AppError::internal)?;
    let opened = match open_account(&mut tx, invitation, &form, now).await {
        Err(AppError::Invalid(Msg::InvitationUsed)) => return Ok(false),
        other => other?,
    };
    let user = users::by_id(&mut tx, opened.user_id)
        .await?
        .ok_or_else(|| AppError::internal("account vanished in its own transaction"))?;
    let link = page_link(state, "/login");
    let rendered = account_opened(&AccountOpenedMail {
        lang: user.language,
        name: &user.display_name(),
        login: &invitation.email,
        link: link.as_str(),
    });
    let recipient = invitation.email.clone();
    queue(
        state,
        &mut tx,
        "account_opened",
        recipient,
        rendered,
        user.id,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// An admin opens a waiting invitee's account by hand (`Activer`): only
/// one who may act on the whole invitation; refused with the limit and
/// the count when no seat is free.
#[tracing::instrument(name = "seats::activate_by_hand", skip_all, fields(actor = %me.user.id, invitation = %id))]
pub async fn activate_by_hand(
    state: &AppState,
    me: &CurrentUser,
    id: InvitationId,
) -> AppResult<()> {
    let invitation = {
        let mut conn = state.db.pool.acquire().await?;
        let invitation = invitations::by_id(&mut conn, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let tree = Directory::load(&mut conn).await?.tree;
        let scope = policy::invitation_scope(&me.actor, &tree);
        let grants = invitations::grants(&mut conn, id).await?;
        if !scope.reaches(&grants) {
            return Err(AppError::NotFound);
        }
        if !invitation_service::may_handle(&mut conn, me, &tree, &invitation).await? {
            return Err(AppError::Invalid(Msg::ErrInvitationBeyondYou));
        }
        invitation
    };
    if invitation.seat_wait_since.is_none() {
        return Err(AppError::Invalid(Msg::ErrNotWaitingForSeat));
    }
    if !activate_one(state, &invitation).await? {
        return Err(AppError::Invalid(Msg::ErrNotWaitingForSeat));
    }
    state.mail_wakeup.notify_one();
    Ok(())
}

/// A page of the platform, absolute, for a mail.
fn page_link(state: &AppState, path: &str) -> url::Url {
    state
        .config
        .public_url
        .join(path)
        .expect("a static path joins any base URL")
}

/// Queues a rendered mail to an account's holder in the caller's
/// transaction (the caller rings the worker).
async fn queue(
    state: &AppState,
    conn: &mut Conn,
    kind: &'static str,
    recipient: String,
    rendered: Rendered,
    user_id: UserId,
    now: i64,
) -> AppResult<()> {
    outbox::enqueue(
        conn,
        &outbox::NewMail {
            kind,
            recipient,
            subject: rendered.subject,
            body_text: rendered.text,
            body_html: rendered.html,
            invitation_id: None,
            user_id: Some(user_id),
        },
        &message_id_domain(&state.config),
        now,
    )
    .await?;
    Ok(())
}
