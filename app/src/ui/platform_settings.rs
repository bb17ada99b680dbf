//! `/settings/platform`: the platform's settings (platform admins): the
//! language of visitors who have not chosen one, the seat limit with
//! the billable members counted against it, and the time zone.

use leptos::prelude::*;

use super::lang::use_lang;
use super::loaded::loaded;
use super::widgets::{FormError, FormSuccess, Loading, NotFound};
use crate::api::settings::{PlatformSettings, UpdatePlatformSettings, get_platform_settings};
use crate::i18n::{Lang, Msg};

#[component]
pub fn PlatformSettingsPage() -> impl IntoView {
    let lang = use_lang();
    let update = ServerAction::<UpdatePlatformSettings>::new();
    let settings = loaded(move || update.version().get(), |_| get_platform_settings());
    view! {
        <section class="page">
            <header class="page-header">
                <h1>{lang.t(Msg::PlatformSettingsTitle)}</h1>
            </header>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match settings.await {
                        Ok(settings) => view! { <SettingsForm settings update /> }.into_any(),
                        Err(_) => view! { <NotFound /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn SettingsForm(
    settings: PlatformSettings,
    update: ServerAction<UpdatePlatformSettings>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <ActionForm action=update attr:class="panel">
            <div class="field">
                <label for="default_language">{lang.t(Msg::DefaultLanguage)}</label>
                <select id="default_language" name="input[default_language]" aria-describedby="default-language-help">
                    {Lang::ALL
                        .into_iter()
                        .map(|l| {
                            view! {
                                <option value=l.code() selected=l == settings.default_language>
                                    {l.native_name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <p id="default-language-help" class="muted help">{lang.t(Msg::DefaultLanguageHelp)}</p>
            </div>
            <input type="hidden" name="input[seat_limit_given]" value="on" />
            <div class="field">
                <label for="seat_limit">{lang.t(Msg::SeatLimit)}</label>
                <input
                    id="seat_limit"
                    name="input[seat_limit]"
                    type="number"
                    min="0"
                    step="1"
                    inputmode="numeric"
                    class="narrow"
                    value=settings.seats.limit.map(|l| l.to_string()).unwrap_or_default()
                    aria-describedby="seat-limit-usage seat-limit-help"
                />
                <p id="seat-limit-usage" class="seat-line">
                    <strong>
                        {match settings.seats.limit {
                            Some(limit) => lang.fmt(Msg::SeatsUsage, &[("used", settings.seats.used.into()), ("limit", limit.into())]),
                            None => lang.fmt(Msg::SeatsUsageUnlimited, &[("used", settings.seats.used.into())]),
                        }}
                    </strong>
                </p>
                <p id="seat-limit-help" class="muted help">{lang.t(Msg::SeatLimitHelp)}</p>
            </div>
            <div class="field">
                <label for="time_zone">{lang.t(Msg::TimeZone)}</label>
                <input
                    id="time_zone"
                    name="input[time_zone]"
                    list="time-zones"
                    autocomplete="off"
                    spellcheck="false"
                    value=settings.time_zone.clone()
                    aria-describedby="time-zone-help"
                />
                <datalist id="time-zones">
                    {settings.time_zones.iter().map(|z| view! { <option value=z.clone()></option> }).collect_view()}
                </datalist>
                <p id="time-zone-help" class="muted help">{lang.t(Msg::TimeZoneHelp)}</p>
            </div>
            <FormError value=update.value() />
            <FormSuccess value=update.value() msg=Msg::SettingsSaved />
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || update.pending().get()>
                    {lang.t(Msg::Save)}
                </button>
            </div>
        </ActionForm>
    }
}
