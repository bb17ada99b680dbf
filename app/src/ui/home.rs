use leptos::prelude::*;

use super::lang::use_lang;
use crate::i18n::Msg;

#[component]
pub fn Home() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="page">
            <h1>{lang.t(Msg::Welcome)}</h1>
            <p class="muted">{lang.t(Msg::HomeIntro)}</p>
        </section>
    }
}
