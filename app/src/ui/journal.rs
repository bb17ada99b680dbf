//! `/journal`: the audit log, newest first, for platform admins (all of it)
//! and group admins (their groups and the people in them). The filters live
//! in the URL (bookmarkable, work without script); the export downloads
//! every matching entry as CSV.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::lang::use_lang;
use super::loaded::loaded;
use super::widgets::{Loading, NotFound};
use crate::api::ApiError;
use crate::api::journal::{JournalEntry, JournalPage, JournalQuery, PersonRef, get_journal};
use crate::domain::GroupId;
use crate::domain::audit::AuditAction;
use crate::i18n::labels;
use crate::i18n::{Arg, Msg};

fn use_journal_query() -> Memo<JournalQuery> {
    let query = use_query_map();
    Memo::new(move |_| {
        let q = query.read();
        let get = |k: &str| q.get(k).filter(|v| !v.trim().is_empty());
        JournalQuery {
            actor: get("actor"),
            action: get("action"),
            group: get("group"),
            person: get("person"),
            from: get("from"),
            to: get("to"),
            before: get("before"),
        }
    })
}

#[component]
pub fn JournalPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_journal_query();
    let page = loaded(move || query.get(), get_journal);
    view! {
        <section class="page">
            <header class="page-header">
                <h1>{lang.t(Msg::JournalTitle)}</h1>
                <p class="muted help">{lang.t(Msg::JournalIntro)}</p>
            </header>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    let q = query.get_untracked();
                    match page.await {
                        Ok(page) => view! { <JournalBody page query=q /> }.into_any(),
                        Err(ApiError::Forbidden | ApiError::Unauthenticated | ApiError::NotFound) => {
                            view! { <NotFound /> }.into_any()
                        }
                        Err(e) => view! {
                            <Filters query=q groups=Vec::new() />
                            <p class="form-error" role="alert">{e.text(lang)}</p>
                        }
                        .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Filters(query: JournalQuery, groups: Vec<(GroupId, String)>) -> impl IntoView {
    let lang = use_lang();
    let text = |id: &'static str, label: Msg, value: Option<String>, kind: &'static str| {
        view! {
            <div class="field">
                <label for=id>{lang.t(label)}</label>
                <input type=kind id=id name=id value=value.unwrap_or_default() />
            </div>
        }
    };
    let current_action = query.action.clone().unwrap_or_default();
    let current_group = query.group.clone().unwrap_or_default();
    let mut actions: Vec<(AuditAction, &'static str)> = AuditAction::ALL
        .iter()
        .map(|a| (*a, lang.t(labels::action(*a))))
        .collect();
    actions.sort_by_key(|(_, label)| label.to_lowercase());
    view! {
        <form method="get" class="filters journal-filters">
            {text("actor", Msg::JournalFilterActor, query.actor.clone(), "search")}
            <div class="field">
                <label for="action">{lang.t(Msg::JournalAction)}</label>
                <select id="action" name="action">
                    <option value="">{lang.t(Msg::Any)}</option>
                    {actions
                        .into_iter()
                        .map(|(a, label)| {
                            view! {
                                <option value=a.code() selected=current_action == a.code()>
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            {(!groups.is_empty())
                .then(|| {
                    view! {
                        <div class="field">
                            <label for="group">{lang.t(Msg::JournalGroup)}</label>
                            <select id="group" name="group">
                                <option value="">{lang.t(Msg::Any)}</option>
                                {groups
                                    .into_iter()
                                    .map(|(id, path)| {
                                        let value = id.to_string();
                                        let selected = current_group == value;
                                        view! { <option value=value selected=selected>{path}</option> }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                    }
                })}
            {text("person", Msg::JournalFilterPerson, query.person.clone(), "search")}
            {text("from", Msg::JournalFrom, query.from.clone(), "date")}
            {text("to", Msg::JournalTo, query.to.clone(), "date")}
            <button type="submit" class="button secondary">{lang.t(Msg::Filter)}</button>
        </form>
    }
}

#[component]
fn JournalBody(page: JournalPage, query: JournalQuery) -> impl IntoView {
    let lang = use_lang();
    let filters = query.to_query_string();
    let export = if filters.is_empty() {
        "/journal/export.csv".to_owned()
    } else {
        format!("/journal/export.csv?{filters}")
    };
    let count = if page.capped {
        lang.fmt(Msg::JournalCountMore, &[("count", Arg::from(page.total))])
    } else {
        lang.fmt(Msg::JournalCount, &[("count", Arg::from(page.total))])
    };
    let older = page.older.map(|id| {
        if filters.is_empty() {
            format!("?before={id}")
        } else {
            format!("?{filters}&before={id}")
        }
    });
    let first = query.before.is_some().then(|| {
        if filters.is_empty() {
            "/journal".to_owned()
        } else {
            format!("?{filters}")
        }
    });
    let empty = page.entries.is_empty();
    view! {
        <Filters query=query.clone() groups=page.groups />
        <div class="journal-meta">
            <p class="count" role="status">{count}</p>
            <p class="muted help">
                {lang.fmt(Msg::JournalZone, &[("zone", Arg::Text(page.time_zone.clone()))])}
            </p>
            <a class="button secondary" href=export download="">
                {lang.t(Msg::ExportCsv)}
            </a>
        </div>
        {page.unknown_person.then(|| view! { <p class="form-error" role="alert">{lang.t(Msg::JournalUnknownPerson)}</p> })}
        {if empty {
            view! { <p class="empty-state">{lang.t(Msg::JournalEmpty)}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="data-table journal">
                        <caption class="visually-hidden">{lang.t(Msg::JournalTitle)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{lang.t(Msg::JournalWhen)}</th>
                                <th scope="col">{lang.t(Msg::JournalWho)}</th>
                                <th scope="col">{lang.t(Msg::JournalAction)}</th>
                                <th scope="col">{lang.t(Msg::JournalTarget)}</th>
                                <th scope="col">{lang.t(Msg::JournalDetails)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {page.entries.into_iter().map(|e| view! { <EntryRow entry=e /> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any()
        }}
        <nav class="pager" aria-label=lang.t(Msg::Pagination)>
            {first.map(|href| view! { <a href=href>{lang.t(Msg::JournalNewest)}</a> })}
            {older.map(|href| view! { <a href=href rel="next">{lang.t(Msg::JournalOlder)}</a> })}
        </nav>
    }
}

fn person(p: Option<PersonRef>, nobody: Msg, lang: crate::i18n::Lang) -> AnyView {
    match p {
        None => view! { <span class="muted">{lang.t(nobody)}</span> }.into_any(),
        Some(p) => {
            let name = match p.user_id {
                Some(id) => view! { <a href=format!("/users/{id}")>{p.name}</a> }.into_any(),
                None => view! { <span>{p.name}</span> }.into_any(),
            };
            view! {
                <span class="who">
                    {name}
                    {p.email.map(|e| view! { <span class="muted who-email">{e}</span> })}
                </span>
            }
            .into_any()
        }
    }
}

#[component]
fn EntryRow(entry: JournalEntry) -> impl IntoView {
    let lang = use_lang();
    let when = labels::date_time(entry.at, lang);
    let offset = labels::offset(entry.at);
    view! {
        <tr>
            <td class="nobr">
                <time datetime=format!("{}", entry.at.ms) title=offset>{when}</time>
            </td>
            <td>{person(entry.actor, Msg::JournalSystem, lang)}</td>
            <td>{labels::action_text(&entry.action, lang)}</td>
            <td>
                {person(entry.target, Msg::Dash, lang)}
                {entry.group.map(|g| view! { <span class="muted who-email">{g}</span> })}
            </td>
            <td>
                <ul class="details">
                    {entry
                        .details
                        .iter()
                        .map(|d| view! { <li>{labels::detail(d, lang)}</li> })
                        .collect_view()}
                </ul>
            </td>
        </tr>
    }
}
