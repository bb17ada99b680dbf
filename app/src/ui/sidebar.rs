//! The group tree of the left bar: collapsible, private groups marked,
//! the current group highlighted (`aria-current`).
//!
//! Its links are plain anchors: the router already takes every same-site
//! click for client-side navigation, and one location read shared by the
//! tree costs far less than a router link per group (each builds its own
//! resolved-path memo; with 50 groups the tree cost the server as much as
//! the Invitations tab's 50 rows).

use std::collections::HashMap;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::lang::use_lang;
use crate::api::groups::{Sidebar, SidebarGroup};
use crate::domain::{GroupId, Visibility};
use crate::i18n::Msg;

#[component]
pub fn GroupSidebar(sidebar: Sidebar) -> impl IntoView {
    let lang = use_lang();
    let mut children: HashMap<Option<GroupId>, Vec<SidebarGroup>> = HashMap::new();
    for group in sidebar.groups {
        children.entry(group.parent_id).or_default().push(group);
    }
    let empty = children.is_empty();
    let here = use_location().pathname;
    view! {
        <h2 class="sidebar-title">{lang.t(Msg::Groups)}</h2>
        {if empty {
            let hint = if sidebar.can_manage_groups {
                Msg::NoGroupsAdminHint
            } else {
                Msg::NoGroupsMemberHint
            };
            view! {
                <div class="empty-state small">
                    <p>{lang.t(Msg::NoGroupsYet)}</p>
                    <p class="muted">{lang.t(hint)}</p>
                </div>
            }
                .into_any()
        } else {
            tree_level(&children, None, here).into_any()
        }}
    }
}

fn tree_level(
    children: &HashMap<Option<GroupId>, Vec<SidebarGroup>>,
    parent: Option<GroupId>,
    here: Memo<String>,
) -> AnyView {
    let Some(level) = children.get(&parent) else {
        return ().into_any();
    };
    let items = level
        .iter()
        .map(|group| {
            let sub = children
                .contains_key(&Some(group.id))
                .then(|| tree_level(children, Some(group.id), here));
            view! { <TreeItem group=group.clone() sub here /> }
        })
        .collect_view();
    view! { <ul class="tree">{items}</ul> }.into_any()
}

#[component]
fn TreeItem(group: SidebarGroup, sub: Option<AnyView>, here: Memo<String>) -> impl IntoView {
    let lang = use_lang();
    let href = format!("/groups/{}", group.id);
    let current = {
        let href = href.clone();
        move || here.with(|path| within(path, &href)).then_some("page")
    };
    let expanded = RwSignal::new(true);
    let has_children = sub.is_some();
    let private = group.visibility == Visibility::Private;
    let sub_id = format!("tree-{}", group.id);
    view! {
        <li class="tree-item">
            <div class="tree-row">
                {has_children
                    .then(|| {
                        let name = group.name.clone();
                        let sub_id = sub_id.clone();
                        let label = move || {
                            let msg = if expanded.get() { Msg::CollapseGroup } else { Msg::ExpandGroup };
                            lang.fmt(msg, &[("name", name.as_str().into())])
                        };
                        view! {
                            <button
                                type="button"
                                class="tree-toggle"
                                aria-expanded=move || expanded.get().to_string()
                                aria-controls=sub_id
                                aria-label=label
                                on:click=move |_| expanded.update(|e| *e = !*e)
                            >
                                <span aria-hidden="true">
                                    {move || if expanded.get() { "▾" } else { "▸" }}
                                </span>
                            </button>
                        }
                    })}
                <a href=href class="tree-link" aria-current=current>
                    <span>{group.name.clone()}</span>
                    {private
                        .then(|| {
                            view! {
                                <span class="lock" title=lang.t(Msg::Private)>
                                    <span aria-hidden="true">"🔒"</span>
                                    <span class="visually-hidden">{lang.t(Msg::Private)}</span>
                                </span>
                            }
                        })}
                </a>
            </div>
            {sub
                .map(|sub| {
                    view! {
                        <div id=sub_id hidden=move || !expanded.get()>
                            {sub}
                        </div>
                    }
                })}
        </li>
    }
}

/// Whether the page at `path` is the group's or one of its screens
/// (`/groups/3` and `/groups/3/users/invite`, not `/groups/31`).
fn within(path: &str, href: &str) -> bool {
    path.strip_prefix(href)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::within;

    #[test]
    fn a_group_is_current_on_its_page_and_its_screens_only() {
        assert!(within("/groups/3", "/groups/3"));
        assert!(within("/groups/3/users/invite", "/groups/3"));
        assert!(!within("/groups/31", "/groups/3"));
        assert!(!within("/groups", "/groups/3"));
        assert!(!within("/users/3", "/groups/3"));
    }
}
