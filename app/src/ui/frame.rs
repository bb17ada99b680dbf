//! The signed-in frame: top bar (`+` menu, language, user menu), the group
//! tree on the left, the page on the right.

use super::loaded::loaded;
use crate::domain::GroupId;
use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect};
use leptos_router::hooks::use_location;

use super::lang::use_lang;
use super::menu::Menu;
use super::sidebar::GroupSidebar;
use super::widgets::{LangSwitch, Loading};
use crate::api::ApiError;
use crate::api::auth::{Me, current_user};
use crate::api::groups::get_sidebar;
use crate::i18n::Msg;

/// Bumped after an edit that changes what the frame shows (a group created,
/// renamed, moved), so the sidebar reloads without a page load.
#[derive(Clone, Copy, Debug)]
pub struct Refresh(pub RwSignal<u32>);

impl Refresh {
    pub fn bump(self) {
        self.0.update(|n| *n += 1);
    }
}

pub fn use_refresh() -> Refresh {
    use_context::<Refresh>().expect("pages render inside the frame")
}

#[component]
pub fn Frame() -> impl IntoView {
    let refresh = Refresh(RwSignal::new(0));
    provide_context(refresh);
    let me = loaded(|| (), |_| current_user());
    view! {
        <Suspense fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(me)) => view! { <SignedInFrame me /> }.into_any(),
                    Ok(None) | Err(ApiError::Unauthenticated) => {
                        view! { <Redirect path="/login" /> }.into_any()
                    }
                    Err(e) => view! { <FrameError error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn FrameError(error: ApiError) -> impl IntoView {
    let lang = use_lang();
    view! {
        <main id="main" class="centered-page">
            <p class="form-error" role="alert">
                {lang.t(error.message())}
            </p>
        </main>
    }
}

#[component]
fn SignedInFrame(me: Me) -> impl IntoView {
    let lang = use_lang();
    // Pages read who is signed in (the home differs for non-admins).
    provide_context(me.clone());
    // Loaded only once signed in: an anonymous call would answer 401 and
    // spoil the redirect to the login page.
    let refresh = use_refresh();
    let groups = loaded(move || refresh.0.get(), |_| get_sidebar());
    let sidebar_open = RwSignal::new(false);
    let can_add_group = me.platform_admin;
    let can_add_user = me.manages_users;
    let location = use_location();
    // `+ → Utilisateur` adds to the group on screen.
    let current_group = Memo::new(move |_| {
        location
            .pathname
            .read()
            .strip_prefix("/groups/")
            .and_then(|rest| rest.split('/').next())
            .and_then(|id| id.parse::<GroupId>().ok())
    });
    view! {
        <a class="skip-link" href="#main">
            {lang.t(Msg::SkipToContent)}
        </a>
        <header class="topbar">
            <button
                type="button"
                class="sidebar-toggle"
                aria-controls="sidebar"
                aria-expanded=move || sidebar_open.get().to_string()
                on:click=move |_| sidebar_open.update(|o| *o = !*o)
            >
                <span aria-hidden="true">"☰"</span>
                <span class="visually-hidden">{lang.t(Msg::ToggleSidebar)}</span>
            </button>
            <a href="/" class="brand">
                {lang.t(Msg::AppName)}
            </a>
            <div class="topbar-actions">
                {(can_add_group || can_add_user)
                    .then(|| {
                        view! {
                            <Menu
                                class="add-menu"
                                label=format!("+ {}", lang.t(Msg::AddMenu))
                                trigger=view! { <span aria-hidden="true">"+"</span> }.into_any()
                            >
                                <ul class="menu-list">
                                    {can_add_user
                                        .then(|| {
                                            view! {
                                                <li>
                                                    {move || match current_group.get() {
                                                        Some(id) => {
                                                            view! {
                                                                <a href=format!(
                                                                    "/groups/{id}/users/invite",
                                                                )>{lang.t(Msg::MenuUser)}</a>
                                                            }
                                                                .into_any()
                                                        }
                                                        None => {
                                                            view! {
                                                                <span class="menu-disabled">
                                                                    {lang.t(Msg::MenuUser)} <small class="muted">
                                                                        {lang.t(Msg::ChooseGroupFirst)}
                                                                    </small>
                                                                </span>
                                                            }
                                                                .into_any()
                                                        }
                                                    }}
                                                </li>
                                            }
                                        })}
                                    {can_add_group
                                        .then(|| {
                                            view! {
                                                <li>
                                                    <a href="/new-group">{lang.t(Msg::MenuGroup)}</a>
                                                </li>
                                            }
                                        })}
                                    {me
                                        .dev_mailbox
                                        .then(|| {
                                            view! {
                                                <li>
                                                    <a href="/dev/mailbox">{lang.t(Msg::MenuMailbox)}</a>
                                                </li>
                                            }
                                        })}
                                </ul>
                            </Menu>
                        }
                    })}
                <LangSwitch />
                <UserMenu me=me.clone() />
            </div>
        </header>
        <div class="frame" class:sidebar-open=move || sidebar_open.get()>
            <nav id="sidebar" class="sidebar" aria-label=lang.t(Msg::Groups)>
                <Transition fallback=|| view! { <Loading /> }>
                    {move || Suspend::new(async move {
                        match groups.await {
                            Ok(sidebar) => view! { <GroupSidebar sidebar /> }.into_any(),
                            Err(e) => {
                                view! {
                                    <p class="form-error" role="alert">
                                        {lang.t(e.message())}
                                    </p>
                                }
                                    .into_any()
                            }
                        }
                    })}
                </Transition>
            </nav>
            <main id="main" class="content">
                <Outlet />
            </main>
        </div>
    }
}

#[component]
fn UserMenu(me: Me) -> impl IntoView {
    let lang = use_lang();
    view! {
        <Menu
            class="user-menu"
            trigger=view! {
                <span class="avatar" aria-hidden="true">
                    {me.initials.clone()}
                </span>
                <span class="visually-hidden">{me.display_name.clone()}</span>
            }
                .into_any()
        >
            <div class="menu-list user-card">
                <p class="user-name">{me.display_name.clone()}</p>
                {me.email.clone().map(|email| view! { <p class="muted">{email}</p> })}
                {me
                    .platform_admin
                    .then(|| {
                        view! {
                            <p class="badge">{lang.t(Msg::PlatformAdmin)}</p>
                            <p>
                                <a href="/settings/fields">{lang.t(Msg::CustomFields)}</a>
                            </p>
                            <p>
                                <a href="/settings/platform">{lang.t(Msg::PlatformSettingsTitle)}</a>
                            </p>
                            <p>
                                <a href="/billing">{lang.t(Msg::BillingTitle)}</a>
                            </p>
                        }
                    })}
                {(me.platform_admin || me.manages_users)
                    .then(|| {
                        view! {
                            <p>
                                <a href="/journal">{lang.t(Msg::JournalTitle)}</a>
                            </p>
                        }
                    })}
                <form method="post" action="/api/auth/logout">
                    <button type="submit" class="button secondary">
                        {lang.t(Msg::SignOut)}
                    </button>
                </form>
            </div>
        </Menu>
    }
}
