//! `Paramètres` of a group, for platform admins: rename, move, change
//! visibility, delete.

use leptos::prelude::*;

use super::frame::use_refresh;
use super::group_page::{GroupHeader, Tab, use_group_page};
use super::lang::use_lang;
use super::widgets::{FieldHint, FormError, FormSuccess, Loading, NotFound, field_problems};
use crate::api::groups::{DeleteGroup, GroupPage, UpdateGroup};
use crate::contracts::error::FormField;
use crate::domain::{GroupId, Visibility};
use crate::i18n::{Lang, Msg};

#[component]
pub fn GroupSettings() -> impl IntoView {
    let page = use_group_page();
    // The action outlives the re-render its own success triggers, so its
    // confirmation stays on screen.
    let update = ServerAction::<UpdateGroup>::new();
    let refresh = use_refresh();
    Effect::new(move |_| {
        if let Some(Ok(())) = update.value().get() {
            refresh.bump();
        }
    });
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) if page.can_manage_groups => {
                        view! {
                            <section class="page">
                                <GroupHeader page=page.clone() tab=Tab::Settings />
                                <SettingsForm page=page.clone() update />
                                <DeleteForm id=page.id />
                            </section>
                        }
                            .into_any()
                    }
                    _ => view! { <NotFound /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Radio buttons for public / private, shared with the new-group form.
#[component]
pub fn VisibilityChoice(current: Visibility) -> impl IntoView {
    let lang = use_lang();
    let option = move |v: Visibility, label: Msg, explain: Msg| {
        let id = format!("visibility-{}", v.as_str());
        view! {
            <div class="radio">
                <input type="radio" id=id.clone() name="input[visibility]" value=v.as_str() checked=current == v />
                <label for=id>
                    <strong>{lang.t(label)}</strong>
                    <span class="muted">" — " {lang.t(explain)}</span>
                </label>
            </div>
        }
    };
    view! {
        <fieldset class="field">
            <legend>{lang.t(Msg::Visibility)}</legend>
            {option(Visibility::Public, Msg::Public, Msg::PublicLong)}
            {option(Visibility::Private, Msg::Private, Msg::PrivateLong)}
        </fieldset>
    }
}

/// The parent chooser; `choices` are (id, path) pairs.
#[component]
pub fn ParentChoice(
    choices: Vec<(GroupId, String)>,
    current: Option<GroupId>,
    /// Why the parent was refused by the last submission, if it was.
    #[prop(into)]
    problem: Signal<Option<Msg>>,
) -> impl IntoView {
    let lang: Lang = use_lang();
    view! {
        <div class="field">
            <label for="parent">{lang.t(Msg::ParentGroup)}</label>
            <select
                id="parent"
                name="input[parent]"
                aria-invalid=move || problem.get().map(|_| "true")
                aria-describedby="parent-error"
            >
                <option value="" selected=current.is_none()>
                    {lang.t(Msg::NoParent)}
                </option>
                {choices
                    .into_iter()
                    .map(|(id, path)| {
                        view! {
                            <option value=id.to_string() selected=current == Some(id)>
                                {path}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <FieldHint problem id="parent-error" />
        </div>
    }
}

/// A group's name, with the reason it was refused, if it was; shared with
/// the new-group form.
#[component]
pub fn GroupNameField(
    #[prop(optional)] value: String,
    #[prop(into)] problem: Signal<Option<Msg>>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="field">
            <label for="name">{lang.t(Msg::GroupName)}</label>
            <input
                id="name"
                name="input[name]"
                value=value
                maxlength="120"
                required
                aria-invalid=move || problem.get().map(|_| "true")
                aria-describedby="name-error"
            />
            <FieldHint problem id="name-error" />
        </div>
    }
}

#[component]
fn SettingsForm(page: GroupPage, update: ServerAction<UpdateGroup>) -> impl IntoView {
    let lang = use_lang();
    let problem = field_problems(update.value());
    view! {
        <ActionForm action=update attr:class="panel">
            <input type="hidden" name="input[id]" value=page.id.to_string() />
            <GroupNameField value=page.name.clone() problem=Signal::derive(move || problem(FormField::Name)) />
            <ParentChoice
                choices=page.parent_choices.clone()
                current=page.parent_id
                problem=Signal::derive(move || problem(FormField::Parent))
            />
            <VisibilityChoice current=page.visibility />
            <FormError value=update.value() />
            <FormSuccess value=update.value() msg=Msg::GroupSaved />
            <button type="submit" class="button primary" disabled=move || update.pending().get()>
                {lang.t(Msg::Save)}
            </button>
        </ActionForm>
    }
}

#[component]
fn DeleteForm(id: GroupId) -> impl IntoView {
    let lang = use_lang();
    let delete = ServerAction::<DeleteGroup>::new();
    let confirming = RwSignal::new(false);
    view! {
        <section class="panel danger" aria-labelledby="danger-title">
            <h2 id="danger-title">{lang.t(Msg::DangerZone)}</h2>
            <p class="muted">{lang.t(Msg::DeleteGroupConfirm)}</p>
            <ActionForm action=delete>
                <input type="hidden" name="id" value=id.to_string() />
                <FormError value=delete.value() />
                // Two steps with a script; one without (the text above warns).
                <Show
                    when=move || confirming.get()
                    fallback=move || {
                        view! {
                            <button
                                type="button"
                                class="button danger"
                                on:click=move |_| confirming.set(true)
                            >
                                {lang.t(Msg::DeleteGroup)}
                            </button>
                        }
                    }
                >
                    <button type="submit" class="button danger" disabled=move || delete.pending().get()>
                        {lang.t(Msg::DeleteGroup)} " ✓"
                    </button>
                    <button type="button" class="button secondary" on:click=move |_| confirming.set(false)>
                        {lang.t(Msg::Cancel)}
                    </button>
                </Show>
            </ActionForm>
        </section>
    }
}
