//! Every language's patterns, as `app/build.rs` compiled them from
//! `locales/*.ftl`: the server's catalogue. The browser holds only its
//! page's language, from the texts script (`shipped`).

use super::{Lang, Msg};

mod compiled {
    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

/// A language's messages, aligned with `compiled::IDS` (sorted).
fn of(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Fr => compiled::FR,
        Lang::En => compiled::EN,
        Lang::Nl => compiled::NL,
    }
}

/// The encoded pattern of `msg` in `lang`, if its catalogue has it.
pub(super) fn pattern(lang: Lang, msg: Msg) -> Option<&'static str> {
    let i = compiled::IDS.binary_search(&msg.id()).ok()?;
    Some(of(lang)[i]).filter(|p| !p.is_empty())
}
