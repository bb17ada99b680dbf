//! `+ → Utilisateur`: the panel for adding people to a group. Its left bar
//! names the ways in; each is its own URL.

use leptos::prelude::*;
use leptos_router::components::A;

use super::custom_fields::CustomFieldInputs;
use super::format;
use super::group_page::use_group_id;
use super::invitations_tab::{InvitationsHeader, InvitationsTab, use_tab_data};
use super::lang::use_lang;
use super::loaded::loaded;
use super::widgets::{FormError, Loading, NotFound, RoleCheckbox, SeatLine};
use crate::api::ApiError;
use crate::api::invitations::{InviteLine, InvitePanel, InviteUsers, get_invite_panel};
use crate::domain::invitation::InviteOutcome;
use crate::domain::{AccountType, EmailError, GroupId, GroupRole, policy};
use crate::i18n::{Lang, Msg};

/// The tab loads its own data: nesting it in the panel's suspense made
/// hydration lose its place, so its frame needs nothing but the URL. The
/// header (the group's path) reads the tab's page, in a boundary of its own.
/// The panel's ways in run above the table here, which needs the width.
#[component]
pub fn InvitationsPanelPage() -> impl IntoView {
    let id = use_group_id();
    let data = use_tab_data();
    view! {
        <section class="page">
            <InvitationsHeader group_id=id.get_untracked() data />
            <div class="user-panel wide">
                <PanelNav group_id=id.get_untracked() />
                <div class="panel-body">
                    <InvitationsTab data />
                </div>
            </div>
        </section>
    }
}

#[component]
fn PanelNav(group_id: GroupId) -> impl IntoView {
    let lang = use_lang();
    let base = format!("/groups/{group_id}/users");
    view! {
        <nav class="panel-nav" aria-label=lang.t(Msg::PanelTitle)>
            <A href=format!("{base}/invite") attr:class="panel-nav-link">
                {lang.t(Msg::PanelInvite)}
            </A>
            <A href=format!("{base}/create") attr:class="panel-nav-link">
                {lang.t(Msg::PanelCreate)}
            </A>
            <A href=format!("{base}/import") attr:class="panel-nav-link">
                {lang.t(Msg::PanelImport)}
            </A>
            <A href=format!("{base}/invitations") attr:class="panel-nav-link">
                {lang.t(Msg::PanelInvitations)}
            </A>
            <A href=format!("{base}/imports") attr:class="panel-nav-link">
                {lang.t(Msg::PanelImports)}
            </A>
        </nav>
    }
}

