//! Small pieces shared by pages.

use leptos::prelude::*;

use super::lang::{set_not_found_status, use_lang};
use crate::api::ApiError;
use crate::contracts::error::FormField;
use crate::domain::{GroupId, GroupRole};
use crate::i18n::{Lang, Msg};

/// The refusal of the last submission of a form, translated, announced to
/// screen readers.
#[component]
pub fn FormError<T>(#[prop(into)] value: Signal<Option<Result<T, ApiError>>>) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    let lang = use_lang();
    move || {
        value.with(|v| match v {
            Some(Err(e)) => Some(view! {
                <p class="form-error" role="alert">
                    {e.text(lang)}
                </p>
            }),
            _ => None,
        })
    }
}

/// Why one input was refused, under it; its id goes in the input's
/// `aria-describedby` so a screen reader reads it with the input.
#[component]
pub fn FieldHint(#[prop(into)] problem: Signal<Option<Msg>>, id: &'static str) -> impl IntoView {
    let lang = use_lang();
    move || {
        problem.get().map(|msg| {
            view! {
                <p class="field-error" id=id>
                    {lang.t(msg)}
                </p>
            }
        })
    }
}

/// First and last name, each with the reason it was refused, if it was.
#[component]
pub fn NameFields(
    #[prop(into)] first: Signal<Option<Msg>>,
    #[prop(into)] last: Signal<Option<Msg>>,
    /// An admin typing another person's names: the browser must not offer
    /// the admin's own.
    #[prop(optional)]
    someone_else: bool,
) -> impl IntoView {
    let lang = use_lang();
    let (given, family) = if someone_else {
        ("off", "off")
    } else {
        ("given-name", "family-name")
    };
    view! {
        <div class="field-row">
            <div class="field">
                <label for="first_name">{lang.t(Msg::FirstName)}</label>
                <input
                    id="first_name"
                    name="input[first_name]"
                    autocomplete=given
                    required
                    aria-invalid=move || first.get().map(|_| "true")
                    aria-describedby="first_name-error"
                />
                <FieldHint problem=first id="first_name-error" />
            </div>
            <div class="field">
                <label for="last_name">{lang.t(Msg::LastName)}</label>
                <input
                    id="last_name"
                    name="input[last_name]"
                    autocomplete=family
                    required
                    aria-invalid=move || last.get().map(|_| "true")
                    aria-describedby="last_name-error"
                />
                <FieldHint problem=last id="last_name-error" />
            </div>
        </div>
    }
}

/// A new password and its confirmation, each with the reason it was
/// refused, if it was.
#[component]
pub fn NewPasswordFields(
    #[prop(into)] password: Signal<Option<Msg>>,
    #[prop(into)] confirm: Signal<Option<Msg>>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
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
                aria-invalid=move || password.get().map(|_| "true")
                aria-describedby="password-error password-help"
            />
            <FieldHint problem=password id="password-error" />
            <p id="password-help" class="muted help">{lang.t(Msg::PasswordHelp)}</p>
        </div>
        <div class="field">
            <label for="password_confirm">{lang.t(Msg::PasswordConfirm)}</label>
            <input
                id="password_confirm"
                name="input[password_confirm]"
                type="password"
                autocomplete="new-password"
                required
                aria-invalid=move || confirm.get().map(|_| "true")
                aria-describedby="password_confirm-error"
            />
            <FieldHint problem=confirm id="password_confirm-error" />
        </div>
    }
}

/// What a form's refused inputs are, from its last submission: a closure
/// the form asks per input.
pub fn field_problems<T>(
    value: impl Into<Signal<Option<Result<T, ApiError>>>>,
) -> impl Fn(FormField) -> Option<Msg> + Copy + Send + Sync + 'static
where
    T: Clone + Send + Sync + 'static,
{
    let value = value.into();
    move |field| {
        value.with(|v| match v {
            Some(Err(e)) => e.on_field(&field),
            _ => None,
        })
    }
}

