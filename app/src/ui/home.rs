//! `/`: an admin starts from the group tree; someone who administers
//! nothing lands on their own home — a welcome, their groups, their profile
//! and language.

use leptos::prelude::*;

use super::lang::use_lang;
use super::loaded::loaded;
use super::widgets::{GroupRolesList, LangSwitch, Loading};
use crate::api::auth::{Me, MyHome, get_my_home};
use crate::i18n::Msg;

#[component]
pub fn Home() -> impl IntoView {
    let lang = use_lang();
    let admin = use_context::<Me>().is_none_or(|me| me.platform_admin || me.manages_users);
    if !admin {
        return view! { <MemberHome /> }.into_any();
    }
    view! {
        <section class="page">
            <h1>{lang.t(Msg::Welcome)}</h1>
            <p class="muted">{lang.t(Msg::HomeIntro)}</p>
        </section>
    }
    .into_any()
}

#[component]
fn MemberHome() -> impl IntoView {
    let home = loaded(|| (), |_| get_my_home());
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move { home.await.ok().map(|home| view! { <MemberHomePage home /> }) })}
        </Transition>
    }
}

#[component]
fn MemberHomePage(home: MyHome) -> impl IntoView {
    let lang = use_lang();
    let groups = view! { <GroupRolesList groups=home.groups empty=Msg::NoGroupsMemberHint /> };
    view! {
        <section class="page member-home">
            <header class="page-header">
                <h1>{lang.fmt(Msg::WelcomeName, &[("name", home.first_name.clone().into())])}</h1>
                <p class="muted">{lang.t(Msg::MemberHomeIntro)}</p>
            </header>
            <section class="panel" aria-labelledby="my-groups">
                <h2 id="my-groups">{lang.t(Msg::YourGroups)}</h2>
                {groups}
            </section>
            <section class="panel" aria-labelledby="my-profile">
                <h2 id="my-profile">{lang.t(Msg::YourProfile)}</h2>
                <dl class="facts profile-facts">
                    <dt>{lang.t(Msg::FullName)}</dt>
                    <dd>{home.display_name}</dd>
                    {home
                        .email
                        .map(|email| {
                            view! {
                                <dt>{lang.t(Msg::Email)}</dt>
                                <dd>{email}</dd>
                            }
                        })}
                    {home
                        .login_name
                        .map(|login| {
                            view! {
                                <dt>{lang.t(Msg::LoginName)}</dt>
                                <dd>
                                    <code>{login}</code>
                                </dd>
                            }
                        })}
                    <dt>{lang.t(Msg::Language)}</dt>
                    <dd>{home.language.native_name()}</dd>
                </dl>
                <p class="muted help">{lang.t(Msg::YourLanguageHelp)}</p>
                <LangSwitch />
            </section>
        </section>
    }
}
