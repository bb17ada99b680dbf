//! The first-login form an invitation link opens: the e-mail is known and
//! shown read-only; first name, last name, password; then the account is
//! active and the person signed in.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::format;
use super::lang::use_lang;
use super::loaded::loaded;
use super::widgets::{
    AuthCard, ClosedLink, FormError, Loading, NameFields, NewPasswordFields, field_problems,
    go_home_after,
};
use crate::api::invitations::{
    AcceptInvitation, AcceptResult, DroppedGrant, LinkView, get_invitation_link,
};
use crate::contracts::error::FormField;
use crate::i18n::{Lang, Msg};

#[component]
pub fn InvitationPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let link = loaded(token, get_invitation_link);
    view! {
        <AuthCard>
                <Suspense fallback=|| view! { <Loading /> }>
                    {move || Suspend::new(async move {
                        match link.await {
                            Ok(view) if view.awaiting_seat => view! { <AwaitingSeat /> }.into_any(),
                            Ok(view) => view! { <AcceptForm token=token() link=view /> }.into_any(),
                            Err(e) => view! { <ClosedLink title=Msg::InvitationClosedTitle error=e /> }.into_any(),
                        }
                    })}
                </Suspense>
        </AuthCard>
    }
}

#[component]
fn AcceptForm(token: String, link: LinkView) -> impl IntoView {
    let lang = use_lang();
    let accept = ServerAction::<AcceptInvitation>::new();
    // Home at once, unless something promised did not hold: then the
    // welcome says so first.
    let all_held = Signal::derive(move || {
        accept
            .value()
            .get()
            .filter(|v| matches!(v, Ok(AcceptResult::Active { dropped }) if dropped.is_empty()))
    });
    go_home_after(all_held);
    let problem = field_problems(accept.value());
    let on = move |field: FormField| Signal::derive(move || problem(field.clone()));
    let dropped = move || match accept.value().get() {
        Some(Ok(AcceptResult::Active { dropped })) if !dropped.is_empty() => Some(dropped),
        _ => None,
    };
    let waiting = move || matches!(accept.value().get(), Some(Ok(AcceptResult::AwaitingSeat)));
    view! {
        {move || dropped().map(|dropped| view! { <Welcome dropped /> })}
        {move || waiting().then(|| view! { <AwaitingSeat /> })}
        <div hidden=move || dropped().is_some() || waiting()>
        <h1>{lang.t(Msg::AcceptTitle)}</h1>
        <p class="muted">{lang.t(Msg::AcceptIntro)}</p>
        <dl class="facts">
            {link
                .inviter
                .clone()
                .map(|name| {
                    view! {
                        <dt>{lang.t(Msg::InvitedBy)}</dt>
                        <dd>{name}</dd>
                    }
                })}
            {(!link.groups.is_empty())
                .then(|| {
                    view! {
                        <dt>{lang.t(Msg::InvitedTo)}</dt>
                        <dd>{link.groups.join(", ")}</dd>
                    }
                })}
            <dt>{lang.t(Msg::ValidUntil)}</dt>
            <dd>{format::date(link.expires_at, lang)}</dd>
        </dl>
        <ActionForm action=accept>
            <input type="hidden" name="input[token]" value=token />
            <div class="field">
                <label for="email">{lang.t(Msg::Email)}</label>
                <input id="email" type="email" value=link.email.clone() readonly autocomplete="username" />
            </div>
            <NameFields first=on(FormField::FirstName) last=on(FormField::LastName) />
            <NewPasswordFields password=on(FormField::Password) confirm=on(FormField::PasswordConfirm) />
            <div class="field">
                <label for="language">{lang.t(Msg::Language)}</label>
                <select id="language" name="input[language]">
                    {Lang::ALL
                        .into_iter()
                        .map(|l| view! { <option value=l.code() selected=l == link.language>{l.native_name()}</option> })
                        .collect_view()}
                </select>
            </div>
            <FormError value=accept.value() />
            <button type="submit" class="button primary" disabled=move || accept.pending().get()>
                {lang.t(Msg::ActivateAccount)}
            </button>
        </ActionForm>
        </div>
    }
}

/// The form is completed and kept, but no seat is free: the account
/// opens by itself when one frees (a mail says so).
#[component]
fn AwaitingSeat() -> impl IntoView {
    let lang = use_lang();
    view! {
        <h1>{lang.t(Msg::AwaitingSeatTitle)}</h1>
        <div class="notice" role="status">
            <p>{lang.t(Msg::AwaitingSeatBody)}</p>
            <p>{lang.t(Msg::AwaitingSeatAdmins)}</p>
        </div>
    }
}

/// The account is active, but the invitation promised access that its
/// granter may no longer give: said plainly, before going home.
#[component]
fn Welcome(dropped: Vec<DroppedGrant>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <h1>{lang.t(Msg::WelcomeTitle)}</h1>
        <div class="notice warning" role="status">
            <p>{lang.t(Msg::WelcomeDroppedIntro)}</p>
            <ul>
                {dropped
                    .into_iter()
                    .map(|d| match d {
                        DroppedGrant::Role { group, role } => {
                            format!("{group} — {}", lang.t(format::role(role)))
                        }
                        DroppedGrant::PlatformAdmin => lang.t(Msg::RolePlatformAdmin).to_owned(),
                    })
                    .map(|line| view! { <li>{line}</li> })
                    .collect_view()}
            </ul>
        </div>
        <a class="button primary" href="/">{lang.t(Msg::Continue)}</a>
    }
}