/// One role's checkbox (`input[roles][<role>]`), labelled with the role.
#[component]
pub fn RoleCheckbox(
    role: GroupRole,
    id: String,
    /// Ticked by default; live where one member editor serves every row.
    #[prop(into)]
    checked: Signal<bool>,
    /// Greyed out while the role may not be granted everywhere chosen.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="checkbox">
            <input
                type="checkbox"
                id=id.clone()
                name=crate::contracts::form::RoleChecks::field(role)
                value="on"
                checked=checked
                disabled=disabled
            />
            <label for=id>{lang.t(super::format::role(role))}</label>
        </div>
    }
}

/// Someone's groups, each linked, with the roles held there; `empty` when
/// there are none.
#[component]
pub fn GroupRolesList(groups: Vec<(GroupId, String, Vec<GroupRole>)>, empty: Msg) -> impl IntoView {
    let lang = use_lang();
    if groups.is_empty() {
        return view! { <p class="muted">{lang.t(empty)}</p> }.into_any();
    }
    view! {
        <ul class="group-roles">
            {groups
                .into_iter()
                .map(|(id, path, roles)| {
                    let roles = roles.iter().map(|r| lang.t(super::format::role(*r))).collect::<Vec<_>>().join(", ");
                    view! {
                        <li>
                            <a href=format!("/groups/{id}")>{path}</a>
                            " — "
                            {roles}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// `COPIER`: puts `text` on the clipboard and says so beside the button.
#[component]
pub fn CopyButton(text: String) -> impl IntoView {
    let lang = use_lang();
    let copied = RwSignal::new(false);
    view! {
        <button
            type="button"
            class="button secondary"
            on:click=move |_| {
                let _ = window().navigator().clipboard().write_text(&text);
                copied.set(true);
            }
        >
            {lang.t(Msg::Copy)}
        </button>
        {move || copied.get().then(|| view! { <span>{lang.t(Msg::Copied)}</span> })}
    }
}

/// A transient confirmation after a successful submission.
#[component]
pub fn FormSuccess<T>(
    #[prop(into)] value: Signal<Option<Result<T, ApiError>>>,
    msg: Msg,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    let lang = use_lang();
    move || {
        value.with(|v| match v {
            Some(Ok(_)) => Some(view! {
                <p class="form-success" role="status">
                    {lang.t(msg)}
                </p>
            }),
            _ => None,
        })
    }
}

/// Empties a form once its submission succeeded, so the next entry starts
/// clean (the success message says what was done).
pub fn reset_on_success<T>(
    form: NodeRef<leptos::html::Form>,
    value: impl Into<Signal<Option<Result<T, ApiError>>>>,
) where
    T: Clone + Send + Sync + 'static,
{
    let value = value.into();
    Effect::new(move |_| {
        if value.with(|v| matches!(v, Some(Ok(_))))
            && let Some(form) = form.get()
        {
            form.reset();
        }
    });
}

/// A plain form (no script needed): each button posts its language and the
/// server sends the browser back to the page it was on.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let lang = use_lang();
    view! {
        <form class="lang-switch" method="post" action="/api/prefs/language">
            <span class="visually-hidden">{lang.t(Msg::Language)}</span>
            {Lang::ALL
                .into_iter()
                .map(|l| {
                    view! {
                        <button
                            type="submit"
                            name="lang"
                            value=l.code()
                            lang=l.code()
                            aria-pressed=if l == lang { "true" } else { "false" }
                            title=l.native_name()
                        >
                            {l.code().to_ascii_uppercase()}
                        </button>
                    }
                })
                .collect_view()}
        </form>
    }
}

/// The centred card of the pages seen before signing in (login, setup,
/// first-login form): the product's name and the language switch on top.
#[component]
pub fn AuthCard(children: Children) -> impl IntoView {
    let lang = use_lang();
    view! {
        <main id="main" class="centered-page">
            <div class="card auth-card">
                <div class="card-header">
                    <p class="brand">{lang.t(Msg::AppName)}</p>
                    <LangSwitch />
                </div>
                {children()}
            </div>
        </main>
    }
}

/// `Précédent  2 / 7  Suivant`: links to the neighbouring pages of a
/// table, `?page=N` followed by `tail` (the table's other parameters,
/// `&k=v…`). Past a capped count (`capped`), the last page is unknown but
/// there is a next one.
#[component]
pub fn Pager(page: i64, per_page: i64, total: i64, capped: bool, tail: String) -> impl IntoView {
    let lang = use_lang();
    let href = move |p: i64| format!("?page={p}{tail}");
    let last_page = crate::domain::paging::last_page(total, per_page);
    let has_next = page < last_page || capped;
    let of = if capped {
        lang.fmt(Msg::MoreThan, &[("count", last_page.into())])
    } else {
        last_page.to_string()
    };
    view! {
        <nav class="pager" aria-label=lang.t(Msg::Pagination)>
            {(page > 1).then(|| view! { <a href=href(page - 1) rel="prev">{lang.t(Msg::Previous)}</a> })}
            <span class="muted">{page} " / " {of}</span>
            {has_next.then(|| view! { <a href=href(page + 1) rel="next">{lang.t(Msg::Next)}</a> })}
        </nav>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    set_not_found_status();
    let card = view! {
        <div class="card">
            <h1>{lang.t(Msg::NotFoundTitle)}</h1>
            <p>
                <a href="/">{lang.t(Msg::BackHome)}</a>
            </p>
        </div>
    };
    // Inside the signed-in frame (a missing group…), the frame's `main`
    // holds it: a second one would be a landmark inside a landmark.
    if use_context::<super::frame::Refresh>().is_some() {
        view! { <div class="centered-page in-frame">{card}</div> }.into_any()
    } else {
        view! { <main id="main" class="centered-page">{card}</main> }.into_any()
    }
}

/// A centred message while data loads.
#[component]
pub fn Loading() -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="loading" aria-live="polite">
            {lang.t(Msg::Working)}
        </p>
    }
}

/// What a one-time link's page shows when the link cannot serve (used,
/// expired, replaced, unknown): why, and the way to sign in.
#[component]
pub fn ClosedLink(title: Msg, error: ApiError) -> impl IntoView {
    let lang = use_lang();
    view! {
        <h1>{lang.t(title)}</h1>
        <p class="form-error" role="alert">
            {lang.t(error.message())}
        </p>
        <p>
            <a href="/login">{lang.t(Msg::LoginTitle)}</a>
        </p>
    }
}

/// Once a sign-in form succeeds (login, setup, invitation, set-password),
/// a full load of home: the new session cookie and language take effect
/// everywhere, the frame included.
pub fn go_home_after<T>(value: impl Into<Signal<Option<Result<T, ApiError>>>>)
where
    T: Clone + Send + Sync + 'static,
{
    let value = value.into();
    Effect::new(move |_| {
        if value.with(|v| matches!(v, Some(Ok(_)))) {
            let _ = window().location().set_href("/");
        }
    });
}

/// "Places : 8 / 10 — Cette action en utilisera au plus 3.": on the forms
/// that could use seats, while a limit is set.
#[component]
pub fn SeatLine(
    seats: crate::contracts::seats::SeatUse,
    /// How many seats the action would use at most.
    #[prop(into)]
    uses: Signal<i64>,
) -> impl IntoView {
    let lang = use_lang();
    let limit = seats.limit?;
    let usage = lang.fmt(
        Msg::SeatsUsage,
        &[("used", seats.used.into()), ("limit", limit.into())],
    );
    let full = seats.free() == Some(0);
    let short = move || uses.get() > seats.free().unwrap_or(i64::MAX);
    Some(view! {
        <p class="seat-line" class:warning=short>
            <strong>{usage}</strong>
            {move || {
                let n = uses.get();
                (n > 0).then(|| format!(" — {}", lang.fmt(Msg::SeatsThisUses, &[("count", n.into())])))
            }}
            // Only when this action would take a seat: guests take none.
            {move || {
                (full && uses.get() > 0)
                    .then(|| view! { <span class="seat-full">" " {lang.t(Msg::SeatsNoneFree)}</span> })
            }}
        </p>
    })
}
