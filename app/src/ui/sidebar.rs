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
        move || {
            here.try_with(|path| within(path, &href))
                .unwrap_or(false)
                .then_some("page")
        }
    };
    let expanded = RwSignal::new(true);
    // Read without panicking: when a client leaves mid-page, its reactive
    // values are disposed while the suspended sidebar still finishes
    // rendering on the server (`get` panicked there at the end of every
    // benchmark run).
    let open = move || expanded.try_get().unwrap_or(true);
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
                            let msg = if open() { Msg::CollapseGroup } else { Msg::ExpandGroup };
                            lang.fmt(msg, &[("name", name.as_str().into())])
                        };
                        view! {
                            <button
                                type="button"
                                class="tree-toggle"
                                aria-expanded=move || open().to_string()
                                aria-controls=sub_id
                                aria-label=label
                                on:click=move |_| expanded.update(|e| *e = !*e)
                            >
                                <span aria-hidden="true">
                                    {move || if open() { "▾" } else { "▸" }}
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
                                    // Drawn, not the emoji: a system without an
                                    // emoji font showed an empty box.
                                    <svg aria-hidden="true" viewBox="0 0 12 14" width="10" height="12">
                                        <path
                                            fill="currentColor"
                                            d="M3 6V4a3 3 0 0 1 6 0v2h.5A1.5 1.5 0 0 1 11 7.5v5A1.5 1.5 0 0 1 9.5 14h-7A1.5 1.5 0 0 1 1 12.5v-5A1.5 1.5 0 0 1 2.5 6H3zm1.5 0h3V4a1.5 1.5 0 0 0-3 0v2z"
                                        />
                                    </svg>
                                    <span class="visually-hidden">{lang.t(Msg::Private)}</span>
                                </span>
                            }
                        })}
                </a>
            </div>
            {sub
                .map(|sub| {
                    view! {
                        <div id=sub_id hidden=move || !open()>
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
    use std::collections::HashMap;

    use leptos::prelude::*;
    use leptos::tachys::view::RenderHtml;

    use super::{tree_level, within};
    use crate::api::groups::SidebarGroup;
    use crate::domain::{GroupId, Visibility};

    /// A client that leaves mid-page disposes the render's reactive values
    /// while the suspended sidebar may still be resolved on the server.
    #[test]
    fn the_tree_still_renders_once_its_values_are_disposed() {
        let group = |id: i64, parent: Option<i64>| SidebarGroup {
            id: GroupId(id),
            name: format!("Groupe {id}"),
            parent_id: parent.map(GroupId),
            visibility: if id == 2 {
                Visibility::Private
            } else {
                Visibility::Public
            },
        };
        let mut children: HashMap<Option<GroupId>, Vec<SidebarGroup>> = HashMap::new();
        children.insert(None, vec![group(1, None)]);
        children.insert(Some(GroupId(1)), vec![group(2, Some(1))]);
        let owner = Owner::new();
        let mut tree = owner.with(|| {
            let here = Memo::new(|_| "/groups/2".to_owned());
            tree_level(&children, None, here)
        });
        owner.cleanup();
        tree.dry_resolve();
        let html = tree.to_html();
        assert!(html.contains("Groupe 2"), "{html}");
        assert!(html.contains("tree-toggle"), "{html}");
        // The private group's lock is drawn, not an emoji some systems
        // cannot show.
        assert_eq!(html.matches("class=\"lock\"").count(), 1, "{html}");
        assert!(
            html.contains("<svg") && !html.contains('\u{1F512}'),
            "{html}"
        );
    }

    #[test]
    fn a_group_is_current_on_its_page_and_its_screens_only() {
        assert!(within("/groups/3", "/groups/3"));
        assert!(within("/groups/3/users/invite", "/groups/3"));
        assert!(!within("/groups/31", "/groups/3"));
        assert!(!within("/groups", "/groups/3"));
        assert!(!within("/users/3", "/groups/3"));
    }
}
