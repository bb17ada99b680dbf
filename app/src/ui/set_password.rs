//! The page a set-password link opens: the person chooses a password and
//! is signed in.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::lang::use_lang;
use super::widgets::{AuthCard, ClosedLink, FormError, Loading, go_home_after};
use crate::api::accounts::{SetPassword, SetPasswordView, get_password_link};
use crate::i18n::Msg;

#[component]
pub fn SetPasswordPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let link = Resource::new(token, get_password_link);
    view! {
        <AuthCard>
            <Suspense fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match link.await {
                        Ok(view) => view! { <SetPasswordForm token=token() link=view /> }.into_any(),
                        Err(e) => view! { <ClosedLink title=Msg::PasswordLinkClosedTitle error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </AuthCard>
    }
}

#[component]
fn SetPasswordForm(token: String, link: SetPasswordView) -> impl IntoView {
    let lang = use_lang();
    let set = ServerAction::<SetPassword>::new();
    go_home_after(set.value());
    view! {
        <h1>{lang.t(Msg::SetPasswordTitle)}</h1>
        <p class="muted">{lang.t(Msg::SetPasswordIntro)}</p>
        <ActionForm action=set>
            <input type="hidden" name="input[token]" value=token />
            <div class="field">
                <label for="login">{lang.t(Msg::LoginName)}</label>
                <input id="login" value=link.login.clone() readonly autocomplete="username" />
            </div>
            <div class="field">
                <label for="password">{lang.t(Msg::Password)}</label>
                <input
                    id="password"
                    name="input[password]"
                    type="password"
                    autocomplete="new-password"
                    minlength="8"
                    maxlength="128"
                    aria-describedby="password-help"
                    required
                />
                <p id="password-help" class="muted help">{lang.t(Msg::PasswordHelp)}</p>
            </div>
            <div class="field">
                <label for="password_confirm">{lang.t(Msg::PasswordConfirm)}</label>
                <input id="password_confirm" name="input[password_confirm]" type="password" autocomplete="new-password" required />
            </div>
            <FormError value=set.value() />
            <button type="submit" class="button primary" disabled=move || set.pending().get()>
                {lang.t(Msg::SetPasswordButton)}
            </button>
        </ActionForm>
    }
}
