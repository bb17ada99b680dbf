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

#[component]
fn LoginForm() -> impl IntoView {
    let lang = use_lang();
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
