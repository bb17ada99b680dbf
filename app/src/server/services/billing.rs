//! The billing page (`Facturation`, platform admins): billable members now,
//! the history by month in the platform's time zone, the list behind a
//! month and its exports.

use jiff::tz::TimeZone;

use crate::contracts::billing::{BILLING_LIST_LIMIT, BillableLine, BillingPage, BillingQuery};
use crate::domain::billing::{self, Month};
use crate::domain::policy;
use crate::i18n::{Lang, Msg, labels};
use crate::server::error::{AppError, AppResult};
use crate::server::export::Table;
use crate::server::services::auth::CurrentUser;
use crate::server::services::{platform, seats};
use crate::server::state::AppState;
use crate::server::store::{Conn, billing as store};
use crate::server::tz;

/// Months the history shows, up to the current one.
pub const HISTORY_MONTHS: usize = 12;

/// The history by month from `first` to `last`, in the zone: each month's
/// starts and stops counted between its local midnights, plus the net of
/// everything before, folded by `domain::billing::tally`.
pub async fn history(
    conn: &mut Conn,
    zone: &TimeZone,
    first: Month,
    last: Month,
) -> AppResult<Vec<billing::MonthTally>> {
    let mut changes = vec![(
        first.prev(),
        store::net_before(conn, tz::month_start(zone, first)).await?,
    )];
    let mut month = first;
    while month <= last {
        let (started, stopped) = store::changes_between(
            conn,
            tz::month_start(zone, month),
            tz::month_start(zone, month.next()),
        )
        .await?;
        changes.push((month, started));
        changes.push((month, -stopped));
        month = month.next();
    }
    Ok(billing::tally(&changes, first, last))
}

struct Chosen {
    zone_name: String,
    zone: TimeZone,
    current: Month,
    month: Month,
}

async fn choose(
    state: &AppState,
    conn: &mut Conn,
    me: &CurrentUser,
    month: Option<&str>,
) -> AppResult<Chosen> {
    if !policy::may_read_billing(&me.actor) {
        return Err(AppError::Forbidden);
    }
    let (zone_name, zone) = platform::zone(conn).await?;
    let current = tz::month_of(&zone, state.now());
    let month = match month.map(str::trim).filter(|m| !m.is_empty()) {
        None => current,
        Some(code) => Month::parse(code)
            .filter(|m| *m <= current)
            .ok_or(AppError::Invalid(Msg::ErrBillingMonth))?,
    };
    Ok(Chosen {
        zone_name,
        zone,
        current,
        month,
    })
}

fn line(billed: store::Billed, zone: &TimeZone) -> BillableLine {
    BillableLine {
        user_id: billed.user_id.filter(|_| billed.name.is_some()),
        name: billed
            .name
            .unwrap_or_else(|| format!("#{}", billed.user_id.map(|u| u.0).unwrap_or_default())),
        email: billed.email,
        since: tz::local(zone, billed.since),
        reason: billed.reason,
    }
}

#[tracing::instrument(name = "billing::page", skip_all, fields(actor = %me.user.id))]
pub async fn page(
    state: &AppState,
    me: &CurrentUser,
    query: BillingQuery,
) -> AppResult<BillingPage> {
    let mut conn = state.db.pool.acquire().await?;
    let chosen = choose(state, &mut conn, me, query.month.as_deref()).await?;
    let mut first = chosen.current;
    for _ in 1..HISTORY_MONTHS {
        first = first.prev();
    }
    let first = first.min(chosen.month);
    let history = history(&mut conn, &chosen.zone, first, chosen.current).await?;
    // Each account alternates starts and stops, so the month's net is the
    // number billed at its end: the list's length, without counting it.
    let billable = history
        .iter()
        .find(|t| t.month == chosen.month)
        .map_or(0, |t| t.net_end);
    let until = tz::month_start(&chosen.zone, chosen.month.next());
    let people = store::billed_at(&mut conn, until, Some(BILLING_LIST_LIMIT as i64))
        .await?
        .into_iter()
        .map(|b| line(b, &chosen.zone))
        .collect();
    Ok(BillingPage {
        seats: seats::usage(&mut conn).await?,
        time_zone: chosen.zone_name,
        history,
        month: chosen.month,
        billable,
        people,
    })
}

/// Everyone billed at the end of a month, for the exports.
pub async fn export(
    state: &AppState,
    me: &CurrentUser,
    month: Option<&str>,
    lang: Lang,
) -> AppResult<(Month, Table)> {
    let mut conn = state.db.pool.acquire().await?;
    let chosen = choose(state, &mut conn, me, month).await?;
    let until = tz::month_start(&chosen.zone, chosen.month.next());
    let billed = store::billed_at(&mut conn, until, None).await?;
    let mut table = Table::new(
        [
            Msg::BillingName,
            Msg::Email,
            Msg::BillingSince,
            Msg::BillingHow,
        ]
        .iter()
        .map(|m| lang.t(*m).to_owned())
        .collect(),
    );
    for billed in billed {
        let line = line(billed, &chosen.zone);
        table.rows.push(vec![
            line.name,
            line.email.unwrap_or_default(),
            labels::date_time(line.since, lang),
            lang.t(labels::billing_reason(line.reason)).to_owned(),
        ]);
    }
    Ok((chosen.month, table))
}
