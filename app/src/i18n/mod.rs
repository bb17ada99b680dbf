//! Languages and their texts: French first, then English and Dutch.
//!
//! The texts are Project Fluent catalogues in `locales/` (one file per
//! language), addressed from Rust by typed keys (`Msg`); see `messages`;
//! the server holds them all (`catalogue`).
//! Dates and counts are written per language here. The browser gets only
//! its page's language, from a script beside the wasm (`shipped`).

#[cfg(feature = "ssr")]
mod catalogue;
pub mod labels;
mod markers;
mod messages;
mod numbers;
pub mod shipped;

use serde::{Deserialize, Serialize};

pub use messages::{Arg, Msg};

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Lang {
    #[default]
    Fr,
    En,
    Nl,
}

impl Lang {
    /// Every language offered, in the order the switches show them.
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::En, Lang::Nl];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }

    /// The language's own name, as shown in a language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
            Lang::Nl => "Nederlands",
        }
    }

    /// The language's name in the reader's language ("anglais" for a
    /// French reader), for labels such as "Libellé (anglais)".
    pub fn name_in(self, reader: Lang) -> &'static str {
        reader.t(match self {
            Lang::Fr => Msg::LanguageFr,
            Lang::En => Msg::LanguageEn,
            Lang::Nl => Msg::LanguageNl,
        })
    }

    /// Accepts `fr`, `fr-FR`, `en_GB`, `nl-BE`, `EN`…; regional variants
    /// fall back to their base language. This is the lenient reading, for
    /// what people and browsers send; stored values go through `decode`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let base = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == base)
    }

    /// A stored language code, read strictly: only what `code` writes.
    pub fn decode(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The first supported language of an `Accept-Language` header, in the
    /// order the browser gives (quality values are already sorted by every
    /// mainstream browser).
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        header
            .split(',')
            .filter_map(|part| part.split(';').next())
            .find_map(Lang::parse)
    }

    /// The text of a message without arguments.
    pub fn t(self, msg: Msg) -> &'static str {
        msg.text(self)
    }

    /// The text of a message with its named arguments, e.g.
    /// `lang.fmt(Msg::MembersCount, &[("count", n.into())])`.
    pub fn fmt(self, msg: Msg, args: &[(&str, Arg)]) -> String {
        messages::format(self, msg, args)
    }

    /// A count written the reader's way: `12 500`, `12,500`, `12.500`.
    pub fn count(self, n: i64) -> String {
        numbers::grouped(n, self)
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A calendar date (UTC) from milliseconds since the epoch, as the reader
/// writes it: `22/11/2026` in French, `Nov 22, 2026` in English,
/// `22-11-2026` in Dutch. The UI and the mails both use it.
pub fn date(ms: i64, lang: Lang) -> String {
    let Ok(dt) = time::OffsetDateTime::from_unix_timestamp(ms.div_euclid(1000)) else {
        return String::new();
    };
    let month = u8::from(dt.month());
    match lang {
        Lang::Fr => format!("{:02}/{:02}/{}", dt.day(), month, dt.year()),
        Lang::En => format!(
            "{} {}, {}",
            MONTHS_EN[usize::from(month - 1)],
            dt.day(),
            dt.year()
        ),
        Lang::Nl => format!("{:02}-{:02}-{}", dt.day(), month, dt.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regional_tags_fall_back_to_their_base_language() {
        assert_eq!(Lang::parse("fr-BE"), Some(Lang::Fr));
        assert_eq!(Lang::parse("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::parse("nl-BE"), Some(Lang::Nl));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn stored_codes_are_read_strictly() {
        assert_eq!(Lang::decode("nl"), Some(Lang::Nl));
        assert_eq!(Lang::decode("nl-BE"), None);
        assert_eq!(Lang::decode("FR"), None);
    }

    #[test]
    fn accept_language_picks_the_first_supported_language() {
        assert_eq!(
            Lang::from_accept_language("nl-BE,nl;q=0.9,en-US;q=0.8,fr;q=0.5"),
            Some(Lang::Nl)
        );
        assert_eq!(Lang::from_accept_language("de-DE,en;q=0.8"), Some(Lang::En));
        assert_eq!(Lang::from_accept_language("de, it"), None);
    }

    #[test]
    fn dates_follow_the_reader_language() {
        const NOV_22_2026: i64 = 1_795_305_600_000;
        assert_eq!(date(NOV_22_2026, Lang::Fr), "22/11/2026");
        assert_eq!(date(NOV_22_2026, Lang::En), "Nov 22, 2026");
        assert_eq!(date(NOV_22_2026, Lang::Nl), "22-11-2026");
    }
}
