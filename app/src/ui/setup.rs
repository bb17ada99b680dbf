//! The first platform admin, from the one-time link printed at start.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::lang::use_lang;
use super::widgets::{AuthCard, FormError, Loading, go_home_after};
use crate::api::setup::{CreateFirstAdmin, SetupStatus, get_setup_status};
use crate::i18n::Msg;

#[component]
pub fn SetupPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let status = Resource::new(token, get_setup_status);
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
    view! {
        <p class="muted">{lang.t(Msg::SetupIntro)}</p>
        <ActionForm action=create>
            <input type="hidden" name="input[token]" value=token />
            <div class="field-row">
                <div class="field">
                    <label for="first_name">{lang.t(Msg::FirstName)}</label>
                    <input id="first_name" name="input[first_name]" autocomplete="given-name" required />
                </div>
                <div class="field">
                    <label for="last_name">{lang.t(Msg::LastName)}</label>
                    <input id="last_name" name="input[last_name]" autocomplete="family-name" required />
                </div>
            </div>
            <div class="field">
                <label for="email">{lang.t(Msg::Email)}</label>
                <input id="email" name="input[email]" type="email" autocomplete="email" required />
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
                    required
                />
            </div>
            <div class="field">
                <label for="password_confirm">{lang.t(Msg::PasswordConfirm)}</label>
                <input
                    id="password_confirm"
                    name="input[password_confirm]"
                    type="password"
                    autocomplete="new-password"
                    required
                />
            </div>
            <FormError value=create.value() />
            <button type="submit" class="button primary" disabled=move || create.pending().get()>
                {lang.t(Msg::CreateAdmin)}
            </button>
        </ActionForm>
    }
}
