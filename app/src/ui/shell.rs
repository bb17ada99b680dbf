//! The HTML document around the app, rendered on the server only: the
//! browser hydrates `App` inside it.

use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags};

use super::App;
use super::lang::initial;
use crate::i18n::shipped;

/// Keeps the `onboard_tz` cookie equal to the browser's time zone.
const ZONE_SCRIPT: &str = "try{var z=encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone||'');\
if(z&&document.cookie.indexOf('onboard_tz='+z)==-1)\
document.cookie='onboard_tz='+z+';path=/;max-age=31536000;samesite=lax'}catch(e){}";

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = initial();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <AutoReload options=options.clone() />
                // The style sheet and scripts by their built names (with a
                // content hash when the build wrote one: cached for a year).
                <HashedStylesheet options=options.clone() id="leptos" />
                // The page language's texts, read by the wasm when it
                // hydrates (`i18n::shipped`): deferred, so it loads beside
                // the wasm and runs before the hydration script.
                <script defer src=shipped::script(lang).path.as_str()></script>
                <HydrationScripts options />
                // The browser's time zone, for the dates the server writes
                // on the next pages (the Journal's); the platform's until then.
                <script inner_html=ZONE_SCRIPT></script>
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}
