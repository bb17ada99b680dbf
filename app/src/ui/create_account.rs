//! `+ → Utilisateur → Créer un compte`: the account is active at once, in
//! the groups chosen, with the roles ticked.

use std::collections::BTreeSet;

use leptos::html;
use leptos::prelude::*;

use super::custom_fields::CustomFieldInputs;
use super::format;
use super::group_chooser::{GroupChooser, RoleChooser};
use super::group_page::use_group_id;
use super::lang::use_lang;
use super::loaded::loaded;
use super::user_panel::PanelShell;
use super::widgets::{
    CopyButton, FieldHint, FormError, Loading, NameFields, NotFound, SeatLine, field_problems,
};
use crate::api::ApiError;
use crate::api::accounts::{CreateAccount, CreateOutcome, CreatePanel, get_create_panel};
use crate::api::invitation_tab::ResendInvitation;
use crate::contracts::error::FormField;
use crate::domain::{AccountType, GroupId};
use crate::i18n::{Lang, Msg};

#[component]
pub fn CreateAccountPage() -> impl IntoView {
    let id = use_group_id();
    let panel = loaded(move || id.get(), get_create_panel);
    // Outside the Transition: the result survives a reload of the panel.
    let create = ServerAction::<CreateAccount>::new();
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match panel.await {
                    Ok(panel) => {
                        view! {
                            <PanelShell group_id=panel.group_id group_path=panel.group_path.clone()>
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
    let kind = RwSignal::new(AccountType::Member);
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
            kind.set(AccountType::Member);
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
    view! {
        <ActionForm action=create node_ref=form attr:class="create-form">
            <input type="hidden" name="input[group_id]" value=panel.group_id.to_string() />
            <input type="hidden" name="input[if_invited]" prop:value=move || if_invited.get() />
            <NameFields
                first=Signal::derive(move || problem(FormField::FirstName))
                last=Signal::derive(move || problem(FormField::LastName))
                someone_else=true
            />
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
            <RoleChooser
                groups=panel.groups.clone()
                roles=panel.roles.clone()
                selected
                help=Msg::RolesApplyAll
                problem=Signal::derive(move || problem(FormField::Roles))
                account_type=kind
            />
            <SeatLine seats=panel.seats uses=Signal::derive(move || i64::from(kind.get().is_billable())) />
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
                                            on:change=move |_| kind.set(t)
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
