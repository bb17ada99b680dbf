//! `+ → Utilisateur → Créer un compte`: the account is active at once, in
//! the groups chosen, with the roles ticked.

use std::collections::BTreeSet;

use leptos::html;
use leptos::prelude::*;

use super::custom_fields::CustomFieldInputs;
use super::format;
use super::group_page::use_group_id;
use super::lang::use_lang;
use super::user_panel::PanelShell;
use super::widgets::{CopyButton, FieldHint, FormError, Loading, NotFound, field_problems};
use crate::api::ApiError;
use crate::api::accounts::{
    CreateAccount, CreateAccountInput, CreateOutcome, CreatePanel, GroupChoice, get_create_panel,
};
use crate::api::invitation_tab::ResendInvitation;
use crate::contracts::error::FormField;
use crate::contracts::form::RoleChecks;
use crate::domain::{AccountType, GroupId, GroupRole};
use crate::i18n::{Lang, Msg};

#[component]
pub fn CreateAccountPage() -> impl IntoView {
    let id = use_group_id();
    let panel = Resource::new(move || id.get(), get_create_panel);
    // Outside the Transition: the result survives a reload of the panel.
    let create = ServerAction::<CreateAccount>::new();
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match panel.await {
                    Ok(panel) => {
                        view! {
                            <PanelShell group_id=panel.group_id group_name=panel.group_name.clone()>
                                <CreateForm panel=panel.clone() create />
                            </PanelShell>
                        }
                            .into_any()
                    }
                    Err(_) => view! { <NotFound /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn CreateForm(panel: CreatePanel, create: ServerAction<CreateAccount>) -> impl IntoView {
    let lang = use_lang();
    let form = NodeRef::<html::Form>::new();
    let problem = field_problems(create.value());
    let invalid = move |field: FormField| problem(field).is_some().then_some("true");
    let initial_group = panel.group_id;
    let selected = RwSignal::new(
        panel
            .groups
            .iter()
            .filter(|g| g.id == initial_group)
            .map(|g| g.id)
            .collect::<BTreeSet<GroupId>>(),
    );
    let no_email = RwSignal::new(false);
    // "create" once the admin chose to create despite a pending invitation.
    let if_invited = RwSignal::new(String::new());
    // A new, blank form after each account created.
    Effect::new(move |_| {
        if let Some(Ok(CreateOutcome::Created { .. } | CreateOutcome::AddedToInvitation { .. })) =
            create.value().get()
        {
            if let Some(form) = form.get() {
                form.reset();
            }
            no_email.set(false);
            if_invited.set(String::new());
            selected.set(BTreeSet::from([initial_group]));
        }
    });
    // "create" (use the invitation up) or "add" (add the form's groups and
    // roles to it), then the same form again.
    let resubmit = move |choice: &'static str| {
        if_invited.set(choice.into());
        if let Some(form) = form.get() {
            let _ = form.request_submit();
        }
    };
    // A role is offered while it may be granted in every chosen group; the
    // server checks again.
    let grantable = StoredValue::new(
        panel
            .groups
            .iter()
            .map(|g| (g.id, g.grantable.clone()))
            .collect::<Vec<_>>(),
    );
    let allowed_everywhere = move |role: GroupRole| {
        selected.with(|chosen| {
            grantable.with_value(|all| {
                all.iter()
                    .filter(|(id, _)| chosen.contains(id))
                    .all(|(_, roles)| roles.contains(&role))
            })
        })
    };
    let role_checkbox = move |role: GroupRole| {
        let id = format!("role_{}", role.as_str());
        view! {
            <div class="checkbox">
                <input
                    type="checkbox"
                    id=id.clone()
                    name=RoleChecks::field(role)
                    value="on"
                    checked=role == GroupRole::Learner
                    disabled=move || !allowed_everywhere(role)
                />
                <label for=id>{lang.t(format::role(role))}</label>
            </div>
        }
    };
    view! {
        <ActionForm action=create node_ref=form attr:class="create-form">
            <input type="hidden" name="input[group_id]" value=panel.group_id.to_string() />
            <input type="hidden" name="input[if_invited]" prop:value=move || if_invited.get() />
            <div class="field-row">
                <div class="field">
                    <label for="first_name">{lang.t(Msg::FirstName)}</label>
                    <input
                        id="first_name"
                        name="input[first_name]"
                        autocomplete="off"
                        required
                        aria-invalid=move || invalid(FormField::FirstName)
                        aria-describedby="first_name-error"
                    />
                    <FieldHint problem=Signal::derive(move || problem(FormField::FirstName)) id="first_name-error" />
                </div>
                <div class="field">
                    <label for="last_name">{lang.t(Msg::LastName)}</label>
                    <input
                        id="last_name"
                        name="input[last_name]"
                        autocomplete="off"
                        required
                        aria-invalid=move || invalid(FormField::LastName)
                        aria-describedby="last_name-error"
                    />
                    <FieldHint problem=Signal::derive(move || problem(FormField::LastName)) id="last_name-error" />
                </div>
            </div>
            <div class="field" class:hidden-with-script=move || no_email.get()>
                <label for="email">{lang.t(Msg::Email)}</label>
                <input
                    id="email"
                    name="input[email]"
                    inputmode="email"
                    autocomplete="off"
                    spellcheck="false"
                    aria-invalid=move || invalid(FormField::Email)
                    aria-describedby="email-error"
                />
                <FieldHint problem=Signal::derive(move || problem(FormField::Email)) id="email-error" />
            </div>
            <div class="checkbox">
                <input
                    type="checkbox"
                    id="no_email"
                    name="input[no_email]"
                    value="on"
                    on:change=move |ev| no_email.set(event_target_checked(&ev))
                />
                <label for="no_email">{lang.t(Msg::NoEmail)}</label>
            </div>
            <div class="field" class:hidden-with-script=move || !no_email.get()>
                <label for="login_name">{lang.t(Msg::LoginName)}</label>
                <input
                    id="login_name"
                    name="input[login_name]"
                    autocomplete="off"
                    spellcheck="false"
                    aria-invalid=move || invalid(FormField::LoginName)
                    aria-describedby="login-error login-help"
                />
                <FieldHint problem=Signal::derive(move || problem(FormField::LoginName)) id="login-error" />
                <p id="login-help" class="muted help">{lang.t(Msg::LoginNameHelp)}</p>
            </div>
            <fieldset class="field">
                <legend>{lang.t(Msg::Password)}</legend>
                <p id="password-choice" class="muted help">{lang.t(Msg::PasswordChoiceHelp)}</p>
                <div class="field-row">
                    <div class="field">
                        <label for="password">{lang.t(Msg::Password)}</label>
                        <input
                            id="password"
                            name="input[password]"
                            type="password"
                            autocomplete="new-password"
                            maxlength="128"
                            aria-invalid=move || invalid(FormField::Password)
                            aria-describedby="password-error password-choice"
                        />
                        <FieldHint problem=Signal::derive(move || problem(FormField::Password)) id="password-error" />
                    </div>
                    <div class="field">
                        <label for="password_confirm">{lang.t(Msg::PasswordConfirm)}</label>
                        <input
                            id="password_confirm"
                            name="input[password_confirm]"
                            type="password"
                            autocomplete="new-password"
                            aria-invalid=move || invalid(FormField::PasswordConfirm)
                            aria-describedby="password_confirm-error"
                        />
                        <FieldHint
                            problem=Signal::derive(move || problem(FormField::PasswordConfirm))
                            id="password_confirm-error"
                        />
                    </div>
                </div>
                <div class="checkbox" class:hidden-with-script=move || no_email.get()>
                    <input
                        type="checkbox"
                        id="send_credentials"
                        name="input[send_credentials]"
                        value="on"
                        aria-describedby="send-help"
                    />
                    <label for="send_credentials">{lang.t(Msg::SendCredentials)}</label>
                </div>
                <p id="send-help" class="muted help" class:hidden-with-script=move || no_email.get()>
                    {lang.t(Msg::SendCredentialsHelp)}
                </p>
                <FieldHint problem=Signal::derive(move || problem(FormField::Credentials)) id="credentials-error" />
            </fieldset>
            <GroupChooser groups=panel.groups.clone() initial=panel.group_id selected />
            <FieldHint problem=Signal::derive(move || problem(FormField::Groups)) id="groups-error" />
            <fieldset class="field" aria-describedby="roles-error">
                <legend>{lang.t(Msg::Roles)}</legend>
                <p class="muted help">{lang.t(Msg::RolesApplyAll)}</p>
                <div class="checkbox-row">{panel.roles.iter().map(|r| role_checkbox(*r)).collect_view()}</div>
                <FieldHint problem=Signal::derive(move || problem(FormField::Roles)) id="roles-error" />
            </fieldset>
            // Open when one of its inputs was refused, so the reason is seen.
            <details
                class="options"
                prop:open=move || problem(FormField::DeletionDate).is_some() || problem(FormField::ExtraInfo).is_some()
            >
                <summary>{lang.t(Msg::Options)}</summary>
                <div class="options-body">
                    <div class="field">
                        <label for="extra_info">{lang.t(Msg::ExtraInfo)}</label>
                        <textarea
                            id="extra_info"
                            name="input[extra_info]"
                            rows="2"
                            maxlength="2000"
                            aria-invalid=move || invalid(FormField::ExtraInfo)
                            aria-describedby="extra_info-error"
                        ></textarea>
                        <FieldHint problem=Signal::derive(move || problem(FormField::ExtraInfo)) id="extra_info-error" />
                    </div>
                    <div class="field-row">
                        <div class="field">
                            <label for="language">{lang.t(Msg::Language)}</label>
                            <select id="language" name="input[language]">
                                {Lang::ALL
                                    .into_iter()
                                    .map(|l| view! { <option value=l.code() selected=l == lang>{l.native_name()}</option> })
                                    .collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="deletion_date">{lang.t(Msg::DeletionDate)}</label>
                            <input
                                type="date"
                                id="deletion_date"
                                name="input[deletion_date]"
                                aria-invalid=move || invalid(FormField::DeletionDate)
                                aria-describedby="deletion-error deletion-help"
                            />
                            <FieldHint problem=Signal::derive(move || problem(FormField::DeletionDate)) id="deletion-error" />
                        </div>
                    </div>
                    <p id="deletion-help" class="muted help">{lang.t(Msg::DeletionDateHelp)}</p>
                    <fieldset class="field">
                        <legend>{lang.t(Msg::AccountTypeLabel)}</legend>
                        {AccountType::ALL
                            .into_iter()
                            .map(|t| {
                                let id = format!("type-{}", t.as_str());
                                let help = if t == AccountType::Member { Msg::MemberHelp } else { Msg::GuestHelp };
                                view! {
                                    <div class="radio">
                                        <input
                                            type="radio"
                                            id=id.clone()
                                            name="input[account_type]"
                                            value=t.as_str()
                                            checked=t == AccountType::Member
                                        />
                                        <label for=id>
                                            {lang.t(format::account_type(t))}
                                            <span class="muted">" — " {lang.t(help)}</span>
                                        </label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                </div>
            </details>
            <CustomFieldInputs
                fields=panel.custom_fields.clone()
                values=Default::default()
                problem=Callback::new(move |key: String| problem(FormField::Custom(key)))
            />
            <FormError value=create.value() />
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || create.pending().get()>
                    {move || if create.pending().get() { lang.t(Msg::Creating) } else { lang.t(Msg::CreateButton) }}
                </button>
            </div>
        </ActionForm>
        <CreateResult value=create.value() resubmit />
    }
}

/// The groups the account goes in: chips of the chosen ones, and a chooser
/// (tree, search, several at once) behind `+`. The checkboxes are the form
/// fields, so it works before the wasm loads too.
#[component]
fn GroupChooser(
    groups: Vec<GroupChoice>,
    initial: GroupId,
    selected: RwSignal<BTreeSet<GroupId>>,
) -> impl IntoView {
    let lang = use_lang();
    let search = RwSignal::new(String::new());
    let chooser = NodeRef::<html::Details>::new();
    let paths = StoredValue::new(
        groups
            .iter()
            .map(|g| (g.id, g.path.clone()))
            .collect::<Vec<_>>(),
    );
    let chips = move || {
        let chosen = selected.get();
        let list: Vec<(GroupId, String)> = paths.with_value(|p| {
            p.iter()
                .filter(|(id, _)| chosen.contains(id))
                .cloned()
                .collect()
        });
        if list.is_empty() {
            return view! { <p class="muted">{lang.t(Msg::NoGroupChosen)}</p> }.into_any();
        }
        view! {
            <ul class="chips">
                {list
                    .into_iter()
                    .map(|(id, path)| {
                        let label = format!("{} {path}", lang.t(Msg::RemoveChip));
                        view! {
                            <li class="chip">
                                <span>{path}</span>
                                <button
                                    type="button"
                                    class="chip-remove"
                                    aria-label=label
                                    on:click=move |_| selected.update(|s| { s.remove(&id); })
                                >
                                    "×"
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let items = groups
        .into_iter()
        .map(|g| {
            let id = g.id;
            let input_id = format!("group-{id}");
            let name = g.path.rsplit(" › ").next().unwrap_or(&g.path).to_owned();
            let path = g.path.clone();
            let haystack = g.path.to_lowercase();
            view! {
                <li
                    style=format!("padding-left: {}rem", g.depth as f32 * 1.25)
                    hidden=move || {
                        let q = search.get().trim().to_lowercase();
                        !q.is_empty() && !haystack.contains(&q)
                    }
                >
                    <input
                        type="checkbox"
                        id=input_id.clone()
                        name=CreateAccountInput::group_field(id)
                        value="on"
                        checked=id == initial
                        prop:checked=move || selected.with(|s| s.contains(&id))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            selected.update(|s| { if on { s.insert(id); } else { s.remove(&id); } });
                        }
                    />
                    <label for=input_id title=path>{name}</label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field group-chooser">
            <legend>{lang.t(Msg::Groups)}</legend>
            {chips}
            <details class="chooser" node_ref=chooser>
                <summary class="button secondary">
                    <span aria-hidden="true">"+ "</span>
                    {lang.t(Msg::AddGroups)}
                </summary>
                <div class="chooser-body">
                    <div class="field">
                        <label for="group-search">{lang.t(Msg::SearchGroup)}</label>
                        <input
                            type="search"
                            id="group-search"
                            autocomplete="off"
                            on:input=move |ev| search.set(event_target_value(&ev))
                            on:keydown=move |ev| {
                                // Enter filters; it must not submit the form.
                                if ev.key() == "Enter" {
                                    ev.prevent_default();
                                }
                            }
                        />
                    </div>
                    <ul class="tree-list">{items}</ul>
                    <button
                        type="button"
                        class="button primary"
                        on:click=move |_| {
                            if let Some(details) = chooser.get() {
                                let _ = details.remove_attribute("open");
                            }
                        }
                    >
                        {lang.t(Msg::Validate)}
                    </button>
                </div>
            </details>
        </fieldset>
    }
}

#[component]
fn CreateResult(
    #[prop(into)] value: Signal<Option<Result<CreateOutcome, ApiError>>>,
    resubmit: impl Fn(&'static str) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let resend = ServerAction::<ResendInvitation>::new();
    move || {
        let outcome = match value.get() {
            Some(Ok(outcome)) => outcome,
            _ => return None,
        };
        Some(match outcome {
            CreateOutcome::Created {
                user_id,
                name,
                login,
                generated_password,
                credentials_mailed,
            } => view! {
                <section class="results ok" role="status">
                    <p>
                        <strong>{lang.fmt(Msg::AccountCreated, &[("name", name.into())])}</strong>
                        " — "
                        <a href=format!("/users/{user_id}")>{lang.t(Msg::OpenAccount)}</a>
                    </p>
                    <p>{lang.t(Msg::SignsInWith)} " " <code class="login">{login}</code></p>
                    {credentials_mailed.then(|| view! { <p>{lang.t(Msg::CredentialsMailed)}</p> })}
                    {generated_password
                        .map(|password| {
                            view! {
                                <div class="generated-password">
                                    <p>{lang.t(Msg::GeneratedPasswordOnce)}</p>
                                    <div class="copy-row">
                                        <code class="password">{password.clone()}</code>
                                        <CopyButton text=password />
                                    </div>
                                </div>
                            }
                        })}
                </section>
            }
            .into_any(),
            CreateOutcome::ExistingAccount { account: Some((user_id, name)) } => view! {
                <section class="results info" role="status">
                    <p>
                        <strong>{lang.t(Msg::ExistingAccountLong)}</strong>
                    </p>
                    <p>
                        {lang.t(Msg::ExistingAccountHint)} " "
                        <a href=format!("/users/{user_id}")>{name}</a>
                    </p>
                </section>
            }
            .into_any(),
            CreateOutcome::ExistingAccount { account: None } => view! {
                <section class="results info" role="status">
                    <p>
                        <strong>{lang.t(Msg::ExistingAccountElsewhere)}</strong>
                    </p>
                </section>
            }
            .into_any(),
            CreateOutcome::PendingInvitation { invitation_id: Some(invitation_id), email } => view! {
                <section class="results info" role="status">
                    <p>
                        <strong>{email}</strong>
                        " — "
                        {lang.t(Msg::PendingInvitationLong)}
                    </p>
                    <div class="actions">
                        <button type="button" class="button primary" on:click=move |_| resubmit("create")>
                            {lang.t(Msg::CreateAnyway)}
                        </button>
                        <button
                            type="button"
                            class="button secondary"
                            on:click=move |_| {
                                resend.dispatch(ResendInvitation { id: invitation_id });
                            }
                        >
                            {lang.t(Msg::Resend)}
                        </button>
                    </div>
                    <FormError value=resend.value() />
                    {move || matches!(resend.value().get(), Some(Ok(()))).then(|| view! { <p>{lang.t(Msg::Resent)}</p> })}
                </section>
            }
            .into_any(),
            CreateOutcome::PendingInvitation { invitation_id: None, email } => view! {
                <section class="results info" role="status">
                    <p>
                        <strong>{email}</strong>
                        " — "
                        {lang.t(Msg::PendingInvitationElsewhere)}
                    </p>
                    <div class="actions">
                        <button type="button" class="button primary" on:click=move |_| resubmit("add")>
                            {lang.t(Msg::AddToInvitation)}
                        </button>
                    </div>
                </section>
            }
            .into_any(),
            CreateOutcome::AddedToInvitation { email } => view! {
                <section class="results ok" role="status">
                    <p>
                        <strong>{email}</strong>
                        " — "
                        {lang.t(Msg::AddedToInvitation)}
                    </p>
                </section>
            }
            .into_any(),
        })
    }
}
