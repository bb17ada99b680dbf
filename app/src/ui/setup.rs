//! The first platform admin, from the one-time link printed at start.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::lang::use_lang;
use super::loaded::loaded;
use super::widgets::{
    AuthCard, FieldHint, FormError, Loading, NameFields, NewPasswordFields, field_problems,
    go_home_after,
};
use crate::api::setup::{CreateFirstAdmin, SetupStatus, get_setup_status};
use crate::contracts::error::FormField;
use crate::i18n::Msg;

#[component]
pub fn SetupPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let status = loaded(token, get_setup_status);
    view! {
        <AuthCard>
                <h1>{lang.t(Msg::SetupTitle)}</h1>
                <Suspense fallback=|| view! { <Loading /> }>
                    {move || Suspend::new(async move {
                        match status.await {
                            Ok(SetupStatus::Open) => view! { <SetupForm token=token() /> }.into_any(),
                            Ok(SetupStatus::Done) => {
                                view! {
                                    <p role="status">{lang.t(Msg::SetupDone)}</p>
                                    <p>
                                        <a class="button primary" href="/login">
                                            {lang.t(Msg::SignIn)}
                                        </a>
                                    </p>
                                }
                                    .into_any()
                            }
                            Ok(SetupStatus::InvalidLink) => {
                                view! {
                                    <p class="form-error" role="alert">
                                        {lang.t(Msg::SetupInvalidLink)}
                                    </p>
                                }
                                    .into_any()
                            }
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
                </Suspense>
        </AuthCard>
    }
}

#[component]
fn SetupForm(token: String) -> impl IntoView {
    let lang = use_lang();
    let create = ServerAction::<CreateFirstAdmin>::new();
    go_home_after(create.value());
    let problem = field_problems(create.value());
    let on = move |field: FormField| Signal::derive(move || problem(field.clone()));
    view! {
        <p class="muted">{lang.t(Msg::SetupIntro)}</p>
        <ActionForm action=create>
            <input type="hidden" name="input[token]" value=token />
            <NameFields first=on(FormField::FirstName) last=on(FormField::LastName) />
            <div class="field">
                <label for="email">{lang.t(Msg::Email)}</label>
                <input
                    id="email"
                    name="input[email]"
                    type="email"
                    autocomplete="email"
                    required
                    aria-invalid=move || problem(FormField::Email).map(|_| "true")
                    aria-describedby="email-error"
                />
                <FieldHint problem=on(FormField::Email) id="email-error" />
            </div>
            <NewPasswordFields password=on(FormField::Password) confirm=on(FormField::PasswordConfirm) />
            <FormError value=create.value() />
            <button type="submit" class="button primary" disabled=move || create.pending().get()>
                {lang.t(Msg::CreateAdmin)}
            </button>
        </ActionForm>
    }
}
