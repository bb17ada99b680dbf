//! `+ → Utilisateur → Invitations`: every invitation this admin is
//! responsible for, with its mail's fate, and the actions on one or many.
//! The filter lives in the URL (bookmarkable, works without script).

use super::loaded::{Loaded, loaded};
use crate::domain::{GroupId, InvitationId, UserId};
use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::format;
use super::lang::use_lang;
use super::widgets::{CopyButton, Loading, Pager};
use crate::api::ApiError;
use crate::api::invitation_tab::{
    ActivateWaitingInvitation, BulkInput, BulkInvitations, BulkSummary, CancelInvitation,
    CancelOutcome, CopyInvitationLink, DeliveryState, ListInput, ResendInvitation, TabPage, TabRow,
    get_invitations,
};
use crate::contracts::form::urlencode;
use crate::i18n::{Arg, Lang, Msg};

/// The filter in the URL, as `get_invitations` takes it.
fn use_filter_query() -> Memo<ListInput> {
    let query = use_query_map();
    Memo::new(move |_| {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        ListInput {
            search: get("q"),
            status: get("status"),
            delivery: get("delivery"),
            group: get("group"),
            inviter: get("inviter"),
            sort: get("sort"),
            page: get("page").parse().unwrap_or(1).max(1),
        }
    })
}

/// The tab's data: the filter in the URL, a version the actions bump, and
/// the page they select. The panel page's header reads the same page (the
/// group's path is among its filter choices), outside the tab's boundary.
#[derive(Clone, Copy)]
pub struct TabData {
    query: Memo<ListInput>,
    version: RwSignal<u32>,
    list: Loaded<Result<TabPage, ApiError>>,
}

pub fn use_tab_data() -> TabData {
    let query = use_filter_query();
    let version = RwSignal::new(0u32);
    let list = loaded(
        move || (query.get(), version.get()),
        |(q, _)| get_invitations(q),
    );
    TabData {
        query,
        version,
        list,
    }
}

/// Breadcrumb and title: where the admin is (the group, by its path) and
/// what the page is.
#[component]
pub fn InvitationsHeader(group_id: GroupId, data: TabData) -> impl IntoView {
    let lang = use_lang();
    let plain = move || {
        view! {
            <header class="page-header">
                <h1>{lang.t(Msg::InvitationsTitle)}</h1>
            </header>
        }
        .into_any()
    };
    view! {
        <Transition fallback=plain>
            {move || Suspend::new(async move {
                let path = data
                    .list
                    .await
                    .ok()
                    .and_then(|page| page.groups.into_iter().find(|(g, _)| *g == group_id))
                    .map(|(_, path)| path);
                let Some(path) = path else { return plain() };
                let name = format::last_group(&path).to_owned();
                view! {
                    <header class="page-header">
                        <nav aria-label=lang.t(Msg::Breadcrumb)>
                            <ol class="breadcrumb">
                                <li>
                                    <a href=format!("/groups/{group_id}")>{path}</a>
                                </li>
                                <li>
                                    <span aria-current="page">{lang.t(Msg::InvitationsTitle)}</span>
                                </li>
                            </ol>
                        </nav>
                        <h1>{lang.fmt(Msg::InvitationsOfGroup, &[("group", name.into())])}</h1>
                    </header>
                }
                    .into_any()
            })}
        </Transition>
    }
}

