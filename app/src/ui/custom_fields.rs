//! Custom fields: their inputs on every form that sets them, and the
//! platform admin's settings page that defines them.

use super::loaded::loaded;
use crate::domain::FieldId;
use std::collections::HashMap;

use leptos::prelude::*;

use super::frame::use_refresh;
use super::lang::use_lang;
use super::widgets::{
    FieldHint, FormError, FormSuccess, Loading, NotFound, field_problems, reset_on_success,
};
use crate::api::accounts::{CreateCustomField, DeleteCustomField, get_custom_fields};
use crate::contracts::error::FormField;
use crate::domain::custom_field::{FieldDef, FieldType};
use crate::i18n::{Lang, Msg};

pub fn type_label(t: FieldType) -> Msg {
    match t {
        FieldType::Text => Msg::FieldTypeText,
        FieldType::Number => Msg::FieldTypeNumber,
        FieldType::Date => Msg::FieldTypeDate,
        FieldType::Choice => Msg::FieldTypeChoice,
    }
}

/// One input per field, named `input[custom][<key>]`, holding `values` (by field
/// id). Numbers are text inputs so `3,5` can be typed; the server checks.
#[component]
pub fn CustomFieldInputs(
    fields: Vec<FieldDef>,
    values: HashMap<FieldId, String>,
    /// Why a field (by key) was refused by the last submission, if it was.
    #[prop(optional)]
    problem: Option<Callback<String, Option<Msg>>>,
) -> impl IntoView {
    let lang = use_lang();
    if fields.is_empty() {
        return None;
    }
    let inputs = fields
        .into_iter()
        .map(|f| {
            let id = format!("custom-{}", f.key);
            let name = format!("input[custom][{}]", f.key);
            let value = values.get(&f.id).cloned().unwrap_or_default();
            let label = format!("{}{}", f.label(lang), if f.required { " *" } else { "" });
            let input = match f.field_type {
                FieldType::Choice => view! {
                    <select id=id.clone() name=name required=f.required>
                        <option value="">{lang.t(Msg::ChooseOne)}</option>
                        {f.choices
                            .iter()
                            .map(|c| view! { <option value=c.clone() selected=*c == value>{c.clone()}</option> })
                            .collect_view()}
                    </select>
                }
                .into_any(),
                FieldType::Date => {
                    view! { <input type="date" id=id.clone() name=name value=value required=f.required /> }
                        .into_any()
                }
                FieldType::Number => view! {
                    <input type="text" inputmode="decimal" id=id.clone() name=name value=value required=f.required />
                }
                .into_any(),
                FieldType::Text => view! {
                    <input type="text" id=id.clone() name=name value=value maxlength="500" required=f.required />
                }
                .into_any(),
            };
            let key = StoredValue::new(f.key.clone());
            let refused = move || problem.and_then(|p| p.run(key.get_value()));
            let error_id = format!("{id}-error");
            view! {
                <div class="field" class:has-error=move || refused().is_some()>
                    <label for=id>{label}</label>
                    {input}
                    {move || refused().map(|msg| view! { <p class="field-error" id=error_id.clone()>{lang.t(msg)}</p> })}
                </div>
            }
        })
        .collect_view();
    Some(view! {
        <fieldset class="field custom-fields">
            <legend>{lang.t(Msg::CustomFields)}</legend>
            {inputs}
        </fieldset>
    })
}

/// `/settings/fields`: platform admins define the fields.
#[component]
pub fn CustomFieldsPage() -> impl IntoView {
    let lang = use_lang();
    let refresh = use_refresh();
    let fields = loaded(move || refresh.0.get(), |_| get_custom_fields());
    let create = ServerAction::<CreateCustomField>::new();
    let delete = ServerAction::<DeleteCustomField>::new();
    Effect::new(move |_| {
        let added = matches!(create.value().get(), Some(Ok(_)));
        let deleted = matches!(delete.value().get(), Some(Ok(())));
        if added || deleted {
            refresh.bump();
        }
    });
    view! {
        <section class="page">
            <header class="page-header">
                <h1>{lang.t(Msg::CustomFields)}</h1>
                <p class="muted">{lang.t(Msg::CustomFieldsIntro)}</p>
            </header>
            <FormError value=delete.value() />
            <FormSuccess value=delete.value() msg=Msg::FieldDeleted />
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match fields.await {
                        Ok(fields) => view! { <FieldsTable fields delete /> }.into_any(),
                        Err(_) => view! { <NotFound /> }.into_any(),
                    }
                })}
            </Transition>
            <NewFieldForm create />
        </section>
    }
}

