//! The group and role choosers of the forms that put someone in groups
//! (`Créer un compte`, the user's page `Ajouter à des groupes`): the same
//! fields, the same rule for which roles are offered.

use std::collections::BTreeSet;

use leptos::html;
use leptos::prelude::*;

use super::lang::use_lang;
use super::widgets::{FieldHint, RoleCheckbox};
use crate::api::accounts::GroupChoice;
use crate::contracts::form::group_field;
use crate::domain::{AccountType, GroupId, GroupRole, policy};
use crate::i18n::Msg;

/// The groups to put someone in: chips of the chosen ones, and a chooser
/// (tree, search, several at once) behind `+`. The checkboxes are the form
/// fields (`input[groups][<id>]`), so it works before the wasm loads too.
/// `initial` is ticked when the page is served.
#[component]
pub fn GroupChooser(
    groups: Vec<GroupChoice>,
    #[prop(optional)] initial: Option<GroupId>,
    selected: RwSignal<BTreeSet<GroupId>>,
) -> impl IntoView {
    let lang = use_lang();
    let search = RwSignal::new(String::new());
    let chooser = NodeRef::<html::Details>::new();
    let paths = StoredValue::new(
        groups
            .iter()
            .map(|g| (g.id, g.path.clone()))
            .collect::<Vec<_>>(),
    );
    let chips = move || {
        let chosen = selected.get();
        let list: Vec<(GroupId, String)> = paths.with_value(|p| {
            p.iter()
                .filter(|(id, _)| chosen.contains(id))
                .cloned()
                .collect()
        });
        if list.is_empty() {
            return view! { <p class="muted">{lang.t(Msg::NoGroupChosen)}</p> }.into_any();
        }
        view! {
            <ul class="chips">
                {list
                    .into_iter()
                    .map(|(id, path)| {
                        let label = format!("{} {path}", lang.t(Msg::RemoveChip));
                        view! {
                            <li class="chip">
                                <span>{path}</span>
                                <button
                                    type="button"
                                    class="chip-remove"
                                    aria-label=label
                                    on:click=move |_| selected.update(|s| { s.remove(&id); })
                                >
                                    "×"
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let items = groups
        .into_iter()
        .map(|g| {
            let id = g.id;
            let input_id = format!("group-{id}");
            let name = g.path.rsplit(" › ").next().unwrap_or(&g.path).to_owned();
            let path = g.path.clone();
            let haystack = g.path.to_lowercase();
            view! {
                <li
                    style=format!("padding-left: {}rem", g.depth as f32 * 1.25)
                    hidden=move || {
                        let q = search.get().trim().to_lowercase();
                        !q.is_empty() && !haystack.contains(&q)
                    }
                >
                    <input
                        type="checkbox"
                        id=input_id.clone()
                        name=group_field(id)
                        value="on"
                        checked=Some(id) == initial
                        prop:checked=move || selected.with(|s| s.contains(&id))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            selected.update(|s| { if on { s.insert(id); } else { s.remove(&id); } });
                        }
                    />
                    <label for=input_id title=path>{name}</label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field group-chooser">
            <legend>{lang.t(Msg::Groups)}</legend>
            {chips}
            <details class="chooser" node_ref=chooser>
                <summary class="button secondary">
                    <span aria-hidden="true">"+ "</span>
                    {lang.t(Msg::AddGroups)}
                </summary>
                <div class="chooser-body">
                    <div class="field">
                        <label for="group-search">{lang.t(Msg::SearchGroup)}</label>
                        <input
                            type="search"
                            id="group-search"
                            autocomplete="off"
                            on:input=move |ev| search.set(event_target_value(&ev))
                            on:keydown=move |ev| {
                                // Enter filters; it must not submit the form.
                                if ev.key() == "Enter" {
                                    ev.prevent_default();
                                }
                            }
                        />
                    </div>
                    <ul class="tree-list">{items}</ul>
                    <button
                        type="button"
                        class="button primary"
                        on:click=move |_| {
                            if let Some(details) = chooser.get() {
                                let _ = details.remove_attribute("open");
                            }
                        }
                    >
                        {lang.t(Msg::Validate)}
                    </button>
                </div>
            </details>
        </fieldset>
    }
}

/// The role checkboxes under a `GroupChooser` (`input[roles][<role>]`),
/// learner ticked at first. A role is offered while it may be granted in
/// every chosen group (`GroupChoice::grantable`); the server checks again.
#[component]
pub fn RoleChooser(
    groups: Vec<GroupChoice>,
    roles: Vec<GroupRole>,
    selected: RwSignal<BTreeSet<GroupId>>,
    /// What the ticked roles do, under the legend.
    help: Msg,
    /// Why the roles were refused by the last submission, if they were.
    #[prop(optional)]
    problem: Option<Signal<Option<Msg>>>,
    /// The account type chosen: a guest holds the learner role only, so
    /// the others grey out (`policy::may_hold`).
    #[prop(optional, into)]
    account_type: Option<Signal<AccountType>>,
) -> impl IntoView {
    let lang = use_lang();
    let holds =
        move |role: GroupRole| account_type.is_none_or(|kind| policy::may_hold(kind.get(), role));
    let grantable = StoredValue::new(
        groups
            .into_iter()
            .map(|g| (g.id, g.grantable))
            .collect::<Vec<_>>(),
    );
    let allowed_everywhere = move |role: GroupRole| {
        selected.with(|chosen| {
            grantable.with_value(|all| {
                all.iter()
                    .filter(|(id, _)| chosen.contains(id))
                    .all(|(_, roles)| roles.contains(&role))
            })
        })
    };
    let role_checkbox = move |role: GroupRole| {
        view! {
            <RoleCheckbox
                role
                id=format!("role_{}", role.as_str())
                checked=role == GroupRole::Learner
                disabled=Signal::derive(move || !allowed_everywhere(role) || !holds(role))
            />
        }
    };
    view! {
        <fieldset class="field" aria-describedby="roles-error">
            <legend>{lang.t(Msg::Roles)}</legend>
            <p class="muted help">{lang.t(help)}</p>
            <div class="checkbox-row">{roles.into_iter().map(role_checkbox).collect_view()}</div>
            {account_type
                .map(|kind| {
                    view! {
                        <p class="muted help" hidden=move || kind.get() != AccountType::Guest>
                            {lang.t(Msg::GuestRolesHint)}
                        </p>
                    }
                })}
            {problem.map(|problem| view! { <FieldHint problem id="roles-error" /> })}
        </fieldset>
    }
}