#[component]
pub fn InvitationsTab(data: TabData) -> impl IntoView {
    let lang = use_lang();
    let TabData {
        query,
        version,
        list,
    } = data;
    let resend = ServerAction::<ResendInvitation>::new();
    let cancel = ServerAction::<CancelInvitation>::new();
    let copy = ServerAction::<CopyInvitationLink>::new();
    let activate = ServerAction::<ActivateWaitingInvitation>::new();
    let bulk = ServerAction::<BulkInvitations>::new();
    let selected = RwSignal::new(BTreeSet::<InvitationId>::new());
    // The latest action's outcome, and the row it was about: one at a time,
    // a new one replaces it (messages never pile up).
    let note = RwSignal::new(None::<(Option<InvitationId>, Note)>);
    let target = RwSignal::new(None::<InvitationId>);
    Effect::new(move |_| {
        if let Some(result) = resend.value().get() {
            note.set(Some((
                target.get_untracked(),
                result.map_or_else(Note::Failed, |()| Note::Done(Msg::Resent)),
            )));
        }
    });
    Effect::new(move |_| {
        if let Some(result) = cancel.value().get() {
            let done = |outcome| match outcome {
                CancelOutcome::Cancelled => Note::Gone(Msg::CancelledDone),
                CancelOutcome::Withdrawn => Note::Gone(Msg::GrantsWithdrawn),
            };
            note.set(Some((
                target.get_untracked(),
                result.map_or_else(Note::Failed, done),
            )));
        }
    });
    Effect::new(move |_| {
        if let Some(result) = copy.value().get() {
            note.set(Some((
                target.get_untracked(),
                result.map_or_else(Note::Failed, Note::Link),
            )));
        }
    });
    Effect::new(move |_| {
        if let Some(result) = activate.value().get() {
            note.set(Some((
                target.get_untracked(),
                result.map_or_else(Note::Failed, |()| Note::Gone(Msg::ActivatedWaiting)),
            )));
        }
    });
    Effect::new(move |_| {
        if let Some(result) = bulk.value().get() {
            note.set(Some((None, result.map_or_else(Note::Failed, Note::Bulk))));
        }
    });
    // Any action's success reloads the list.
    Effect::new(move |_| {
        let changed = matches!(resend.value().get(), Some(Ok(())))
            || matches!(cancel.value().get(), Some(Ok(_)))
            || matches!(copy.value().get(), Some(Ok(_)))
            || matches!(activate.value().get(), Some(Ok(())))
            || matches!(bulk.value().get(), Some(Ok(_)));
        if changed {
            selected.set(BTreeSet::new());
            version.update(|v| *v += 1);
        }
    });
    let actions = RowActions {
        resend,
        cancel,
        copy,
        activate,
        note,
        target,
    };
    view! {
        <Feedback note />
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(page) => {
                        // The group and inviter choices come with the page:
                        // they are those of the caller's scope.
                        let groups = page.groups.clone();
                        let inviters = page.inviters.clone();
                        view! {
                            <FilterForm query=query.get_untracked() groups inviters />
                            <TabBody page query=query.get_untracked() actions bulk selected />
                        }
                            .into_any()
                    }
                    Err(e) => {
                        view! { <p class="form-error" role="alert">{lang.t(e.message())}</p> }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[derive(Clone, Copy)]
struct RowActions {
    resend: ServerAction<ResendInvitation>,
    cancel: ServerAction<CancelInvitation>,
    copy: ServerAction<CopyInvitationLink>,
    activate: ServerAction<ActivateWaitingInvitation>,
    note: RwSignal<Option<(Option<InvitationId>, Note)>>,
    /// The row the running action is about.
    target: RwSignal<Option<InvitationId>>,
}

/// What the latest action came to.
#[derive(Clone, Debug)]
enum Note {
    /// Done, on a row that stays.
    Done(Msg),
    /// Done, and the row leaves the list: said in a toast.
    Gone(Msg),
    /// A new link to hand over.
    Link(String),
    Bulk(BulkSummary),
    Failed(ApiError),
}

#[component]
fn FilterForm(
    query: ListInput,
    groups: Vec<(GroupId, String)>,
    inviters: Vec<(UserId, String)>,
) -> impl IntoView {
    let lang = use_lang();
    // A select over (id, label) pairs, "any" first.
    // Ids arrive as their decimal text, what the form sends back.
    let choice =
        move |id: &'static str, label: Msg, current: String, items: Vec<(String, String)>| {
            view! {
                <div class="field">
                    <label for=id>{lang.t(label)}</label>
                    <select id=id name=id>
                        <option value="" selected=current.is_empty()>{lang.t(Msg::Any)}</option>
                        {items
                            .into_iter()
                            .map(|(value, text)| {
                                let selected = current == value;
                                view! { <option value=value selected=selected>{text}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
            }
        };
    let select = move |id: &'static str,
                       label: Msg,
                       current: String,
                       options: Vec<(&'static str, Msg)>| {
        view! {
            <div class="field">
                <label for=id>{lang.t(label)}</label>
                <select id=id name=id>
                    {options
                        .into_iter()
                        .map(|(value, msg)| {
                            view! { <option value=value selected=current == value>{lang.t(msg)}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <form method="get" class="filters">
            <div class="field grow">
                <label for="q">{lang.t(Msg::Search)}</label>
                <input type="search" id="q" name="q" value=query.search.clone() />
            </div>
            {select(
                "status",
                Msg::FilterStatus,
                query.status.clone(),
                vec![
                    ("", Msg::Any),
                    ("pending", Msg::StatusPendingShort),
                    ("expired", Msg::StatusExpired),
                    ("awaiting_seat", Msg::StatusAwaitingSeat),
                ],
            )}
            {select(
                "delivery",
                Msg::FilterDelivery,
                query.delivery.clone(),
                vec![
                    ("", Msg::Any),
                    ("queued", Msg::DeliveryQueued),
                    ("sent", Msg::DeliverySent),
                    ("failed", Msg::DeliveryFailed),
                ],
            )}
            {select(
                "sort",
                Msg::FilterSort,
                query.sort.clone(),
                vec![("newest", Msg::SortNewest), ("oldest", Msg::SortOldest)],
            )}
            {choice("group", Msg::FilterGroup, query.group.clone(), as_text(groups))}
            {choice("inviter", Msg::FilterInviter, query.inviter.clone(), as_text(inviters))}
            <button type="submit" class="button secondary">{lang.t(Msg::Filter)}</button>
        </form>
    }
}

/// The outcome of the latest action that has no row to sit on: a bulk
/// run (by the bulk bar, above the table), or a row that left the list
/// (a toast at the bottom of the screen). One reactive child, so hydration
/// has a single marker to find.
#[component]
fn Feedback(note: RwSignal<Option<(Option<InvitationId>, Note)>>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="feedback" aria-live="polite">
            {move || match note.get() {
                Some((None, Note::Bulk(summary))) => Some(bulk_summary(summary, lang).into_any()),
                Some((None, Note::Failed(e))) => {
                    Some(view! { <p class="form-error" role="alert">{lang.t(e.message())}</p> }.into_any())
                }
                Some((_, Note::Gone(msg))) => {
                    Some(
                        view! {
                            <p class="toast" role="status">
                                {lang.t(msg)}
                                <button
                                    type="button"
                                    class="toast-close"
                                    aria-label=lang.t(Msg::Dismiss)
                                    on:click=move |_| note.set(None)
                                >
                                    "×"
                                </button>
                            </p>
                        }
                            .into_any(),
                    )
                }
                _ => None,
            }}
        </div>
    }
}

/// The latest action's outcome on the row it was about, under it.
#[component]
fn RowNote(id: InvitationId, actions: RowActions) -> impl IntoView {
    let lang = use_lang();
    move || {
        let (Some(on), note) = actions.note.get()? else {
            return None;
        };
        if on != id {
            return None;
        }
        let body = match note {
            Note::Done(msg) => {
                view! { <p class="form-success" role="status">{lang.t(msg)}</p> }.into_any()
            }
            Note::Failed(e) => {
                view! { <p class="form-error" role="alert">{e.text(lang)}</p> }.into_any()
            }
            Note::Link(url) => view! {
                <div class="copied-link" role="status">
                    <p>{lang.t(Msg::LinkIssued)}</p>
                    <div class="copy-row">
                        <label class="visually-hidden" for="issued-link">
                            {lang.t(Msg::CopyLink)}
                        </label>
                        <input id="issued-link" readonly value=url.clone() />
                        <CopyButton text=url />
                    </div>
                </div>
            }
            .into_any(),
            Note::Gone(_) | Note::Bulk(_) => return None,
        };
        Some(view! {
            <tr class="row-note">
                <td></td>
                <td colspan="5">{body}</td>
            </tr>
        })
    }
}

/// (id, label) pairs with the id as the text a form posts.
fn as_text<Id: std::fmt::Display>(items: Vec<(Id, String)>) -> Vec<(String, String)> {
    items
        .into_iter()
        .map(|(id, label)| (id.to_string(), label))
        .collect()
}

fn bulk_summary(s: BulkSummary, lang: Lang) -> impl IntoView {
    let count = |msg: Msg, n| lang.fmt(msg, &[("count", Arg::from(n))]);
    let mut parts = vec![count(Msg::BulkDone, s.done)];
    if s.rate_limited > 0 {
        parts.push(count(Msg::BulkRateLimited, s.rate_limited));
    }
    if s.skipped > 0 {
        parts.push(count(Msg::BulkSkipped, s.skipped));
    }
    if s.partial > 0 {
        parts.push(count(Msg::BulkPartial, s.partial));
    }
    // A run that changed nothing is not a success.
    let class = if s.done == 0 {
        "form-warning"
    } else {
        "form-success"
    };
    view! { <p class=class role="status">{parts.join(" · ")}</p> }
}

#[component]
fn TabBody(
    page: TabPage,
    query: ListInput,
    actions: RowActions,
    bulk: ServerAction<BulkInvitations>,
    selected: RwSignal<BTreeSet<InvitationId>>,
) -> impl IntoView {
    let lang = use_lang();
    if page.rows.is_empty() {
        return view! {
            <div class="empty-state">
                <p>{lang.t(Msg::NoInvitations)}</p>
                <p class="muted">{lang.t(Msg::NoInvitationsHint)}</p>
            </div>
        }
        .into_any();
    }
    // Effects run once this part is hydrated: until then its buttons are
    // inert, and tests wait for the marker.
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let first = (page.page - 1) * page.per_page + 1;
    let last = first + page.rows.len() as i64 - 1;
    let total_text = count_text(page.total, page.capped);
    let page_ids: Vec<InvitationId> = page.rows.iter().map(|r| r.id).collect();
    let all_on_page = {
        let ids = page_ids.clone();
        move || {
            let s = selected.get();
            !ids.is_empty() && ids.iter().all(|id| s.contains(id))
        }
    };
    let rows = page
        .rows
        .into_iter()
        .map(|row| view! { <InvitationRow row actions selected /> })
        .collect_view();
    view! {
        <BulkBar total=page.total capped=page.capped query=query.clone() bulk selected />
        <p class="muted count">
            {lang.fmt(
                Msg::PageRange,
                &[("first", first.into()), ("last", last.into()), ("total", total_text.clone().into())],
            )}
        </p>
        <div class="table-wrap" data-ready=move || ready.get().to_string()>
            <table class="data-table invitations">
                <thead>
                    <tr>
                        <th scope="col" class="select">
                            <input
                                type="checkbox"
                                aria-label=lang.t(Msg::SelectPage)
                                prop:checked=all_on_page
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    selected
                                        .update(|s| {
                                            for id in &page_ids {
                                                if on { s.insert(*id); } else { s.remove(id); }
                                            }
                                        });
                                }
                            />
                        </th>
                        <th scope="col" class="email">{lang.t(Msg::ColEmail)}</th>
                        <th scope="col">{lang.t(Msg::ColGroupsRoles)}</th>
                        <th scope="col">{lang.t(Msg::ColStatus)}</th>
                        <th scope="col">{lang.t(Msg::ColHistory)}</th>
                        <th scope="col">{lang.t(Msg::ColActions)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Pager page=page.page per_page=page.per_page total=page.total capped=page.capped tail=query_tail(&query) />
    }
    .into_any()
}

#[component]
fn InvitationRow(
    row: TabRow,
    actions: RowActions,
    selected: RwSignal<BTreeSet<InvitationId>>,
) -> impl IntoView {
    let lang = use_lang();
    let id = row.id;
    let whole = row.whole;
    // Cancelling (or withdrawing) is asked again on the row itself, as the
    // bulk action is: nothing is destroyed by one stray click.
    let confirming = RwSignal::new(false);
    let question_id = format!("cancel-question-{id}");
    // Written when asked, not for each of the page's rows.
    let email = row.email.clone();
    let question = move || {
        lang.fmt(
            if whole {
                Msg::ConfirmCancelOne
            } else {
                Msg::ConfirmWithdrawOne
            },
            &[("email", email.as_str().into())],
        )
    };
    let grants = row
        .grants
        .iter()
        .map(|(group, role)| format!("{group} ({})", lang.t(format::role(*role))))
        .collect::<Vec<_>>()
        .join(", ");
    let (delivery_class, delivery_msg) = match row.delivery {
        DeliveryState::Sent => ("status active", Msg::DeliverySent),
        DeliveryState::Failed => ("status failed", Msg::DeliveryFailed),
        DeliveryState::Queued => ("status pending", Msg::DeliveryQueued),
    };
    let awaiting = row.awaiting_seat_since;
    let (status_class, status_msg) = if awaiting.is_some() {
        ("status waiting", Msg::StatusAwaitingSeat)
    } else if row.expired {
        ("status failed", Msg::StatusExpired)
    } else {
        ("status pending", Msg::StatusPendingShort)
    };
    let date = move |t: i64| format::date(t, lang);
    // The secondary facts, one line each, only those that say something.
    let on = |msg: Msg, t: i64| lang.fmt(msg, &[("date", date(t).into())]);
    let mut history = vec![match row.invited_by.clone() {
        Some(name) => lang.fmt(
            Msg::SentOnBy,
            &[("date", date(row.created_at).into()), ("name", name.into())],
        ),
        None => on(Msg::SentOn, row.created_at),
    }];
    if row.send_count > 1 {
        history.push(lang.fmt(
            Msg::LastSentOn,
            &[
                ("date", date(row.last_sent_at).into()),
                ("count", row.send_count.into()),
            ],
        ));
    }
    if let Some(t) = row.reminder_sent_at {
        history.push(on(Msg::ReminderOn, t));
    }
    match awaiting {
        Some(t) => history.push(on(Msg::AwaitingSeatSince, t)),
        None => history.push(on(
            if row.expired {
                Msg::ExpiredOn
            } else {
                Msg::ExpiresOn
            },
            row.expires_at,
        )),
    }
    if let Some(t) = row.deletion_at {
        history.push(on(Msg::DeletionOn, t));
    }
    let label = format!("{} {}", lang.t(Msg::SelectRow), row.email);
    view! {
        <tr>
            <td class="select">
                <input
                    type="checkbox"
                    aria-label=label
                    prop:checked=move || selected.with(|s| s.contains(&id))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        selected.update(|s| { if on { s.insert(id); } else { s.remove(&id); } });
                    }
                />
            </td>
            <td class="email">{address(&row.email)}</td>
            <td class="grants">
                {grants}
                {(!whole).then(|| view! { <small class="muted partly-yours">{lang.t(Msg::InvitationPartlyYours)}</small> })}
            </td>
            <td class="states">
                <span class=status_class>{lang.t(status_msg)}</span>
                <span class=delivery_class>
                    <span class="visually-hidden">{lang.t(Msg::ColDelivery)} " : "</span>
                    {lang.t(delivery_msg)}
                </span>
                {row.delivery_error.clone().map(|e| view! { <small class="delivery-error">{e}</small> })}
            </td>
            <td class="history">
                <ul class="history-lines">
                    {history.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            </td>
            <td class="row-actions">
                // A link carries every grant of its invitation: who may not
                // grant them all neither re-sends it nor copies it.
                {(whole && awaiting.is_some())
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="link-button"
                                on:click=move |_| {
                                    actions.target.set(Some(id));
                                    actions.activate.dispatch(ActivateWaitingInvitation { id });
                                }
                            >
                                {lang.t(Msg::ActivateWaiting)}
                            </button>
                        }
                    })}
                {(whole && awaiting.is_none())
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="link-button"
                                on:click=move |_| {
                                    actions.target.set(Some(id));
                                    actions.resend.dispatch(ResendInvitation { id });
                                }
                            >
                                {lang.t(Msg::Resend)}
                            </button>
                            <button
                                type="button"
                                class="link-button"
                                on:click=move |_| {
                                    actions.target.set(Some(id));
                                    actions.copy.dispatch(CopyInvitationLink { id });
                                }
                            >
                                {lang.t(Msg::CopyLink)}
                            </button>
                        }
                    })}
                <button
                    type="button"
                    class="link-button danger"
                    aria-expanded=move || confirming.get().to_string()
                    on:click=move |_| confirming.set(true)
                >
                    {lang.t(if whole { Msg::CancelInvitation } else { Msg::WithdrawMyGrants })}
                </button>
                {move || {
                    confirming
                        .get()
                        .then(|| {
                            view! {
                                <div class="confirm row-confirm" role="alertdialog" aria-labelledby=question_id.clone()>
                                    <p id=question_id.clone()>{question()}</p>
                                    <button
                                        type="button"
                                        class="button danger small"
                                        on:click=move |_| {
                                            confirming.set(false);
                                            actions.target.set(Some(id));
                                            actions.cancel.dispatch(CancelInvitation { id });
                                        }
                                    >
                                        {lang.t(Msg::Confirm)}
                                    </button>
                                    <button
                                        type="button"
                                        class="button secondary small"
                                        on:click=move |_| confirming.set(false)
                                    >
                                        {lang.t(Msg::KeepIt)}
                                    </button>
                                </div>
                            }
                        })
                }}
            </td>
        </tr>
        <RowNote id actions />
    }
}

/// An address on one line, or — only when the table has no room for a
/// very long one — on two, after its `@`, never letter by letter.
fn address(email: &str) -> impl IntoView + use<> {
    let (local, domain) = email.rsplit_once('@').unwrap_or((email, ""));
    let (local, domain) = (format!("{local}@"), domain.to_owned());
    view! {
        <span class="nobr">{local}</span>
        <wbr />
        <span class="nobr">{domain}</span>
    }
}

/// Bulk actions on the selection or on everything the filter matches,
/// always confirmed with the number they will touch.
#[component]
fn BulkBar(
    total: i64,
    capped: bool,
    query: ListInput,
    bulk: ServerAction<BulkInvitations>,
    selected: RwSignal<BTreeSet<InvitationId>>,
) -> impl IntoView {
    let lang = use_lang();
    let total_text = count_text(total, capped);
    // (action, all matching?) awaiting confirmation
    let pending = RwSignal::new(None::<(&'static str, bool)>);
    let ask = move |action: &'static str, all: bool| move |_| pending.set(Some((action, all)));
    let confirm = move |_| {
        if let Some((action, all)) = pending.get_untracked() {
            let ids = selected
                .get_untracked()
                .iter()
                .map(|id| id.to_string())
                .collect::<Vec<_>>()
                .join(",");
            bulk.dispatch(BulkInvitations {
                input: BulkInput {
                    action: action.to_owned(),
                    ids: if all { String::new() } else { ids },
                    all_matching: all,
                    search: query.search.clone(),
                    status: query.status.clone(),
                    delivery: query.delivery.clone(),
                    group: query.group.clone(),
                    inviter: query.inviter.clone(),
                },
            });
        }
        pending.set(None);
    };
    view! {
        <div class="bulk-bar">
            <span class="muted">
                {move || lang.fmt(Msg::Selected, &[("count", selected.with(|s| s.len()).into())])}
            </span>
            <button
                type="button"
                class="button secondary"
                disabled=move || selected.with(|s| s.is_empty())
                on:click=ask("resend", false)
            >
                {lang.t(Msg::ResendSelection)}
            </button>
            <button
                type="button"
                class="button secondary"
                disabled=move || selected.with(|s| s.is_empty())
                on:click=ask("cancel", false)
            >
                {lang.t(Msg::CancelSelection)}
            </button>
            <button type="button" class="button secondary" on:click=ask("resend", true)>
                {lang.t(Msg::ResendMatching)} " (" {total_text.clone()} ")"
            </button>
            <button type="button" class="button secondary" on:click=ask("cancel", true)>
                {lang.t(Msg::CancelMatching)} " (" {total_text} ")"
            </button>
        </div>
        {move || {
            pending
                .get()
                .map(|(action, all)| {
                    let count = if all { total } else { selected.with(|s| s.len() as i64) };
                    let counted = if all && capped {
                        lang.fmt(Msg::InvitationsCountMore, &[("count", count.into())])
                    } else {
                        lang.fmt(Msg::InvitationsCount, &[("count", count.into())])
                    };
                    let question = if action == "resend" { Msg::ConfirmResend } else { Msg::ConfirmCancel };
                    view! {
                        <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
                            <p id="confirm-text">
                                <strong>{counted}</strong>
                                " — "
                                {lang.t(question)}
                            </p>
                            <button type="button" class="button primary" on:click=confirm.clone()>
                                {lang.t(Msg::Confirm)}
                            </button>
                            <button type="button" class="button secondary" on:click=move |_| pending.set(None)>
                                {lang.t(Msg::Cancel)}
                            </button>
                        </div>
                    }
                })
        }}
    }
}

/// The filters and sort of `query` as the end of a page link (`&q=…`),
/// so that paging keeps them.
fn query_tail(query: &ListInput) -> String {
    [
        ("q", &query.search),
        ("status", &query.status),
        ("delivery", &query.delivery),
        ("group", &query.group),
        ("inviter", &query.inviter),
        ("sort", &query.sort),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("&{k}={}", urlencode(v)))
    .collect()
}

/// A count as the tab says it: "12 345", or "plus de 10 000" past the cap.
fn count_text(total: i64, capped: bool) -> String {
    let lang = use_lang();
    if capped {
        lang.fmt(Msg::MoreThan, &[("count", total.into())])
    } else {
        total.to_string()
    }
}
