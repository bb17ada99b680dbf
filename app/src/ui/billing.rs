//! `/billing` (`Facturation`, platform admins): billable members now and the
//! limit, the history by month (chart and table), and the list behind a
//! month with its CSV and XLSX exports.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::lang::use_lang;
use super::loaded::loaded;
use super::widgets::{Loading, NotFound};
use crate::api::ApiError;
use crate::api::billing::{BillingPage, BillingQuery, get_billing};
use crate::domain::billing::MonthTally;
use crate::i18n::labels;
use crate::i18n::{Arg, Lang, Msg};

#[component]
pub fn BillingPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let input = Memo::new(move |_| BillingQuery {
        month: query.read().get("month").filter(|m| !m.is_empty()),
    });
    let page = loaded(move || input.get(), get_billing);
    view! {
        <section class="page">
            <header class="page-header">
                <h1>{lang.t(Msg::BillingTitle)}</h1>
            </header>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! { <BillingBody page /> }.into_any(),
                        Err(ApiError::Forbidden | ApiError::Unauthenticated | ApiError::NotFound) => {
                            view! { <NotFound /> }.into_any()
                        }
                        Err(e) => view! {
                            <p class="form-error" role="alert">{e.text(lang)}</p>
                            <p><a href="/billing">{lang.t(Msg::BillingThisMonth)}</a></p>
                        }
                        .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn BillingBody(page: BillingPage) -> impl IntoView {
    let lang = use_lang();
    let month = page.month;
    let code = month.code();
    let usage = match page.seats.limit {
        Some(limit) => lang.fmt(
            Msg::SeatsUsage,
            &[("used", page.seats.used.into()), ("limit", limit.into())],
        ),
        None => lang.fmt(
            Msg::SeatsUsageUnlimited,
            &[("used", page.seats.used.into())],
        ),
    };
    let shown = page.people.len() as i64;
    let more = page.billable - shown;
    view! {
        <div class="panel billing-now">
            <p class="big-number">
                <strong>{lang.count(page.seats.used)}</strong>
                " "
                {lang.t(Msg::BillingBillableNow)}
            </p>
            <p class="seat-line">{usage}</p>
            <p class="muted help">
                {lang.fmt(Msg::BillingZone, &[("zone", Arg::Text(page.time_zone.clone()))])}
                " "
                <a href="/settings/platform">{lang.t(Msg::PlatformSettingsTitle)}</a>
            </p>
        </div>
        <h2>{lang.t(Msg::BillingHistory)}</h2>
        <Chart history=page.history.clone() selected=code.clone() />
        <div class="table-wrap">
            <table class="data-table billing-history">
                <caption class="visually-hidden">{lang.t(Msg::BillingHistory)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Msg::BillingMonth)}</th>
                        <th scope="col" class="num">{lang.t(Msg::BillingStarted)}</th>
                        <th scope="col" class="num">{lang.t(Msg::BillingStopped)}</th>
                        <th scope="col" class="num">{lang.t(Msg::BillingNetEnd)}</th>
                    </tr>
                </thead>
                <tbody>
                    {page
                        .history
                        .iter()
                        .rev()
                        .map(|t| {
                            let this = t.month.code();
                            let current = this == code;
                            view! {
                                <tr class:selected=current>
                                    <th scope="row">
                                        <a
                                            href=format!("?month={this}")
                                            aria-current=current.then_some("true")
                                        >
                                            {labels::month(t.month, lang)}
                                        </a>
                                    </th>
                                    <td class="num">{lang.count(t.started)}</td>
                                    <td class="num">{lang.count(t.stopped)}</td>
                                    <td class="num">{lang.count(t.net_end)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <div class="list-header">
            <h2>
                {lang.fmt(
                    Msg::BillingListTitle,
                    &[("month", Arg::Text(labels::month(month, lang))), ("count", page.billable.into())],
                )}
            </h2>
            <div class="export-links">
                <a class="button secondary" href=format!("/billing/export.csv?month={code}") download="">
                    {lang.t(Msg::ExportCsv)}
                </a>
                <a class="button secondary" href=format!("/billing/export.xlsx?month={code}") download="">
                    {lang.t(Msg::ExportXlsx)}
                </a>
            </div>
        </div>
        {if page.people.is_empty() {
            view! { <p class="empty-state">{lang.t(Msg::BillingListEmpty)}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="data-table billing-list">
                        <thead>
                            <tr>
                                <th scope="col">{lang.t(Msg::BillingName)}</th>
                                <th scope="col">{lang.t(Msg::Email)}</th>
                                <th scope="col">{lang.t(Msg::BillingSince)}</th>
                                <th scope="col">{lang.t(Msg::BillingHow)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {page
                                .people
                                .into_iter()
                                .map(|p| {
                                    let name = match p.user_id {
                                        Some(id) => view! { <a href=format!("/users/{id}")>{p.name}</a> }.into_any(),
                                        None => view! { <span>{p.name}</span> }.into_any(),
                                    };
                                    view! {
                                        <tr>
                                            <td>{name}</td>
                                            <td class="email-cell">{p.email.unwrap_or_default()}</td>
                                            <td class="nobr">{labels::date_time(p.since, lang)}</td>
                                            <td>{lang.t(labels::billing_reason(p.reason))}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any()
        }}
        {(more > 0).then(|| view! { <p class="muted">{lang.fmt(Msg::BillingListMore, &[("count", more.into())])}</p> })}
    }
}

/// The billable members at each month's end, as bars (server-rendered SVG;
/// the table below says the same for screen readers and the keyboard). A
/// bar links to its month's list for the mouse.
#[component]
fn Chart(history: Vec<MonthTally>, selected: String) -> impl IntoView {
    let lang = use_lang();
    const W: f64 = 720.0;
    const H: f64 = 200.0;
    const BOTTOM: f64 = 24.0;
    const TOP: f64 = 18.0;
    let max = history.iter().map(|t| t.net_end).max().unwrap_or(0).max(1) as f64;
    let slot = W / history.len().max(1) as f64;
    let bars = history
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let height = (t.net_end.max(0) as f64 / max) * (H - BOTTOM - TOP);
            let x = i as f64 * slot + slot * 0.18;
            let width = slot * 0.64;
            let y = H - BOTTOM - height;
            let code = t.month.code();
            let class = if code == selected { "bar selected" } else { "bar" };
            let label = short_month(t.month, lang);
            view! {
                <a href=format!("?month={code}") tabindex="-1">
                    <title>{format!("{} : {}", labels::month(t.month, lang), lang.count(t.net_end))}</title>
                    <rect class=class x=format!("{x:.1}") y=format!("{y:.1}") width=format!("{width:.1}") height=format!("{:.1}", height.max(1.0)) rx="3" />
                    <text class="bar-value" x=format!("{:.1}", x + width / 2.0) y=format!("{:.1}", y - 4.0) text-anchor="middle">
                        {lang.count(t.net_end)}
                    </text>
                    <text class="bar-label" x=format!("{:.1}", x + width / 2.0) y=format!("{:.1}", H - 6.0) text-anchor="middle">
                        {label}
                    </text>
                </a>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            // Hidden from assistive technology and out of the tab order: the
            // table below holds the same figures and month links.
            <svg viewBox=format!("0 0 {W} {H}") aria-hidden="true" focusable="false" preserveAspectRatio="xMidYMid meet">
                <line x1="0" x2=format!("{W}") y1=format!("{}", H - BOTTOM) y2=format!("{}", H - BOTTOM) class="axis" />
                {bars}
            </svg>
            <figcaption class="muted help">{lang.t(Msg::BillingChartCaption)}</figcaption>
        </figure>
    }
}

fn short_month(month: crate::domain::billing::Month, lang: Lang) -> String {
    let full = labels::month(month, lang);
    // "nov. 2026" → "nov.", for the chart's narrow labels.
    full.split(' ').next().unwrap_or_default().to_owned()
}
