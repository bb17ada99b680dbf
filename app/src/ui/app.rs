use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{Lazy, LazyRoute, SsrMode, lazy_route, path};

use super::billing::BillingPage;
use super::create_account::CreateAccountPage;
use super::custom_fields::CustomFieldsPage;
use super::frame::Frame;
use super::group_page::GroupUsers;
use super::group_settings::GroupSettings;
use super::home::Home;
use super::import::{ImportPage, ImportUploadPage, ImportsHistoryPage};
use super::invitation_page::InvitationPage;
use super::journal::JournalPage;
use super::lang::provide_lang;
use super::login::LoginPage;
use super::mailbox::MailboxPage;
use super::new_group::NewGroupPage;
use super::platform_settings::PlatformSettingsPage;
use super::set_password::SetPasswordPage;
use super::setup::SetupPage;
use super::user_page::UserPage;
use super::user_panel::{InvitationsPanelPage, InvitePanelPage};
use super::widgets::NotFound;
use crate::i18n::Msg;

/// The screens loaded with their own piece of wasm when first opened
/// (cargo-leptos `--split`): the sign-in page, the frame, the home and a
/// group's page are in the first download; the rest is fetched when a
/// route needs it. On the server they render as any route.
macro_rules! lazy_routes {
    ($($route:ident => $page:ident),* $(,)?) => {
        $(
            struct $route;

            #[lazy_route]
            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                fn view(_this: Self) -> AnyView {
                    view! { <$page /> }.into_any()
                }
            }
        )*
    };
}

lazy_routes! {
    SetupPageRoute => SetupPage,
    InvitationPageRoute => InvitationPage,
    SetPasswordPageRoute => SetPasswordPage,
    NewGroupPageRoute => NewGroupPage,
    InvitePanelPageRoute => InvitePanelPage,
    InvitationsPanelPageRoute => InvitationsPanelPage,
    ImportUploadPageRoute => ImportUploadPage,
    ImportPageRoute => ImportPage,
    ImportsHistoryPageRoute => ImportsHistoryPage,
    CreateAccountPageRoute => CreateAccountPage,
    UserPageRoute => UserPage,
    CustomFieldsPageRoute => CustomFieldsPage,
    PlatformSettingsPageRoute => PlatformSettingsPage,
    MailboxPageRoute => MailboxPage,
    BillingPageRoute => BillingPage,
    JournalPageRoute => JournalPage,
    GroupSettingsRoute => GroupSettings,
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let lang = provide_lang();
    // Effects run in the browser only, after hydration: a marker for tests
    // and for styles that need the script.
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
    // Pages wait for their data on the server (`SsrMode::Async`) so that the
    // first response is complete: real status codes, redirects, and pages
    // that read well before the wasm has loaded.
    view! {
        <Title text=lang.t(Msg::AppName) />
        <Router>
            <Routes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async />
                <Route path=path!("/setup") view={Lazy::<SetupPageRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/invitation") view={Lazy::<InvitationPageRoute>::new()} ssr=SsrMode::Async />
                <Route path=path!("/set-password") view={Lazy::<SetPasswordPageRoute>::new()} ssr=SsrMode::Async />
                <ParentRoute path=path!("") view=Frame ssr=SsrMode::Async>
                    <Route path=path!("") view=Home ssr=SsrMode::Async />
                    <Route path=path!("new-group") view={Lazy::<NewGroupPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("groups/:id") view=GroupUsers ssr=SsrMode::Async />
                    <Route
                        path=path!("groups/:id/users/invite")
                        view={Lazy::<InvitePanelPageRoute>::new()}
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("groups/:id/users/invitations")
                        view={Lazy::<InvitationsPanelPageRoute>::new()}
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("groups/:id/users/import")
                        view={Lazy::<ImportUploadPageRoute>::new()}
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("groups/:id/users/import/:import")
                        view={Lazy::<ImportPageRoute>::new()}
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("groups/:id/users/imports")
                        view={Lazy::<ImportsHistoryPageRoute>::new()}
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("groups/:id/users/create")
                        view={Lazy::<CreateAccountPageRoute>::new()}
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("users/:id") view={Lazy::<UserPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("settings/fields") view={Lazy::<CustomFieldsPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("settings/platform") view={Lazy::<PlatformSettingsPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("dev/mailbox") view={Lazy::<MailboxPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("billing") view={Lazy::<BillingPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("journal") view={Lazy::<JournalPageRoute>::new()} ssr=SsrMode::Async />
                    <Route
                        path=path!("groups/:id/settings")
                        view={Lazy::<GroupSettingsRoute>::new()}
                        ssr=SsrMode::Async
                    />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
