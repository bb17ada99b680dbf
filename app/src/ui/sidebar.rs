//! The group tree of the left bar: collapsible, private groups marked,
//! the current group highlighted by the router's `aria-current`.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos_router::components::A;

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
            tree_level(&children, None).into_any()
        }}
    }
}

fn tree_level(
    children: &HashMap<Option<GroupId>, Vec<SidebarGroup>>,
    parent: Option<GroupId>,
) -> AnyView {
    let Some(level) = children.get(&parent) else {
        return ().into_any();
    };
    let items = level
        .iter()
        .map(|group| {
            let sub = children
                .contains_key(&Some(group.id))
                .then(|| tree_level(children, Some(group.id)));
            view! { <TreeItem group=group.clone() sub /> }
        })
        .collect_view();
    view! { <ul class="tree">{items}</ul> }.into_any()
}

#[component]
fn TreeItem(group: SidebarGroup, sub: Option<AnyView>) -> impl IntoView {
    let lang = use_lang();
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
                        let label = move || {
                            let msg = if expanded.get() { Msg::CollapseGroup } else { Msg::ExpandGroup };
                            lang.fmt(msg, &[("name", name.as_str().into())])
                        };
                        view! {
                            <button
                                type="button"
                                class="tree-toggle"
                                aria-expanded=move || expanded.get().to_string()
                                aria-controls=sub_id.clone()
                                aria-label=label
                                on:click=move |_| expanded.update(|e| *e = !*e)
                            >
                                <span aria-hidden="true">
                                    {move || if expanded.get() { "▾" } else { "▸" }}
                                </span>
                            </button>
                        }
                    })}
                <A href=format!("/groups/{}", group.id) attr:class="tree-link">
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
                </A>
            </div>
            {sub
                .map(|sub| {
                    view! {
                        <div id=format!("tree-{}", group.id) hidden=move || !expanded.get()>
                            {sub}
                        </div>
                    }
                })}
        </li>
    }
}
