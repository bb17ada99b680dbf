//! The page a set-password link opens: the person chooses a password and
//! is signed in.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::lang::use_lang;
use super::loaded::loaded;
use super::widgets::{
    AuthCard, ClosedLink, FormError, Loading, NewPasswordFields, field_problems, go_home_after,
};
use crate::api::accounts::{SetPassword, SetPasswordView, get_password_link};
use crate::contracts::error::FormField;
use crate::i18n::Msg;

#[component]
pub fn SetPasswordPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let link = loaded(token, get_password_link);
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
    let problem = field_problems(set.value());
    let on = move |field: FormField| Signal::derive(move || problem(field.clone()));
    view! {
        <h1>{lang.t(Msg::SetPasswordTitle)}</h1>
        <p class="muted">{lang.t(Msg::SetPasswordIntro)}</p>
        <ActionForm action=set>
            <input type="hidden" name="input[token]" value=token />
            <div class="field">
                <label for="login">{lang.t(Msg::LoginName)}</label>
                <input id="login" value=link.login.clone() readonly autocomplete="username" />
            </div>
            <NewPasswordFields password=on(FormField::Password) confirm=on(FormField::PasswordConfirm) />
            <FormError value=set.value() />
            <button type="submit" class="button primary" disabled=move || set.pending().get()>
                {lang.t(Msg::SetPasswordButton)}
            </button>
        </ActionForm>
    }
}