#[component]
pub fn InvitePanelPage() -> impl IntoView {
    let id = use_group_id();
    let panel = loaded(move || id.get(), get_invite_panel);
    // Outside the Transition: results survive a reload of the panel data.
    let invite = ServerAction::<InviteUsers>::new();
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match panel.await {
                    Ok(panel) => view! { <PanelFrame panel invite /> }.into_any(),
                    Err(_) => view! { <NotFound /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn PanelFrame(panel: InvitePanel, invite: ServerAction<InviteUsers>) -> impl IntoView {
    view! {
        <PanelShell group_id=panel.group_id group_path=panel.group_path.clone()>
            <InviteForm panel invite />
        </PanelShell>
    }
}

/// The panel's frame: breadcrumb, title, the left bar of the ways in, and
/// the chosen way's form. Like the Invitations tab and the import wizard,
/// the breadcrumb links back to the group by its whole path and the title
/// names the group.
#[component]
pub fn PanelShell(group_id: GroupId, group_path: String, children: Children) -> impl IntoView {
    let lang = use_lang();
    let group_name = format::last_group(&group_path).to_owned();
    view! {
        <section class="page">
            <header class="page-header">
                <nav aria-label=lang.t(Msg::Breadcrumb)>
                    <ol class="breadcrumb">
                        <li>
                            <a href=format!("/groups/{group_id}")>{group_path}</a>
                        </li>
                        <li>
                            <span aria-current="page">{lang.t(Msg::PanelTitle)}</span>
                        </li>
                    </ol>
                </nav>
                <h1>{lang.t(Msg::PanelTitle)} " — " {group_name}</h1>
            </header>
            <div class="user-panel">
                <PanelNav group_id />
                <div class="panel-body">{children()}</div>
            </div>
        </section>
    }
}

#[component]
fn InviteForm(panel: InvitePanel, invite: ServerAction<InviteUsers>) -> impl IntoView {
    let lang = use_lang();
    // A guest holds the learner role only: the other roles grey out while
    // `Invité` is chosen (the server refuses them anyway).
    let guest = RwSignal::new(false);
    let role_checkbox = move |role: GroupRole| {
        let disabled = Signal::derive(move || !policy::may_hold(account_type(guest.get()), role));
        view! { <RoleCheckbox role id=format!("role_{}", role.as_str()) checked=role == GroupRole::Learner disabled /> }
    };
    let typed = RwSignal::new(String::new());
    let seats = panel.seats;
    // After INVITER the field keeps only what needs correcting: the invalid
    // entries, one per line; every other address was handled.
    let emails = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if let Some(Ok(lines)) = invite.value().get()
            && let Some(area) = emails.get()
        {
            let kept: Vec<&str> = lines
                .iter()
                .filter(|l| matches!(l.outcome, InviteOutcome::Invalid(_)))
                .map(|l| l.address.as_str())
                .collect();
            area.set_value(&kept.join("\n"));
        }
    });
    view! {
        <ActionForm action=invite attr:class="invite-form">
            <input type="hidden" name="input[group_id]" value=panel.group_id.to_string() />
            <div class="field">
                <label for="emails">{lang.t(Msg::Emails)}</label>
                <textarea
                    node_ref=emails
                    id="emails"
                    name="input[emails]"
                    rows="4"
                    aria-describedby="emails-help"
                    spellcheck="false"
                    placeholder="marie@exemple.fr; jean@exemple.fr"
                    on:input=move |ev| typed.set(event_target_value(&ev))
                ></textarea>
                <p id="emails-help" class="muted help">{lang.t(Msg::EmailsHelp)}</p>
            </div>
            <fieldset class="field">
                <legend>{lang.t(Msg::Roles)}</legend>
                <div class="checkbox-row">
                    {panel.grantable_roles.iter().map(|r| role_checkbox(*r)).collect_view()}
                </div>
                <p class="muted help" hidden=move || !guest.get()>{lang.t(Msg::GuestRolesHint)}</p>
            </fieldset>
            <SeatLine seats uses=Signal::derive(move || if guest.get() { 0 } else { addresses_in(&typed.get()) }) />
            <details class="options">
                <summary>{lang.t(Msg::Options)}</summary>
                <div class="options-body">
                    <div class="field-row">
                        <div class="field">
                            <label for="language">{lang.t(Msg::InviteeLanguage)}</label>
                            <select id="language" name="input[language]">
                                {Lang::ALL
                                    .into_iter()
                                    .map(|l| {
                                        view! {
                                            <option value=l.code() selected=l == lang>
                                                {l.native_name()}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="deletion_date">{lang.t(Msg::DeletionDate)}</label>
                            <input
                                type="date"
                                id="deletion_date"
                                name="input[deletion_date]"
                                aria-describedby="deletion-help"
                            />
                        </div>
                    </div>
                    <p id="deletion-help" class="muted help">{lang.t(Msg::DeletionDateHelp)}</p>
                    <fieldset class="field">
                        <legend>{lang.t(Msg::AccountTypeLabel)}</legend>
                        <div class="radio">
                            <input type="radio" id="type-member" name="input[account_type]" value="member" checked on:change=move |_| guest.set(false) />
                            <label for="type-member">
                                {lang.t(Msg::TypeMember)} <span class="muted">" — " {lang.t(Msg::MemberHelp)}</span>
                            </label>
                        </div>
                        <div class="radio">
                            <input type="radio" id="type-guest" name="input[account_type]" value="guest" on:change=move |_| guest.set(true) />
                            <label for="type-guest">
                                {lang.t(Msg::TypeGuest)} <span class="muted">" — " {lang.t(Msg::GuestHelp)}</span>
                            </label>
                        </div>
                    </fieldset>
                    <div class="field">
                        <label for="message">{lang.t(Msg::PersonalMessage)}</label>
                        <textarea id="message" name="input[message]" rows="3" maxlength="2000"></textarea>
                    </div>
                    {panel
                        .may_grant_platform_admin
                        .then(|| {
                            view! {
                                <div class="checkbox">
                                    <input type="checkbox" id="platform_admin" name="input[platform_admin]" value="on" disabled=move || guest.get() />
                                    <label for="platform_admin">{lang.t(Msg::PlatformAdminOnAccept)}</label>
                                </div>
                            }
                        })}
                </div>
            </details>
            <CustomFieldInputs fields=panel.custom_fields.clone() values=Default::default() />
            <FormError value=invite.value() />
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || invite.pending().get()>
                    {move || {
                        if invite.pending().get() { lang.t(Msg::Inviting) } else { lang.t(Msg::InviteButton) }
                    }}
                </button>
            </div>
        </ActionForm>
        <InviteResults value=invite.value() group_name=panel.group_name.clone() />
    }
}

#[component]
fn InviteResults(
    #[prop(into)] value: Signal<Option<Result<Vec<InviteLine>, ApiError>>>,
    group_name: String,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lines = match value.get() {
            Some(Ok(lines)) => lines,
            _ => return None,
        };
        let group_name = group_name.clone();
        Some(view! {
            <section class="results" aria-live="polite">
                <h2>{lang.t(Msg::ResultsTitle)}</h2>
                {if lines.is_empty() {
                    view! { <p class="muted">{lang.t(Msg::NoAddresses)}</p> }.into_any()
                } else {
                    view! {
                        <p class="result-summary">{summary(&lines, lang)}</p>
                        {lines
                            .iter()
                            .any(|l| matches!(l.outcome, InviteOutcome::Invalid(_)))
                            .then(|| view! { <p class="muted help">{lang.t(Msg::InvalidKeptHelp)}</p> })}
                        <ul class="result-list">
                            {lines
                                .into_iter()
                                .map(|line| {
                                    let (class, icon, text) = outcome_text(&line.outcome, lang, &group_name);
                                    view! {
                                        <li class=format!("result {class}")>
                                            <span class="result-icon" aria-hidden="true">{icon}</span>
                                            <span class="result-address">{line.address}</span>
                                            <span class="result-text">{text}</span>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            </section>
        })
    }
}

pub fn email_error(e: EmailError) -> String {
    crate::i18n::labels::email_error(e, use_lang())
}

/// (css class, icon, sentence) for one outcome.
fn outcome_text(
    outcome: &InviteOutcome,
    lang: Lang,
    group: &str,
) -> (&'static str, &'static str, String) {
    match outcome {
        InviteOutcome::Invited => ("ok", "✓", lang.t(Msg::OutcomeInvited).to_owned()),
        InviteOutcome::Merged { added } if added.is_empty() => {
            ("ok", "↻", lang.t(Msg::OutcomeMergedOptions).to_owned())
        }
        InviteOutcome::Merged { added } => (
            "ok",
            "↻",
            lang.fmt(
                Msg::OutcomeMergedAdded,
                &[
                    ("group", group.into()),
                    ("roles", role_list(added, lang).into()),
                ],
            ),
        ),
        InviteOutcome::AlreadyInvited { minutes_ago } => (
            "skip",
            "=",
            lang.fmt(
                Msg::OutcomeAlreadyInvited,
                &[("minutes", (*minutes_ago).into())],
            ),
        ),
        InviteOutcome::Resent => ("ok", "↻", lang.t(Msg::OutcomeResent).to_owned()),
        InviteOutcome::ExistingAccountAdded { roles } => (
            "info",
            "ℹ",
            lang.fmt(
                Msg::OutcomeExistingAddedTo,
                &[
                    ("group", group.into()),
                    ("roles", role_list(roles, lang).into()),
                ],
            ),
        ),
        InviteOutcome::OwnAccount => ("error", "✕", lang.t(Msg::ErrOwnRoles).to_owned()),
        InviteOutcome::GuestCannotHold { roles } => (
            "error",
            "✕",
            lang.fmt(
                Msg::OutcomeGuestCannotHold,
                &[("roles", role_list(roles, lang).into())],
            ),
        ),
        InviteOutcome::Duplicate => ("skip", "–", lang.t(Msg::OutcomeDuplicate).to_owned()),
        InviteOutcome::Invalid(e) => (
            "error",
            "✕",
            lang.fmt(
                Msg::OutcomeInvalidBecause,
                &[("reason", email_error(*e).into())],
            ),
        ),
    }
}

fn role_list(roles: &[GroupRole], lang: Lang) -> String {
    roles
        .iter()
        .map(|r| lang.t(format::role(*r)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "3 invitées · 1 ajoutée · 2 invalides": one count per kind of outcome,
/// in the order an admin reads them, kinds that did not occur left out.
fn summary(lines: &[InviteLine], lang: Lang) -> String {
    let kinds = [
        Msg::SummaryInvited,
        Msg::SummaryUpdated,
        Msg::SummaryAlready,
        Msg::SummaryAdded,
        Msg::SummaryDuplicate,
        Msg::SummaryRefused,
        Msg::SummaryInvalid,
    ];
    let kind = |outcome: &InviteOutcome| match outcome {
        InviteOutcome::Invited => 0,
        InviteOutcome::Merged { .. } | InviteOutcome::Resent => 1,
        InviteOutcome::AlreadyInvited { .. } => 2,
        InviteOutcome::ExistingAccountAdded { .. } => 3,
        InviteOutcome::Duplicate => 4,
        InviteOutcome::OwnAccount | InviteOutcome::GuestCannotHold { .. } => 5,
        InviteOutcome::Invalid(_) => 6,
    };
    let mut counts = [0usize; 7];
    for line in lines {
        counts[kind(&line.outcome)] += 1;
    }
    kinds
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(msg, n)| lang.fmt(*msg, &[("count", n.into())]))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn account_type(guest: bool) -> AccountType {
    if guest {
        AccountType::Guest
    } else {
        AccountType::Member
    }
}

/// At most how many different addresses the field holds: what the seat
/// line counts while typing. An upper bound is enough (the server decides
/// each address), so this skips the full address parser and its tables.
fn addresses_in(typed: &str) -> i64 {
    let mut seen: Vec<String> = typed
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|part| part.contains('@'))
        .map(|part| part.trim_matches(|c| c == '<' || c == '>').to_lowercase())
        .collect();
    seen.sort();
    seen.dedup();
    seen.len() as i64
}
