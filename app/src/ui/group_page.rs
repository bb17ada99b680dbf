//! A group's page: breadcrumb, visibility, tabs, and its `UTILISATEURS`.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::format;
use super::frame::use_refresh;
use super::lang::use_lang;
use super::loaded::{Loaded, loaded};
use super::widgets::{Loading, NotFound, Pager, RoleCheckbox};
use crate::api::ApiError;
use crate::api::groups::{
    GroupPage, MEMBERS_PER_PAGE, MemberRow, RemoveMember, SetMemberRoles, get_group_page,
};
use std::collections::BTreeSet;

use crate::api::accounts::{BlockingRole, ConvertAccountType, ConvertInput, ConvertOutcome};
use crate::domain::{AccountType, GroupId, GroupRole, UserId, Visibility};
use crate::i18n::{Lang, Msg};

/// The number under `key` in the URL's `map` (its path parameters or its
/// query); `otherwise` when it is missing or not a number.
fn url_number<T: std::str::FromStr + Clone + PartialEq + Send + Sync + 'static>(
    map: Memo<leptos_router::params::ParamsMap>,
    key: &'static str,
    otherwise: T,
) -> Memo<T> {
    Memo::new(move |_| {
        map.read()
            .get(key)
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| otherwise.clone())
    })
}

/// The group id of the current URL; 0 (never a group) when it is not a number.
pub fn use_group_id() -> Memo<GroupId> {
    url_number(use_params_map(), "id", GroupId::default())
}

/// The members page of the current URL (`?page=N`), from 1.
fn use_members_page() -> Memo<i64> {
    url_number(use_query_map(), "page", 1)
}