#[component]
fn FieldsTable(fields: Vec<FieldDef>, delete: ServerAction<DeleteCustomField>) -> impl IntoView {
    let lang = use_lang();
    if fields.is_empty() {
        return view! {
            <div class="empty-state">
                <p>{lang.t(Msg::NoFields)}</p>
                <p class="muted">{lang.t(Msg::NoFieldsHint)}</p>
            </div>
        }
        .into_any();
    }
    let rows = fields
        .into_iter()
        .map(|f| {
            let label = format!("{} {}", lang.t(Msg::DeleteFieldOf), f.label(lang));
            view! {
                <tr>
                    {Lang::ALL
                        .into_iter()
                        .map(|l| match f.labels.given(l) {
                            Some(label) => view! { <td lang=l.code()>{label.to_owned()}</td> }.into_any(),
                            None => view! { <td class="muted">"—"</td> }.into_any(),
                        })
                        .collect_view()}
                    <td>
                        <code>{f.key.clone()}</code>
                    </td>
                    <td>{lang.t(type_label(f.field_type))}</td>
                    <td>{f.choices.join(", ")}</td>
                    <td>{lang.t(if f.required { Msg::Yes } else { Msg::No })}</td>
                    <td>
                        <ActionForm action=delete>
                            <input type="hidden" name="id" value=f.id.to_string() />
                            <button type="submit" class="link-button danger" aria-label=label>
                                {lang.t(Msg::DeleteField)}
                            </button>
                        </ActionForm>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data-table">
                <thead>
                    <tr>
                        {Lang::ALL
                            .into_iter()
                            .map(|l| view! {
                                <th scope="col">
                                    {lang.fmt(Msg::FieldLabelIn, &[("language", l.name_in(lang).into())])}
                                </th>
                            })
                            .collect_view()}
                        <th scope="col">{lang.t(Msg::FieldKey)}</th>
                        <th scope="col">{lang.t(Msg::FieldTypeLabel)}</th>
                        <th scope="col">{lang.t(Msg::FieldChoices)}</th>
                        <th scope="col">{lang.t(Msg::FieldRequired)}</th>
                        <th scope="col">{lang.t(Msg::ColActions)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn NewFieldForm(create: ServerAction<CreateCustomField>) -> impl IntoView {
    let lang = use_lang();
    let kind = RwSignal::new(FieldType::Text);
    let form = NodeRef::new();
    reset_on_success(form, create.value());
    let problem = field_problems(create.value());
    let on = move |field: FormField| Signal::derive(move || problem(field.clone()));
    Effect::new(move |_| {
        if create.value().with(|v| matches!(v, Some(Ok(_)))) {
            kind.set(FieldType::Text);
        }
    });
    view! {
        <ActionForm action=create node_ref=form attr:class="panel">
            <h2>{lang.t(Msg::NewFieldHeading)}</h2>
            <fieldset class="labels" aria-describedby="labels-error">
                <legend>{lang.t(Msg::FieldLabel)}</legend>
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        let id = format!("label_{}", l.code());
                        view! {
                            <div class="field">
                                <label for=id.clone()>
                                    {lang.fmt(Msg::FieldLabelIn, &[("language", l.name_in(lang).into())])}
                                </label>
                                <input
                                    id=id
                                    name=format!("input[labels][{}]", l.code())
                                    lang=l.code()
                                    maxlength="80"
                                    required=l == Lang::Fr
                                    aria-describedby="labels-help"
                                />
                            </div>
                        }
                    })
                    .collect_view()}
                <p id="labels-help" class="muted help">{lang.t(Msg::FieldLabelHelp)}</p>
                <FieldHint problem=on(FormField::Labels) id="labels-error" />
            </fieldset>
            <div class="field-row">
                <div class="field">
                    <label for="key">{lang.t(Msg::FieldKey)}</label>
                    <input
                        id="key"
                        name="input[key]"
                        maxlength="40"
                        required
                        aria-invalid=move || problem(FormField::Key).map(|_| "true")
                        aria-describedby="key-error key-help"
                        spellcheck="false"
                    />
                    <FieldHint problem=on(FormField::Key) id="key-error" />
                    <p id="key-help" class="muted help">{lang.t(Msg::FieldKeyHelp)}</p>
                </div>
                <div class="field">
                    <label for="field_type">{lang.t(Msg::FieldTypeLabel)}</label>
                    <select
                        id="field_type"
                        name="input[field_type]"
                        on:change=move |ev| {
                            if let Some(t) = FieldType::parse(&event_target_value(&ev)) {
                                kind.set(t);
                            }
                        }
                    >
                        {FieldType::ALL
                            .into_iter()
                            .map(|t| view! { <option value=t.as_str()>{lang.t(type_label(t))}</option> })
                            .collect_view()}
                    </select>
                    <FieldHint problem=on(FormField::Kind) id="field_type-error" />
                </div>
            </div>
            // Always in the form (it works without script); shown with one
            // only for choice lists.
            <div class="field" class:hidden-with-script=move || kind.get() != FieldType::Choice>
                <label for="choices">{lang.t(Msg::FieldChoices)}</label>
                <textarea
                    id="choices"
                    name="input[choices]"
                    rows="4"
                    aria-invalid=move || problem(FormField::Choices).map(|_| "true")
                    aria-describedby="choices-error"
                ></textarea>
                <FieldHint problem=on(FormField::Choices) id="choices-error" />
            </div>
            <div class="checkbox">
                <input type="checkbox" id="required" name="input[required]" value="on" />
                <label for="required">{lang.t(Msg::FieldRequired)}</label>
            </div>
            <FormError value=create.value() />
            <FormSuccess value=create.value() msg=Msg::FieldAdded />
            <button type="submit" class="button primary" disabled=move || create.pending().get()>
                {lang.t(Msg::AddField)}
            </button>
        </ActionForm>
    }
}
