use leptos::prelude::*;
use leptos_router::components::Redirect;

use super::lang::use_lang;
use super::loaded::loaded;
use super::widgets::{AuthCard, FormError, Loading, go_home_after};
use crate::api::auth::{Login, current_user};
use crate::i18n::Msg;

#[component]
pub fn LoginPage() -> impl IntoView {
    let me = loaded(|| (), |_| current_user());
    view! {
        <Suspense fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(_)) => view! { <Redirect path="/" /> }.into_any(),
                    _ => view! { <LoginForm /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The identifier of a sign-in the server refused before the wasm loaded
/// (the page then comes from the server, which knows it).
#[cfg(feature = "ssr")]
fn refused_identifier() -> Option<String> {
    crate::server::context::refused_identifier()
}

#[cfg(not(feature = "ssr"))]
fn refused_identifier() -> Option<String> {
    None
}

#[component]
fn LoginForm() -> impl IntoView {
    let lang = use_lang();
    // Filled in again after a refusal, with the focus on the password.
    let identifier = refused_identifier();
    let retry = identifier.is_some();
    let identifier = identifier.unwrap_or_default();
    let login = ServerAction::<Login>::new();
    // A full load, so the whole UI comes back in the user's own language.
    go_home_after(login.value());
    view! {
        <AuthCard>
                <h1>{lang.t(Msg::LoginTitle)}</h1>
                <p class="muted">{lang.t(Msg::LoginIntro)}</p>
                <ActionForm action=login>
                    <div class="field">
                        <label for="identifier">{lang.t(Msg::EmailOrLogin)}</label>
                        <input
                            id="identifier"
                            name="input[identifier]"
                            type="text"
                            autocomplete="username"
                            autocapitalize="none"
                            spellcheck="false"
                            required
                            value=identifier
                        />
                    </div>
                    <div class="field">
                        <label for="password">{lang.t(Msg::Password)}</label>
                        <input
                            id="password"
                            name="input[password]"
                            type="password"
                            autocomplete="current-password"
                            required
                            autofocus=retry
                        />
                    </div>
                    <FormError value=login.value() />
                    <button type="submit" class="button primary" disabled=move || login.pending().get()>
                        {move || {
                            if login.pending().get() {
                                lang.t(Msg::SigningIn)
                            } else {
                                lang.t(Msg::SignIn)
                            }
                        }}
                    </button>
                </ActionForm>
        </AuthCard>
    }
}