/// Loads the page data of the current group, reloaded after edits.
pub fn use_group_page() -> Loaded<Result<GroupPage, ApiError>> {
    let id = use_group_id();
    let members_page = use_members_page();
    let refresh = use_refresh();
    loaded(
        move || (id.get(), members_page.get(), refresh.0.get()),
        |(id, page, _)| get_group_page(id, Some(page)),
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Users,
    Settings,
}

#[component]
pub fn GroupHeader(page: GroupPage, tab: Tab) -> impl IntoView {
    let lang = use_lang();
    let (badge, explain) = match page.visibility {
        Visibility::Public => (Msg::Public, Msg::PublicLong),
        Visibility::Private => (Msg::Private, Msg::PrivateLong),
    };
    let last = page.breadcrumb.len().saturating_sub(1);
    let crumbs = page
        .breadcrumb
        .iter()
        .enumerate()
        .map(|(i, (id, name))| {
            let item = if i == last {
                view! { <span aria-current="page">{name.clone()}</span> }.into_any()
            } else {
                view! { <a href=format!("/groups/{id}")>{name.clone()}</a> }.into_any()
            };
            view! { <li>{item}</li> }
        })
        .collect_view();
    let base = format!("/groups/{}", page.id);
    view! {
        <header class="page-header">
            <nav aria-label=lang.t(Msg::Breadcrumb)>
                <ol class="breadcrumb">{crumbs}</ol>
            </nav>
            <div class="title-row">
                <h1>{page.name.clone()}</h1>
                <span class=format!("badge {}", page.visibility.as_str()) title=lang.t(explain)>
                    {lang.t(badge)}
                </span>
            </div>
            <nav class="tabs" aria-label=page.name.clone()>
                <A href=base.clone() exact=true attr:class="tab">
                    {lang.t(Msg::TabUsers)}
                </A>
                {page
                    .can_manage_groups
                    .then(|| {
                        view! {
                            <A href=format!("{base}/settings") attr:class="tab">
                                {lang.t(Msg::TabSettings)}
                            </A>
                        }
                    })}
            </nav>
        </header>
        {(tab == Tab::Settings).then(|| view! { <p class="muted">{lang.t(explain)}</p> })}
    }
}

#[component]
pub fn GroupUsers() -> impl IntoView {
    let page = use_group_page();
    // Outside the transition, so the confirmation outlives the reload its
    // own success triggers.
    let actions = MemberActions {
        set_roles: ServerAction::<SetMemberRoles>::new(),
        remove: ServerAction::<RemoveMember>::new(),
        target: RwSignal::new(None),
        last: RwSignal::new(None),
    };
    let convert = ServerAction::<ConvertAccountType>::new();
    let selected = RwSignal::new(BTreeSet::<UserId>::new());
    // A selection holds people on screen: another page or group starts afresh.
    let (id, members_page) = (use_group_id(), use_members_page());
    Effect::new(move |shown: Option<(GroupId, i64)>| {
        let now = (id.get(), members_page.get());
        if shown.is_some_and(|shown| shown != now) {
            selected.set(BTreeSet::new());
        }
        now
    });
    let refresh = use_refresh();
    Effect::new(move |_| {
        if let Some(Ok(lines)) = convert.value().get()
            && lines
                .iter()
                .any(|l| matches!(l.outcome, ConvertOutcome::Converted { .. }))
        {
            selected.set(BTreeSet::new());
            refresh.bump();
        }
    });
    let last = actions.last;
    Effect::new(move |_| {
        if let Some(result) = actions.set_roles.value().get() {
            let who = actions.target.get_untracked();
            last.set(who.map(|who| (who, result.map(|()| Msg::MemberRolesSaved))));
        }
    });
    Effect::new(move |_| {
        if let Some(result) = actions.remove.value().get() {
            let who = actions.target.get_untracked();
            last.set(who.map(|who| (who, result.map(|()| Msg::MemberRemoved))));
        }
    });
    Effect::new(move |_| {
        if matches!(last.get(), Some((_, Ok(_)))) {
            refresh.bump();
        }
    });
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => {
                        let members = page.members.clone();
                        let total = page.members_total;
                        let members_page = page.members_page;
                        let pending = page.pending.clone();
                        let pending_more = page.pending_more;
                        let group_id = page.id;
                        let grantable = page.grantable_roles.clone();
                        let can_manage_users = page.can_manage_users;
                        view! {
                            <section class="page">
                                <GroupHeader page tab=Tab::Users />
                                <MemberFeedback actions />
                                {can_manage_users.then(|| view! { <BulkConvert selected convert /> })}
                                <ConvertResults convert />
                                <MembersTable members total pending pending_more group_id grantable actions can_open=can_manage_users selected />
                                {(total > MEMBERS_PER_PAGE)
                                    .then(|| {
                                        view! {
                                            <Pager
                                                page=members_page
                                                per_page=MEMBERS_PER_PAGE
                                                total
                                                capped=false
                                                tail=String::new()
                                            />
                                        }
                                    })}
                            </section>
                        }
                            .into_any()
                    }
                    Err(_) => view! { <NotFound /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[derive(Clone, Copy)]
struct MemberActions {
    set_roles: ServerAction<SetMemberRoles>,
    remove: ServerAction<RemoveMember>,
    /// The member the running edit is about.
    target: RwSignal<Option<UserId>>,
    /// The latest edit's outcome and its member: one at a time.
    last: RwSignal<Option<(UserId, Result<Msg, ApiError>)>>,
}

/// A removal's outcome: the row is gone, so it is said in a toast.
#[component]
fn MemberFeedback(actions: MemberActions) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="feedback" aria-live="polite">
            {move || match actions.last.get() {
                Some((_, Ok(Msg::MemberRemoved))) => {
                    Some(
                        view! {
                            <p class="toast" role="status">
                                {lang.t(Msg::MemberRemoved)}
                                <button
                                    type="button"
                                    class="toast-close"
                                    aria-label=lang.t(Msg::Dismiss)
                                    on:click=move |_| actions.last.set(None)
                                >
                                    "×"
                                </button>
                            </p>
                        },
                    )
                }
                _ => None,
            }}
        </div>
    }
}

/// The latest edit's outcome on the member's row, under it.
#[component]
fn MemberNote(user: UserId, actions: MemberActions) -> impl IntoView {
    let lang = use_lang();
    move || {
        let (who, result) = actions.last.get()?;
        let body = match (who == user, result) {
            (false, _) | (true, Ok(Msg::MemberRemoved)) => return None,
            (true, Ok(msg)) => {
                view! { <p class="form-success" role="status">{lang.t(msg)}</p> }.into_any()
            }
            (true, Err(e)) => {
                view! { <p class="form-error" role="alert">{e.text(lang)}</p> }.into_any()
            }
        };
        Some(view! {
            <tr class="row-note">
                <td colspan="7">{body}</td>
            </tr>
        })
    }
}

/// The member editor of a table: one dialog for every row, showing the
/// member whose `Modifier` was pressed. One per row would write each
/// member's forms into the page, about 2 KB of HTML a row. It follows a
/// user id (a signal type the page already has) and finds the member in a
/// plain list: 2 KB less wasm than a signal holding the member.
#[derive(Clone, Copy)]
struct Editor {
    dialog: NodeRef<leptos::html::Dialog>,
    /// The member being edited.
    user: RwSignal<Option<UserId>>,
}

/// How a member is reached: the address, else the login name.
fn contact(member: &MemberRow) -> String {
    member
        .email
        .clone()
        .or(member.login_name.clone())
        .unwrap_or_default()
}

/// How a member is named on the editor: the name, else how they are reached.
fn shown_name(member: &MemberRow) -> String {
    if member.name.is_empty() {
        contact(member)
    } else {
        member.name.clone()
    }
}

/// A member row's `Modifier`: opens the table's editor on this member.
/// (A plain function: a component would carry an erased view of its own
/// in the wasm.)
fn edit_button(
    member: &MemberRow,
    editor: Editor,
    actions: MemberActions,
    lang: Lang,
) -> impl IntoView {
    let label = format!("{} {}", lang.t(Msg::EditMemberOf), shown_name(member));
    let member = member.user_id;
    view! {
        <button
            type="button"
            class="link-button"
            aria-label=label
            aria-haspopup="dialog"
            on:click=move |_| {
                actions.last.set(None);
                editor.user.set(Some(member));
                if let Some(d) = editor.dialog.get() {
                    let _ = d.show_modal();
                }
            }
        >
            {lang.t(Msg::EditMember)}
        </button>
    }
}

/// The dialog a row's `Modifier` opens: the roles form (the viewer's
/// grantable roles, ticked as held) and the removal, asked again before
/// it happens. Escape or `Annuler` closes it, and the browser gives the
/// focus back to the row's button; an edit closes it and says what was
/// done on the row.
#[component]
fn MemberEditor(
    group_id: GroupId,
    /// The members of the page the editor may open: id, name, roles.
    members: Vec<(UserId, String, Vec<GroupRole>)>,
    grantable: Vec<GroupRole>,
    editor: Editor,
    actions: MemberActions,
) -> impl IntoView {
    let lang = use_lang();
    let confirming = RwSignal::new(false);
    let form = NodeRef::<leptos::html::Form>::new();
    let close = move || {
        confirming.set(false);
        if let Some(d) = editor.dialog.get() {
            d.close();
        }
    };
    // A finished edit of this member closes the dialog.
    Effect::new(move |_| {
        if matches!(actions.last.get(), Some((who, Ok(_))) if Some(who) == editor.user.get()) {
            close();
        }
    });
    let members = std::sync::Arc::new(members);
    let find = move |user: Option<UserId>| {
        members
            .iter()
            .find(|(id, _, _)| Some(*id) == user)
            .map(|(_, name, roles)| (name.clone(), roles.clone()))
    };
    let name = {
        let find = find.clone();
        move || {
            find(editor.user.get())
                .map(|(name, _)| name)
                .unwrap_or_default()
        }
    };
    let title = {
        let name = name.clone();
        move || format!("{} {}", lang.t(Msg::EditMemberOf), name())
    };
    let user_id = move || editor.user.get().map(|u| u.to_string()).unwrap_or_default();
    let checkboxes = grantable
        .into_iter()
        .map(|role| {
            let find = find.clone();
            let held = Signal::derive(move || {
                find(editor.user.get()).is_some_and(|(_, roles)| roles.contains(&role))
            });
            view! { <RoleCheckbox role id=format!("member-editor-{}", role.as_str()) checked=held /> }
        })
        .collect_view();
    let error = move || match actions.last.get() {
        Some((who, Err(e))) if Some(who) == editor.user.get() => {
            Some(view! { <p class="form-error" role="alert">{e.text(lang)}</p> })
        }
        _ => None,
    };
    let target = move || actions.target.set(editor.user.get_untracked());
    view! {
        <dialog
            class="member-dialog"
            node_ref=editor.dialog
            aria-labelledby="member-editor-title"
            on:close=move |_| {
                confirming.set(false);
                // Boxes ticked and not saved go back to the member's roles
                // (a box a person ticked no longer follows its attribute),
                // so the next member opens as they are.
                if let Some(form) = form.get() {
                    form.reset();
                }
            }
        >
            <h2 id="member-editor-title">{title}</h2>
            <ActionForm action=actions.set_roles node_ref=form on:submit=move |_| target()>
                <input type="hidden" name="input[group_id]" value=group_id.to_string() />
                <input type="hidden" name="input[user_id]" value=user_id />
                <fieldset>
                    <legend>{lang.t(Msg::Roles)}</legend>
                    <div class="checkbox-row">{checkboxes}</div>
                </fieldset>
                <p class="muted help">{lang.t(Msg::RemoveFromGroupHelp)}</p>
                {error}
                <div class="actions">
                    <button type="button" class="button secondary" on:click=move |_| close()>
                        {lang.t(Msg::CancelEdit)}
                    </button>
                    <button type="submit" class="button primary" disabled=move || actions.set_roles.pending().get()>
                        {lang.t(Msg::Save)}
                    </button>
                </div>
            </ActionForm>
            <div class="dialog-danger">
                <button
                    type="button"
                    class="button danger"
                    aria-expanded=move || confirming.get().to_string()
                    on:click=move |_| confirming.set(true)
                >
                    {lang.t(Msg::RemoveFromGroup)}
                </button>
                {move || {
                    let name = name.clone();
                    confirming
                        .get()
                        .then(move || {
                            let who = name();
                            view! {
                                <ActionForm action=actions.remove on:submit=move |_| target()>
                                    <input type="hidden" name="input[group_id]" value=group_id.to_string() />
                                    <input type="hidden" name="input[user_id]" value=user_id />
                                    <p>{lang.fmt(Msg::ConfirmRemoveMember, &[("name", who.as_str().into())])}</p>
                                    <button
                                        type="submit"
                                        class="button danger small"
                                        disabled=move || actions.remove.pending().get()
                                    >
                                        {lang.t(Msg::Confirm)}
                                    </button>
                                </ActionForm>
                            }
                        })
                }}
            </div>
        </dialog>
    }
}

#[component]
fn MembersTable(
    members: Vec<MemberRow>,
    /// Members on every page.
    total: i64,
    pending: Vec<(String, Vec<GroupRole>)>,
    /// More invitations are pending than listed: a link to them all.
    pending_more: bool,
    group_id: GroupId,
    grantable: Vec<GroupRole>,
    actions: MemberActions,
    /// Whether names link to the user's page (and rows can be selected
    /// for the bulk conversion).
    can_open: bool,
    selected: RwSignal<BTreeSet<UserId>>,
) -> impl IntoView {
    let lang = use_lang();
    if members.is_empty() && pending.is_empty() {
        return view! {
            <div class="empty-state">
                <p>{lang.t(Msg::NoMembers)}</p>
                <p class="muted">{lang.t(Msg::NoMembersHint)}</p>
            </div>
        }
        .into_any();
    }
    let editor = Editor {
        dialog: NodeRef::new(),
        user: RwSignal::new(None),
    };
    let editable: Vec<(UserId, String, Vec<GroupRole>)> = members
        .iter()
        .filter(|m| m.editable)
        .map(|m| (m.user_id, shown_name(m), m.roles.clone()))
        .collect();
    let rows = members
        .into_iter()
        .map(|m| {
            let roles = m
                .roles
                .iter()
                .map(|r| lang.t(format::role(*r)))
                .collect::<Vec<_>>()
                .join(", ");
            let contact = contact(&m);
            let name = if m.name.is_empty() {
                "—".to_owned()
            } else {
                m.name.clone()
            };
            let edit = m
                .editable
                .then(|| edit_button(&m, editor, actions, lang));
            let (status, status_class) = if m.active && !m.password_set {
                (Msg::StatusNoPassword, "status pending")
            } else if m.active {
                (Msg::StatusActive, "status active")
            } else {
                (Msg::StatusPending, "status pending")
            };
            let id = m.user_id;
            let pick = can_open.then(|| {
                let label = format!("{} {}", lang.t(Msg::SelectRow), name);
                view! {
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
                }
            });
            view! {
                <tr>
                    {pick}
                    <td>
                        {if can_open {
                            view! { <a href=format!("/users/{}", m.user_id)>{name}</a> }.into_any()
                        } else {
                            view! { <span>{name}</span> }.into_any()
                        }}
                    </td>
                    <td>{contact}</td>
                    <td>{roles}</td>
                    <td>{lang.t(format::account_type(m.account_type))}</td>
                    <td>
                        <span class=status_class>{lang.t(status)}</span>
                    </td>
                    <td>{m.activated_at.map(|t| format::date(t, lang)).unwrap_or_default()}</td>
                    <td class="row-actions">{edit}</td>
                </tr>
                <MemberNote user=m.user_id actions />
            }
        })
        .collect_view();
    let tab = format!("/groups/{group_id}/users/invitations");
    let pending_rows = pending
        .into_iter()
        .map(|(email, roles)| {
            let roles = roles
                .iter()
                .map(|r| lang.t(format::role(*r)))
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <tr class="pending-row">
                    {can_open.then(|| view! { <td></td> })}
                    <td>"—"</td>
                    <td>{email}</td>
                    <td>{roles}</td>
                    <td>"—"</td>
                    <td>
                        <a class="status pending" href=tab.clone() title=lang.t(Msg::PendingRowHint)>
                            {lang.t(Msg::StatusPending)}
                        </a>
                    </td>
                    <td></td>
                    <td></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="muted count">{lang.fmt(Msg::MembersCount, &[("count", total.into())])}</p>
        <div class="table-wrap">
            <table class="data-table">
                <thead>
                    <tr>
                        {can_open.then(|| view! { <th scope="col" class="select"><span class="visually-hidden">{lang.t(Msg::SelectRow)}</span></th> })}
                        <th scope="col">{lang.t(Msg::ColName)}</th>
                        <th scope="col">{lang.t(Msg::ColEmail)}</th>
                        <th scope="col">{lang.t(Msg::ColRoles)}</th>
                        <th scope="col">{lang.t(Msg::ColType)}</th>
                        <th scope="col">{lang.t(Msg::ColStatus)}</th>
                        <th scope="col">{lang.t(Msg::ColActivated)}</th>
                        <th scope="col">{lang.t(Msg::ColActions)}</th>
                    </tr>
                </thead>
                <tbody>{rows} {pending_rows}</tbody>
            </table>
        </div>
        {(!editable.is_empty())
            .then(|| view! { <MemberEditor group_id members=editable grantable editor actions /> })}
        {pending_more
            .then(|| {
                view! {
                    <p class="pending-more">
                        <a href=tab>{lang.t(Msg::MorePendingInvitations)}</a>
                    </p>
                }
            })}
    }
    .into_any()
}

/// The selection's bulk action: turn the selected people into members or
/// guests, confirmed with the count; each person's outcome is said after.
#[component]
fn BulkConvert(
    selected: RwSignal<BTreeSet<UserId>>,
    convert: ServerAction<ConvertAccountType>,
) -> impl IntoView {
    let lang = use_lang();
    let confirming = RwSignal::new(false);
    let to = RwSignal::new(AccountType::Guest);
    let remove = RwSignal::new(false);
    let count = move || selected.with(|s| s.len());
    let run = move |_| {
        confirming.set(false);
        let ids = selected.with(|s| {
            s.iter()
                .map(|id| id.to_string())
                .collect::<Vec<_>>()
                .join(",")
        });
        convert.dispatch(ConvertAccountType {
            input: ConvertInput {
                user_ids: Some(ids),
                to: to.get_untracked().as_str().to_owned(),
                remove_roles: remove.get_untracked().then(|| "on".to_owned()),
                ..Default::default()
            },
        });
    };
    move || {
        (count() > 0).then(|| {
            let n = count() as i64;
            view! {
                <div class="bulk-bar member-bulk" role="group" aria-label=lang.fmt(Msg::ConvertSelection, &[("count", n.into())])>
                    <label for="bulk-to">{lang.t(Msg::ConvertTo)}</label>
                    <select
                        id="bulk-to"
                        on:change=move |ev| {
                            to.set(if event_target_value(&ev) == "member" { AccountType::Member } else { AccountType::Guest })
                        }
                    >
                        <option value="guest" selected=move || to.get() == AccountType::Guest>{lang.t(Msg::TypeGuest)}</option>
                        <option value="member" selected=move || to.get() == AccountType::Member>{lang.t(Msg::TypeMember)}</option>
                    </select>
                    <div class="checkbox" hidden=move || to.get() != AccountType::Guest>
                        <input
                            type="checkbox"
                            id="bulk-remove"
                            prop:checked=move || remove.get()
                            on:change=move |ev| remove.set(event_target_checked(&ev))
                        />
                        <label for="bulk-remove">{lang.t(Msg::ConvertAlsoRemoveRoles)}</label>
                    </div>
                    <button type="button" class="button secondary" on:click=move |_| confirming.set(true) disabled=move || convert.pending().get()>
                        {lang.fmt(Msg::ConvertSelection, &[("count", n.into())])}
                    </button>
                    {move || confirming.get().then(|| view! {
                        <div class="confirm" role="alertdialog" aria-labelledby="bulk-convert-question">
                            <p id="bulk-convert-question">{lang.fmt(Msg::ConfirmConvert, &[("count", n.into())])}</p>
                            <button type="button" class="button primary" on:click=run>{lang.t(Msg::Confirm)}</button>
                            <button type="button" class="button secondary" on:click=move |_| confirming.set(false)>{lang.t(Msg::KeepIt)}</button>
                        </div>
                    })}
                </div>
            }
        })
    }
}

/// One line per person of the latest bulk conversion.
#[component]
fn ConvertResults(convert: ServerAction<ConvertAccountType>) -> impl IntoView {
    let lang = use_lang();
    let roles = move |roles: &[BlockingRole]| {
        roles
            .iter()
            .map(|b| format!("{} ({})", b.group, lang.t(format::role(b.role))))
            .collect::<Vec<_>>()
            .join(", ")
    };
    move || {
        match convert.value().get()? {
        Err(e) => Some(view! { <p class="form-error" role="alert">{e.text(lang)}</p> }.into_any()),
        Ok(lines) => Some(
            view! {
                <section class="results" aria-live="polite">
                    <h2>{lang.t(Msg::ConvertResultsTitle)}</h2>
                    <ul class="result-list">
                        {lines
                            .into_iter()
                            .map(|line| {
                                let (class, text) = match &line.outcome {
                                    ConvertOutcome::Converted { to, .. } => (
                                        "ok",
                                        lang.t(if *to == AccountType::Guest { Msg::ConvertedToGuest } else { Msg::ConvertedToMember }).to_owned(),
                                    ),
                                    ConvertOutcome::Blocked { roles: blocking } => (
                                        "error",
                                        lang.fmt(Msg::ConvertLineBlocked, &[("roles", roles(blocking).into())]),
                                    ),
                                    ConvertOutcome::NoSeat { limit, used } => (
                                        "error",
                                        lang.fmt(Msg::ConvertNoSeat, &[("limit", (*limit).into()), ("used", (*used).into())]),
                                    ),
                                    ConvertOutcome::Refused(msg) => ("error", lang.t(*msg).to_owned()),
                                };
                                let name = if line.name.is_empty() { "—".to_owned() } else { line.name };
                                view! {
                                    <li class=format!("result {class}")>
                                        <span class="result-address">{name}</span>
                                        <span class="result-text">{text}</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
            .into_any(),
        ),
    }
    }
}
