//! `/users/:id`: an account as its admins see it — identity, groups and
//! roles, automatic deletion date, custom fields — with the profile's
//! editable part, `Ajouter à des groupes` and the set-password link's
//! re-send.

use std::collections::BTreeSet;

use super::loaded::loaded;
use crate::domain::{AccountType, GroupId, GroupRole, UserId};
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::custom_fields::CustomFieldInputs;
use super::format;
use super::frame::use_refresh;
use super::group_chooser::{GroupChooser, RoleChooser};
use super::lang::use_lang;
use super::widgets::{FormError, FormSuccess, GroupRolesList, Loading, NotFound, reset_on_success};
use crate::api::ApiError;
use crate::api::accounts::{
    AddToGroups, AddedGroup, ConvertAccountType, ConvertLine, ConvertOutcome, GroupChoice,
    ResendPasswordLink, UpdateUserProfile, UserProfile, get_user_profile,
};
use crate::i18n::Msg;

#[component]
pub fn UserPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|v| v.parse::<UserId>().ok())
            .unwrap_or_default()
    });
    let refresh = use_refresh();
    let profile = loaded(
        move || (id.get(), refresh.0.get()),
        |(id, _)| get_user_profile(id),
    );
    let update = ServerAction::<UpdateUserProfile>::new();
    let resend = ServerAction::<ResendPasswordLink>::new();
    // Outside the Transition, so its result outlives the profile's reload.
    let add = ServerAction::<AddToGroups>::new();
    let convert = ServerAction::<ConvertAccountType>::new();
    Effect::new(move |_| {
        if let Some(Ok(lines)) = convert.value().get()
            && lines
                .iter()
                .any(|l| matches!(l.outcome, ConvertOutcome::Converted { .. }))
        {
            refresh.bump();
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = update.value().get() {
            refresh.bump();
        }
    });
    // The group list shows the new memberships.
    Effect::new(move |_| {
        if let Some(Ok(_)) = add.value().get() {
            refresh.bump();
        }
    });
    // Another person's page does not show this one's result.
    Effect::new(move |shown: Option<UserId>| {
        let now = id.get();
        if shown.is_some_and(|before| before != now) {
            add.value().set(None);
            convert.value().set(None);
        }
        now
    });
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match profile.await {
                    Ok(profile) => view! { <Profile profile update resend add convert /> }.into_any(),
                    Err(_) => view! { <NotFound /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Profile(
    profile: UserProfile,
    update: ServerAction<UpdateUserProfile>,
    resend: ServerAction<ResendPasswordLink>,
    add: ServerAction<AddToGroups>,
    convert: ServerAction<ConvertAccountType>,
) -> impl IntoView {
    let lang = use_lang();
    let date = move |t: i64| format::date(t, lang);
    let groups = view! { <GroupRolesList groups=profile.groups.clone() empty=Msg::NoGroups /> };
    let deletion_value = profile
        .deletion_at
        .map(format::iso_date)
        .unwrap_or_default();
    let whole = profile.whole_account;
    let awaiting_password = whole && !profile.has_password && profile.email.is_some();
    view! {
        <section class="page">
            <header class="page-header">
                <div class="title-row">
                    <h1>{profile.name.clone()}</h1>
                    <span class="badge">{lang.t(format::account_type(profile.account_type))}</span>
                </div>
            </header>
            <dl class="facts profile-facts">
                {profile
                    .email
                    .clone()
                    .map(|email| {
                        view! {
                            <dt>{lang.t(Msg::Email)}</dt>
                            <dd>{email}</dd>
                        }
                    })}
                {profile
                    .login_name
                    .clone()
                    .map(|login| {
                        view! {
                            <dt>{lang.t(Msg::LoginName)}</dt>
                            <dd>
                                <code>{login}</code>
                            </dd>
                        }
                    })}
                <dt>{lang.t(Msg::Language)}</dt>
                <dd>{profile.language.native_name()}</dd>
                <dt>{lang.t(Msg::CreatedOn)}</dt>
                <dd>{date(profile.created_at)}</dd>
                <dt>{lang.t(Msg::ActivatedOn)}</dt>
                <dd>{profile.activated_at.map(date).unwrap_or_else(|| "—".into())}</dd>
                <dt>{lang.t(Msg::DeletionDate)}</dt>
                <dd class="deletion-date">{profile.deletion_at.map(date).unwrap_or_else(|| lang.t(Msg::NoDeletion).into())}</dd>
            </dl>
            {awaiting_password
                .then(|| {
                    view! {
                        <div class="panel notice">
                            <p>{lang.t(Msg::PasswordNotSet)}</p>
                            <ActionForm action=resend>
                                <input type="hidden" name="user_id" value=profile.id.to_string() />
                                <FormError value=resend.value() />
                                <FormSuccess value=resend.value() msg=Msg::PasswordLinkResent />
                                <button type="submit" class="button secondary" disabled=move || resend.pending().get()>
                                    {lang.t(Msg::ResendPasswordLink)}
                                </button>
                            </ActionForm>
                        </div>
                    }
                })}
            <h2>{lang.t(Msg::GroupsAndRoles)}</h2>
            {groups}
            {(!whole).then(|| view! { <p class="panel notice">{lang.t(Msg::AccountPartlyYours)}</p> })}
            {profile
                .may_convert
                .then(|| {
                    view! { <AccountTypeBox user_id=profile.id current=profile.account_type convert /> }
                })}
            {(!profile.addable_groups.is_empty())
                .then(|| {
                    view! {
                        <AddToGroupsForm
                            user_id=profile.id
                            groups=profile.addable_groups.clone()
                            roles=profile.addable_roles.clone()
                            account_type=profile.account_type
                            add
                        />
                    }
                })}
            {whole.then(|| view! {
            <ActionForm action=update attr:class="panel">
                <h2>{lang.t(Msg::EditProfile)}</h2>
                <input type="hidden" name="input[user_id]" value=profile.id.to_string() />
                <div class="field">
                    <label for="extra_info">{lang.t(Msg::ExtraInfo)}</label>
                    <textarea id="extra_info" name="input[extra_info]" rows="3" maxlength="2000">
                        {profile.extra_info.clone()}
                    </textarea>
                </div>
                <div class="field">
                    <label for="deletion_date">{lang.t(Msg::DeletionDate)}</label>
                    <input
                        type="date"
                        id="deletion_date"
                        name="input[deletion_date]"
                        value=deletion_value
                        aria-describedby="deletion-help"
                    />
                    <p id="deletion-help" class="muted help">{lang.t(Msg::DeletionDateHelp)}</p>
                </div>
                <CustomFieldInputs fields=profile.custom_fields.clone() values=profile.custom_values.clone() />
                <FormError value=update.value() />
                <FormSuccess value=update.value() msg=Msg::ProfileSaved />
                <button type="submit" class="button primary" disabled=move || update.pending().get()>
                    {lang.t(Msg::Save)}
                </button>
            </ActionForm>
            })}
        </section>
    }
}

/// `Passer en membre` / `Passer en invité`. Member → guest is refused
/// while the person holds a role a guest cannot hold: the roles are then
/// listed, with a second button that removes them in the same step.
#[component]
fn AccountTypeBox(
    user_id: UserId,
    current: AccountType,
    convert: ServerAction<ConvertAccountType>,
) -> impl IntoView {
    let lang = use_lang();
    let to = match current {
        AccountType::Member => AccountType::Guest,
        AccountType::Guest => AccountType::Member,
    };
    let label = if to == AccountType::Guest {
        Msg::ToGuest
    } else {
        Msg::ToMember
    };
    let line = move || {
        convert
            .value()
            .get()
            .and_then(|r| r.ok())
            .and_then(|mut l| l.pop())
    };
    let blocked = move || match line() {
        Some(ConvertLine {
            outcome: ConvertOutcome::Blocked { roles },
            ..
        }) => Some(roles),
        _ => None,
    };
    let done = move || match line() {
        Some(ConvertLine {
            outcome: ConvertOutcome::Converted { to, removed },
            ..
        }) => {
            let mut text = lang
                .t(if to == AccountType::Guest {
                    Msg::ConvertedToGuest
                } else {
                    Msg::ConvertedToMember
                })
                .to_owned();
            if !removed.is_empty() {
                let roles = removed
                    .iter()
                    .map(|b| format!("{} ({})", b.group, lang.t(format::role(b.role))))
                    .collect::<Vec<_>>()
                    .join(", ");
                text.push(' ');
                text.push_str(&lang.fmt(Msg::ConvertedRolesRemoved, &[("roles", roles.into())]));
            }
            Some(text)
        }
        _ => None,
    };
    view! {
        <section class="panel account-type-box" aria-labelledby="account-type-title">
            <h2 id="account-type-title">{lang.t(Msg::AccountTypeSection)}</h2>
            <p>
                <strong>{lang.t(format::account_type(current))}</strong>
                <span class="muted">
                    " — "
                    {lang.t(if current == AccountType::Member { Msg::MemberHelp } else { Msg::GuestHelp })}
                </span>
            </p>
            <ActionForm action=convert>
                <input type="hidden" name="input[user_id]" value=user_id.to_string() />
                <input type="hidden" name="input[to]" value=to.as_str() />
                <button type="submit" class="button secondary" disabled=move || convert.pending().get()>
                    {lang.t(label)}
                </button>
            </ActionForm>
            {move || {
                blocked()
                    .map(|roles| {
                        view! {
                            <div class="notice warning blocking" role="alert">
                                <p>{lang.t(Msg::ConvertBlockedIntro)}</p>
                                <ul>
                                    {roles
                                        .into_iter()
                                        .map(|b| view! { <li>{b.group} " — " {lang.t(format::role(b.role))}</li> })
                                        .collect_view()}
                                </ul>
                                <ActionForm action=convert>
                                    <input type="hidden" name="input[user_id]" value=user_id.to_string() />
                                    <input type="hidden" name="input[to]" value="guest" />
                                    <input type="hidden" name="input[remove_roles]" value="on" />
                                    <button type="submit" class="button danger" disabled=move || convert.pending().get()>
                                        {lang.t(Msg::ConvertRemoveRolesAndGo)}
                                    </button>
                                </ActionForm>
                            </div>
                        }
                    })
            }}
            {move || done().map(|text| view! { <p class="form-success" role="status">{text}</p> })}
            <FormError value=convert.value() />
        </section>
    }
}

/// `Ajouter à des groupes`: the create form's group and role choosers, for
/// an account that exists; the result beside the form.
#[component]
fn AddToGroupsForm(
    user_id: UserId,
    groups: Vec<GroupChoice>,
    roles: Vec<GroupRole>,
    /// A guest's page greys out every role but learner.
    account_type: AccountType,
    add: ServerAction<AddToGroups>,
) -> impl IntoView {
    let lang = use_lang();
    let form = NodeRef::<html::Form>::new();
    let selected = RwSignal::new(BTreeSet::<GroupId>::new());
    reset_on_success(form, add.value());
    Effect::new(move |_| {
        if let Some(Ok(_)) = add.value().get() {
            selected.set(BTreeSet::new());
        }
    });
    view! {
        <div class="add-to-groups">
            <ActionForm action=add node_ref=form attr:class="panel" attr:aria-labelledby="add-to-groups-title">
                <h2 id="add-to-groups-title">{lang.t(Msg::AddToGroupsTitle)}</h2>
                <input type="hidden" name="input[user_id]" value=user_id.to_string() />
                <GroupChooser groups=groups.clone() selected />
                <RoleChooser groups roles selected help=Msg::AddToGroupsHelp account_type=Signal::stored(account_type) />
                <FormError value=add.value() />
                <div class="actions">
                    <button type="submit" class="button primary" disabled=move || add.pending().get()>
                        {move || {
                            if add.pending().get() {
                                lang.t(Msg::AddingToGroups)
                            } else {
                                lang.t(Msg::AddToGroupsButton)
                            }
                        }}
                    </button>
                </div>
            </ActionForm>
            <AddedResult value=add.value() />
        </div>
    }
}

/// What `AJOUTER` gave, one line a group: "Ajouté à Acme › Ventes comme
/// Apprenant".
#[component]
fn AddedResult(
    #[prop(into)] value: Signal<Option<Result<Vec<AddedGroup>, ApiError>>>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let added = match value.get() {
            Some(Ok(added)) => added,
            _ => return None,
        };
        let lines = if added.is_empty() {
            view! { <p>{lang.t(Msg::AlreadyInGroups)}</p> }.into_any()
        } else {
            view! {
                <ul class="added-list">
                    {added
                        .into_iter()
                        .map(|group| {
                            let roles = group
                                .roles
                                .iter()
                                .map(|r| lang.t(format::role(*r)))
                                .collect::<Vec<_>>()
                                .join(", ");
                            view! {
                                <li>
                                    {lang.fmt(Msg::AddedToGroupAs, &[("group", group.path.into()), ("roles", roles.into())])}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        };
        Some(view! { <section class="panel results ok" role="status">{lines}</section> })
    }
}
